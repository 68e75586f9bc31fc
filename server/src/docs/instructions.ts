//! Reference text for every Dockerfile instruction and parser directive, in English and Korean.
//!
//! Sources (checked against the text, not copied):
//!   * moby/buildkit frontend/dockerfile/docs/reference.md (= docs.docker.com/reference/dockerfile/)
//!   * docs.docker.com/build/building/best-practices/ ("Only RUN, COPY and ADD create layers")
//!   * moby/buildkit frontend/dockerfile/dockerfile2llb/convert.go, dispatchWorkdir: a WORKDIR
//!     other than `/` runs a mkdir file-op and is committed to history *with* a layer.
//!
//! Data only (plus small lookups). Features render it; `render.ts` has ready-made Markdown.

import { bi, type Bilingual } from './locale';

export const REFERENCE_URL = 'https://docs.docker.com/reference/dockerfile/';

export const INSTRUCTION_NAMES = [
  'FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT',
  'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL',
] as const;
export type InstructionName = (typeof INSTRUCTION_NAMES)[number];

/**
 * What an instruction does to the image:
 * - `layer`: adds a filesystem layer (RUN, COPY, ADD; WORKDIR adds an empty-directory layer).
 * - `metadata`: only changes the image configuration (no filesystem change).
 * - `build-only`: affects the build only; nothing is stored in the image (ARG).
 * - `base`: starts a stage from the base image's layers (FROM).
 */
export type LayerEffect = 'layer' | 'metadata' | 'build-only' | 'base';

export interface SignatureParam {
  /** Exact substring of the signature label (a token, e.g. `[--from=<stage>]`, `<src>...`, `"param1"`). */
  label: string;
  doc: Bilingual;
}

export interface InstructionSignature {
  /** e.g. `COPY [--from=<stage>] ... <src>... <dest>`; exec forms contain `["`. */
  label: string;
  doc: Bilingual;
  params: SignatureParam[];
}

export interface InstructionDoc {
  name: InstructionName;
  /** Anchor on docs.docker.com/reference/dockerfile/. */
  anchor: string;
  url: string;
  /** One line: what it does. */
  summary: Bilingual;
  /** A short paragraph with the facts people get wrong. Markdown. */
  details: Bilingual;
  /** Syntax lines as in the reference. */
  forms: string[];
  layer: LayerEffect;
  /** Extra nuance on the layer effect, when needed. */
  layerNote?: Bilingual;
  /** Short Dockerfile example. */
  example: string;
  /** LSP snippet for completion (full line including the keyword). */
  snippet: string;
  /** Further snippets (other forms), optional. */
  altSnippets?: string[];
  /** Signature help. */
  signatures: InstructionSignature[];
  /** Flag names (without `--`), see flags.ts. */
  flags: string[];
  deprecated?: boolean;
}

const url = (anchor: string) => REFERENCE_URL + '#' + anchor;

// Shared parameter docs ------------------------------------------------------------------------

const P = {
  execExecutable: { label: '"executable"', doc: bi('The program to run (no shell is involved).', '실행할 프로그램입니다(셸을 거치지 않습니다).') },
  execParam1: { label: '"param1"', doc: bi('First argument.', '첫 번째 인자입니다.') },
  execParam2: { label: '"param2"', doc: bi('Second argument (add as many as needed).', '두 번째 인자입니다(필요한 만큼 더 쓸 수 있습니다).') },
  shellCommand: { label: 'command', doc: bi('Command line run by the shell (`/bin/sh -c` unless SHELL changed it).', '셸이 실행할 명령줄입니다(SHELL로 바꾸지 않았다면 `/bin/sh -c`).') },
  shellParam1: { label: 'param1', doc: bi('Argument passed in the command line.', '명령줄에 들어가는 인자입니다.') },
  shellParam2: { label: 'param2', doc: bi('More arguments.', '추가 인자입니다.') },
  src: { label: '<src>...', doc: bi('One or more sources; wildcards follow Go `filepath.Match`.', '하나 이상의 원본 경로입니다. 와일드카드는 Go의 `filepath.Match` 규칙을 따릅니다.') },
  dest: { label: '<dest>', doc: bi('Destination in the image. Absolute, or relative to WORKDIR; end it with `/` when copying several sources.', '이미지 안의 대상 경로입니다. 절대 경로이거나 WORKDIR 기준 상대 경로이며, 원본이 여러 개면 `/`로 끝나야 합니다.') },
  keyValue: { label: '<key>=<value>', doc: bi('A key and its value; quote values that contain spaces.', '키와 값입니다. 값에 공백이 있으면 따옴표로 감싸세요.') },
  moreKeyValues: { label: '[<key>=<value>...]', doc: bi('More pairs on the same line.', '같은 줄에 더 쓸 수 있는 키=값 쌍입니다.') },
};

const flagParam = (label: string, en: string, ko: string): SignatureParam => ({ label, doc: bi(en, ko) });

// The instructions -----------------------------------------------------------------------------

const DOCS: InstructionDoc[] = [
  {
    name: 'FROM', anchor: 'from', url: url('from'),
    summary: bi('Starts a new build stage from a base image.', '베이스 이미지를 지정하고 새 빌드 스테이지를 시작합니다.'),
    details: bi(
      'A Dockerfile must begin with `FROM`; only parser directives, comments and `ARG` may come before it. Each `FROM` starts a new stage and drops the state of the previous one. `AS <name>` names the stage so that a later `FROM <name>`, `COPY --from=<name>` or `RUN --mount=from=<name>` can use it. Without a tag or digest the builder uses `latest`.',
      'Dockerfile은 `FROM`으로 시작해야 합니다. 그 앞에는 파서 지시어, 주석, `ARG`만 올 수 있습니다. `FROM`을 만날 때마다 새 스테이지가 시작되고 앞 스테이지의 상태는 이어지지 않습니다. `AS <이름>`으로 스테이지에 이름을 붙이면 뒤에서 `FROM <이름>`, `COPY --from=<이름>`, `RUN --mount=from=<이름>`으로 가져다 쓸 수 있습니다. 태그나 다이제스트를 생략하면 `latest` 태그가 사용됩니다.',
    ),
    forms: [
      'FROM [--platform=<platform>] <image> [AS <name>]',
      'FROM [--platform=<platform>] <image>[:<tag>] [AS <name>]',
      'FROM [--platform=<platform>] <image>[@<digest>] [AS <name>]',
    ],
    layer: 'base',
    example: 'FROM node:20-alpine AS build',
    snippet: 'FROM ${1:image}:${2:tag}',
    altSnippets: ['FROM ${1:image}:${2:tag} AS ${3:name}'],
    signatures: [{
      label: 'FROM [--platform=<platform>] <image>[:<tag>|@<digest>] [AS <name>]',
      doc: bi('Start a stage from an image (or from an earlier stage).', '이미지(또는 앞의 스테이지)에서 스테이지를 시작합니다.'),
      params: [
        flagParam('[--platform=<platform>]', 'Platform of a multi-platform image, e.g. `linux/amd64`, `$BUILDPLATFORM`.', '멀티 플랫폼 이미지에서 고를 플랫폼입니다. 예: `linux/amd64`, `$BUILDPLATFORM`.'),
        flagParam('<image>[:<tag>|@<digest>]', 'Base image, an earlier stage name, or `scratch`. No tag → `latest`.', '베이스 이미지, 앞 스테이지의 이름 또는 `scratch`입니다. 태그가 없으면 `latest`입니다.'),
        flagParam('[AS <name>]', 'Name for this stage, usable in `COPY --from` and later `FROM`.', '이 스테이지의 이름입니다. `COPY --from`이나 뒤의 `FROM`에서 쓸 수 있습니다.'),
      ],
    }],
    flags: ['platform'],
  },
  {
    name: 'RUN', anchor: 'run', url: url('run'),
    summary: bi('Runs a command during the build and saves the result as a new layer.', '빌드 중에 명령을 실행하고 그 결과를 새 레이어로 저장합니다.'),
    details: bi(
      'Shell form runs through the stage\'s shell (`/bin/sh -c` by default); exec form runs the program directly, without variable expansion. Its cache is reused until the instruction text, an earlier step, or files used by `COPY`/`ADD` before it change; chain related commands with `&&` to keep layers few. BuildKit options: `--mount`, `--network`, `--security`, `--device`.',
      '셸 형식은 스테이지의 셸(기본값 `/bin/sh -c`)로 실행되고, exec 형식은 셸 없이 프로그램을 바로 실행하므로 변수가 치환되지 않습니다. 명령어 내용이나 앞 단계, 그 앞의 `COPY`/`ADD` 파일이 바뀌지 않는 한 빌드 캐시가 재사용됩니다. 관련된 명령은 `&&`로 이어서 레이어 수를 줄이세요. BuildKit 옵션으로 `--mount`, `--network`, `--security`, `--device`가 있습니다.',
    ),
    forms: ['RUN [OPTIONS] <command> ...', 'RUN [OPTIONS] [ "<command>", ... ]'],
    layer: 'layer',
    example: 'RUN apt-get update && apt-get install -y --no-install-recommends curl \\\n && rm -rf /var/lib/apt/lists/*',
    snippet: 'RUN ${1:command}',
    altSnippets: ['RUN ["${1:executable}", "${2:param}"]', 'RUN --mount=type=cache,target=${1:/root/.cache} ${2:command}'],
    signatures: [
      {
        label: 'RUN [--mount=<mount>] [--network=<type>] [--security=<mode>] [--device=<name>] command param1 param2',
        doc: bi('Shell form: runs the command line with the stage\'s shell.', '셸 형식: 스테이지의 셸로 명령줄을 실행합니다.'),
        params: [
          flagParam('[--mount=<mount>]', 'Mount a cache, secret, SSH agent, tmpfs or files from a stage/context for this command only.', '이 명령을 실행하는 동안에만 캐시, 시크릿, SSH 에이전트, tmpfs, 다른 스테이지나 컨텍스트의 파일을 마운트합니다.'),
          flagParam('[--network=<type>]', '`default`, `none` or `host`.', '`default`, `none`, `host` 중 하나입니다.'),
          flagParam('[--security=<mode>]', '`sandbox` (default) or `insecure`.', '`sandbox`(기본값) 또는 `insecure`입니다.'),
          flagParam('[--device=<name>]', 'Request a CDI device (e.g. a GPU) for this step.', '이 단계에서 쓸 CDI 장치(예: GPU)를 요청합니다.'),
          P.shellCommand, P.shellParam1, P.shellParam2,
        ],
      },
      {
        label: 'RUN [--mount=<mount>] [--network=<type>] [--security=<mode>] [--device=<name>] ["executable", "param1", "param2"]',
        doc: bi('Exec form: runs the program directly (JSON array, double quotes).', 'exec 형식: 셸 없이 프로그램을 바로 실행합니다(JSON 배열, 큰따옴표 사용).'),
        params: [
          flagParam('[--mount=<mount>]', 'Mount a cache, secret, SSH agent, tmpfs or files from a stage/context for this command only.', '이 명령을 실행하는 동안에만 캐시, 시크릿, SSH 에이전트, tmpfs, 다른 스테이지나 컨텍스트의 파일을 마운트합니다.'),
          flagParam('[--network=<type>]', '`default`, `none` or `host`.', '`default`, `none`, `host` 중 하나입니다.'),
          flagParam('[--security=<mode>]', '`sandbox` (default) or `insecure`.', '`sandbox`(기본값) 또는 `insecure`입니다.'),
          flagParam('[--device=<name>]', 'Request a CDI device (e.g. a GPU) for this step.', '이 단계에서 쓸 CDI 장치(예: GPU)를 요청합니다.'),
          P.execExecutable, P.execParam1, P.execParam2,
        ],
      },
    ],
    flags: ['mount', 'network', 'security', 'device'],
  },
  {
    name: 'CMD', anchor: 'cmd', url: url('cmd'),
    summary: bi('Sets the default command (or default ENTRYPOINT arguments) of a container.', '컨테이너의 기본 명령(또는 ENTRYPOINT의 기본 인자)을 지정합니다.'),
    details: bi(
      'Nothing runs at build time. Arguments given to `docker run IMAGE …` replace CMD entirely. Only the last CMD in a stage takes effect. When CMD supplies default arguments for ENTRYPOINT, write both in exec form: a shell-form CMD would be passed as `/bin/sh -c "…"`.',
      '빌드할 때는 아무것도 실행하지 않습니다. `docker run 이미지 …`에 인자를 주면 CMD 전체가 그 인자로 대체됩니다. 한 스테이지에서 마지막 CMD만 적용됩니다. CMD로 ENTRYPOINT의 기본 인자를 줄 때는 둘 다 exec 형식으로 쓰세요. 셸 형식 CMD는 `/bin/sh -c "…"` 형태로 전달됩니다.',
    ),
    forms: ['CMD ["executable","param1","param2"]', 'CMD ["param1","param2"]', 'CMD command param1 param2'],
    layer: 'metadata',
    example: 'CMD ["node", "server.js"]',
    snippet: 'CMD ["${1:executable}", "${2:param}"]',
    altSnippets: ['CMD ${1:command}'],
    signatures: [
      {
        label: 'CMD ["executable", "param1", "param2"]',
        doc: bi('Exec form (preferred): the container runs this program as PID 1.', 'exec 형식(권장): 컨테이너가 이 프로그램을 PID 1로 실행합니다.'),
        params: [P.execExecutable, P.execParam1, P.execParam2],
      },
      {
        label: 'CMD ["param1", "param2"]',
        doc: bi('Default arguments appended to an exec-form ENTRYPOINT.', 'exec 형식 ENTRYPOINT 뒤에 붙는 기본 인자입니다.'),
        params: [P.execParam1, P.execParam2],
      },
      {
        label: 'CMD command param1 param2',
        doc: bi('Shell form: run as `/bin/sh -c "command param1 param2"` (or the stage\'s SHELL).', '셸 형식: `/bin/sh -c "command param1 param2"`(또는 스테이지의 SHELL)로 실행됩니다.'),
        params: [P.shellCommand, P.shellParam1, P.shellParam2],
      },
    ],
    flags: [],
  },
  {
    name: 'LABEL', anchor: 'label', url: url('label'),
    summary: bi('Adds metadata (key-value labels) to the image.', '이미지에 메타데이터(키-값 라벨)를 추가합니다.'),
    details: bi(
      'Labels from the base image are inherited; a later value for the same key wins. Use double quotes when the value contains variables: single quotes keep `$VAR` literally. Several labels can share one instruction. `docker image inspect` shows them.',
      '베이스 이미지의 라벨은 그대로 물려받고, 같은 키를 다시 지정하면 나중 값이 적용됩니다. 값에 변수를 쓸 때는 큰따옴표를 쓰세요. 작은따옴표 안의 `$VAR`는 치환되지 않습니다. 한 명령어에 여러 라벨을 쓸 수 있으며 `docker image inspect`로 확인할 수 있습니다.',
    ),
    forms: ['LABEL <key>=<value> [<key>=<value>...]'],
    layer: 'metadata',
    example: 'LABEL org.opencontainers.image.title="web" \\\n      org.opencontainers.image.version="1.0"',
    snippet: 'LABEL ${1:key}="${2:value}"',
    signatures: [{
      label: 'LABEL <key>=<value> [<key>=<value>...]',
      doc: bi('Add one or more labels.', '라벨을 하나 이상 추가합니다.'),
      params: [P.keyValue, P.moreKeyValues],
    }],
    flags: [],
  },
  {
    name: 'MAINTAINER', anchor: 'maintainer-deprecated', url: url('maintainer-deprecated'),
    summary: bi('Sets the Author field of the image (deprecated).', '이미지의 작성자(Author) 필드를 지정합니다(더 이상 권장되지 않음).'),
    details: bi(
      'Deprecated: use `LABEL org.opencontainers.image.authors="name <email>"` instead, which any tool can read with `docker inspect`.',
      '더 이상 권장되지 않습니다. 대신 `LABEL org.opencontainers.image.authors="이름 <이메일>"`을 쓰세요. 라벨은 `docker inspect` 등 어떤 도구로든 읽을 수 있습니다.',
    ),
    forms: ['MAINTAINER <name>'],
    layer: 'metadata',
    example: 'LABEL org.opencontainers.image.authors="dev@example.com"',
    snippet: 'MAINTAINER ${1:name}',
    signatures: [{
      label: 'MAINTAINER <name>',
      doc: bi('Deprecated: prefer LABEL org.opencontainers.image.authors.', '권장되지 않음: LABEL org.opencontainers.image.authors를 쓰세요.'),
      params: [{ label: '<name>', doc: bi('Author name and e-mail.', '작성자 이름과 이메일입니다.') }],
    }],
    flags: [],
    deprecated: true,
  },
  {
    name: 'EXPOSE', anchor: 'expose', url: url('expose'),
    summary: bi('Documents the ports the container listens on.', '컨테이너가 사용하는(리스닝하는) 포트를 문서로 남깁니다.'),
    details: bi(
      'EXPOSE does not publish anything: use `docker run -p host:container` to publish a port, or `-P` to publish every exposed port to random host ports. The protocol defaults to `tcp`; `udp` (and `sctp`) can be given, e.g. `EXPOSE 53/udp`.',
      'EXPOSE만으로는 포트가 외부에 열리지 않습니다. 포트를 공개하려면 `docker run -p 호스트:컨테이너`를 쓰고, `-P`를 쓰면 EXPOSE한 모든 포트가 호스트의 임의 포트에 연결됩니다. 프로토콜을 생략하면 `tcp`이며 `EXPOSE 53/udp`처럼 `udp`(또는 `sctp`)를 지정할 수 있습니다.',
    ),
    forms: ['EXPOSE <port> [<port>/<protocol>...]'],
    layer: 'metadata',
    example: 'EXPOSE 80/tcp 443',
    snippet: 'EXPOSE ${1:80}',
    signatures: [{
      label: 'EXPOSE <port>[/<protocol>] [<port>[/<protocol>]...]',
      doc: bi('Ports (or ranges like `8000-8010`), optionally with `/tcp`, `/udp` or `/sctp`.', '포트(또는 `8000-8010` 같은 범위)이며 `/tcp`, `/udp`, `/sctp`를 붙일 수 있습니다.'),
      params: [
        { label: '<port>[/<protocol>]', doc: bi('Port number; protocol defaults to `tcp`.', '포트 번호입니다. 프로토콜을 생략하면 `tcp`입니다.') },
        { label: '[<port>[/<protocol>]...]', doc: bi('More ports.', '추가 포트입니다.') },
      ],
    }],
    flags: [],
  },
  {
    name: 'ENV', anchor: 'env', url: url('env'),
    summary: bi('Sets environment variables for the rest of the stage and for containers.', '스테이지의 이후 명령어와 컨테이너에서 쓸 환경 변수를 설정합니다.'),
    details: bi(
      'ENV values are stored in the image and are present in every container (change them with `docker run --env KEY=…`). Later stages built `FROM` this one inherit them. A value that is only needed while building belongs in `ARG` or a single `RUN KEY=value …`. The legacy form `ENV KEY value` sets a single variable and is discouraged.',
      'ENV 값은 이미지에 저장되어 모든 컨테이너에 그대로 들어갑니다(`docker run --env KEY=…`로 바꿀 수 있습니다). 이 스테이지를 `FROM`으로 이어받는 스테이지에도 상속됩니다. 빌드할 때만 필요한 값이라면 `ARG`나 `RUN KEY=value …` 한 줄로 처리하세요. 예전 형식인 `ENV KEY value`는 변수 하나만 설정할 수 있어 권장되지 않습니다.',
    ),
    forms: ['ENV <key>=<value> [<key>=<value>...]', 'ENV <key> <value>'],
    layer: 'metadata',
    example: 'ENV NODE_ENV=production PORT=8080',
    snippet: 'ENV ${1:KEY}=${2:value}',
    signatures: [
      {
        label: 'ENV <key>=<value> [<key>=<value>...]',
        doc: bi('Set one or more variables.', '변수를 하나 이상 설정합니다.'),
        params: [P.keyValue, P.moreKeyValues],
      },
      {
        label: 'ENV <key> <value>',
        doc: bi('Legacy form (one variable; everything after the key is the value). Prefer `KEY=value`.', '예전 형식입니다(변수 하나, 키 뒤의 전부가 값). `KEY=value` 형식을 쓰세요.'),
        params: [
          { label: '<key>', doc: bi('Variable name.', '변수 이름입니다.') },
          { label: '<value>', doc: bi('Value (rest of the line).', '값입니다(줄의 나머지 전부).') },
        ],
      },
    ],
    flags: [],
  },
  {
    name: 'ADD', anchor: 'add', url: url('add'),
    summary: bi('Adds files from the build context, a URL or a Git repository; unpacks local tar archives.', '빌드 컨텍스트, URL, Git 저장소의 파일을 이미지에 추가합니다. 로컬 tar 아카이브는 압축을 풉니다.'),
    details: bi(
      'Prefer `COPY` for plain local files; use ADD when you need its extras: remote URLs (verify them with `--checksum`), Git repositories, or automatic extraction of local tar archives (`gzip`, `bzip2`, `xz`, `zstd`). Remote archives are not unpacked unless `--unpack=true`. Sources are relative to the build context; `../` cannot leave it.',
      '일반 로컬 파일이라면 `COPY`를 쓰고, ADD는 원격 URL(`--checksum`으로 검증 권장), Git 저장소, 로컬 tar 아카이브 자동 압축 해제(`gzip`, `bzip2`, `xz`, `zstd`)가 필요할 때 쓰세요. 원격 아카이브는 `--unpack=true`를 주지 않으면 풀지 않습니다. 원본 경로는 빌드 컨텍스트 기준이며 `../`로 컨텍스트 밖을 가리킬 수 없습니다.',
    ),
    forms: ['ADD [OPTIONS] <src> ... <dest>', 'ADD [OPTIONS] ["<src>", ... "<dest>"]'],
    layer: 'layer',
    example: 'ADD --checksum=sha256:24454f830cdb571e2c4ad15481119c43b3cafd48dd869a9b2945d1036d1dc68d \\\n    https://mirrors.edge.kernel.org/pub/linux/kernel/Historic/linux-0.01.tar.gz /',
    snippet: 'ADD ${1:src} ${2:dest}',
    signatures: [
      {
        label: 'ADD [--chown=<user>:<group>] [--chmod=<perms>] [--link] [--checksum=<hash>] [--keep-git-dir] [--unpack] [--exclude=<path>...] <src>... <dest>',
        doc: bi('Add local files, URLs or Git repositories to the image.', '로컬 파일, URL, Git 저장소를 이미지에 추가합니다.'),
        params: [
          flagParam('[--chown=<user>:<group>]', 'Owner of the added files (default 0:0).', '추가되는 파일의 소유자입니다(기본값 0:0).'),
          flagParam('[--chmod=<perms>]', 'Permissions, octal (`755`) or symbolic (`u+x`).', '권한입니다. 8진수(`755`) 또는 기호(`u+x`)로 씁니다.'),
          flagParam('[--link]', 'Copy into an independent layer that survives changes to earlier layers.', '앞 레이어가 바뀌어도 다시 만들 필요 없는 독립 레이어로 복사합니다.'),
          flagParam('[--checksum=<hash>]', 'Verify a remote source: `sha256:<hex>` for HTTP, a commit SHA for Git.', '원격 원본을 검증합니다. HTTP는 `sha256:<hex>`, Git은 커밋 SHA입니다.'),
          flagParam('[--keep-git-dir]', 'Keep the `.git` directory of a Git source.', 'Git 원본의 `.git` 디렉토리를 남깁니다.'),
          flagParam('[--unpack]', 'Unpack (or not) tar archives; default: local yes, remote no.', 'tar 아카이브를 풀지 정합니다. 기본값은 로컬은 풂, 원격은 풀지 않음입니다.'),
          flagParam('[--exclude=<path>...]', 'Skip matching files (repeatable).', '패턴에 맞는 파일을 제외합니다(여러 번 사용 가능).'),
          P.src, P.dest,
        ],
      },
      {
        label: 'ADD [OPTIONS] ["<src>", "<dest>"]',
        doc: bi('JSON form, needed for paths with spaces.', '공백이 있는 경로에 필요한 JSON 형식입니다.'),
        params: [
          { label: '"<src>"', doc: P.src.doc },
          { label: '"<dest>"', doc: P.dest.doc },
        ],
      },
    ],
    flags: ['chown', 'chmod', 'link', 'checksum', 'keep-git-dir', 'unpack', 'exclude'],
  },
  {
    name: 'COPY', anchor: 'copy', url: url('copy'),
    summary: bi('Copies files from the build context, another stage or an image into the image.', '빌드 컨텍스트, 다른 스테이지, 이미지의 파일을 이미지로 복사합니다.'),
    details: bi(
      'Sources are relative to the build context (files excluded by `.dockerignore` are not there), or to the root of `--from=<stage|image|context>`. Copying a directory copies its contents, not the directory itself. A change in a copied file invalidates the cache of this and every later step, so copy dependency manifests first and the rest of the source last.',
      '원본 경로는 빌드 컨텍스트 기준이며(`.dockerignore`로 제외한 파일은 없습니다), `--from=<스테이지|이미지|컨텍스트>`를 쓰면 그 루트 기준입니다. 디렉토리를 복사하면 디렉토리 자체가 아니라 안의 내용이 복사됩니다. 복사한 파일이 바뀌면 이 단계와 이후 모든 단계의 캐시가 무효화되므로, 의존성 목록 파일을 먼저 복사하고 나머지 소스는 나중에 복사하세요.',
    ),
    forms: ['COPY [OPTIONS] <src> ... <dest>', 'COPY [OPTIONS] ["<src>", ... "<dest>"]'],
    layer: 'layer',
    example: 'COPY --from=build --chown=node:node /app/dist /app/',
    snippet: 'COPY ${1:src} ${2:dest}',
    altSnippets: ['COPY --from=${1:stage} ${2:src} ${3:dest}'],
    signatures: [
      {
        label: 'COPY [--from=<stage>] [--chown=<user>:<group>] [--chmod=<perms>] [--link] [--parents] [--exclude=<path>...] <src>... <dest>',
        doc: bi('Copy files into the image.', '파일을 이미지로 복사합니다.'),
        params: [
          flagParam('[--from=<stage>]', 'Copy from a stage (name or index), an image or a named context instead of the build context.', '빌드 컨텍스트 대신 스테이지(이름 또는 번호), 이미지, 이름 있는 컨텍스트에서 복사합니다.'),
          flagParam('[--chown=<user>:<group>]', 'Owner of the copied files (default 0:0).', '복사되는 파일의 소유자입니다(기본값 0:0).'),
          flagParam('[--chmod=<perms>]', 'Permissions, octal (`755`) or symbolic (`u+x`).', '권한입니다. 8진수(`755`) 또는 기호(`u+x`)로 씁니다.'),
          flagParam('[--link]', 'Copy into an independent layer that survives changes to earlier layers.', '앞 레이어가 바뀌어도 다시 만들 필요 없는 독립 레이어로 복사합니다.'),
          flagParam('[--parents]', 'Keep the parent directories of each source.', '각 원본의 상위 디렉토리 구조를 유지합니다.'),
          flagParam('[--exclude=<path>...]', 'Skip matching files (repeatable).', '패턴에 맞는 파일을 제외합니다(여러 번 사용 가능).'),
          P.src, P.dest,
        ],
      },
      {
        label: 'COPY [OPTIONS] ["<src>", "<dest>"]',
        doc: bi('JSON form, needed for paths with spaces.', '공백이 있는 경로에 필요한 JSON 형식입니다.'),
        params: [
          { label: '"<src>"', doc: P.src.doc },
          { label: '"<dest>"', doc: P.dest.doc },
        ],
      },
    ],
    flags: ['from', 'chown', 'chmod', 'link', 'parents', 'exclude'],
  },
  {
    name: 'ENTRYPOINT', anchor: 'entrypoint', url: url('entrypoint'),
    summary: bi('Sets the executable a container always runs; CMD supplies its default arguments.', '컨테이너가 항상 실행할 프로그램을 지정합니다. 기본 인자는 CMD로 줍니다.'),
    details: bi(
      'With the exec form, `docker run IMAGE args…` appends `args` after the ENTRYPOINT (replacing CMD). The shell form runs under `/bin/sh -c`, ignores CMD and `docker run` arguments, and the program is not PID 1, so it does not receive `SIGTERM` from `docker stop` (start it with `exec`). `docker run --entrypoint` replaces it and clears the image\'s CMD. Setting ENTRYPOINT resets a CMD inherited from the base image.',
      'exec 형식이면 `docker run 이미지 인자…`의 인자가 ENTRYPOINT 뒤에 붙습니다(CMD는 대체됨). 셸 형식은 `/bin/sh -c`로 실행되고 CMD와 `docker run` 인자를 무시하며, 프로그램이 PID 1이 아니어서 `docker stop`의 `SIGTERM`을 받지 못합니다(`exec`로 시작하세요). `docker run --entrypoint`를 쓰면 ENTRYPOINT가 바뀌고 이미지의 CMD도 지워집니다. ENTRYPOINT를 지정하면 베이스 이미지에서 물려받은 CMD가 초기화됩니다.',
    ),
    forms: ['ENTRYPOINT ["executable", "param1", "param2"]', 'ENTRYPOINT command param1 param2'],
    layer: 'metadata',
    example: 'ENTRYPOINT ["python", "app.py"]\nCMD ["--port", "8080"]',
    snippet: 'ENTRYPOINT ["${1:executable}", "${2:param}"]',
    altSnippets: ['ENTRYPOINT ${1:command}'],
    signatures: [
      {
        label: 'ENTRYPOINT ["executable", "param1", "param2"]',
        doc: bi('Exec form (preferred): CMD and `docker run` arguments are appended.', 'exec 형식(권장): CMD와 `docker run` 인자가 뒤에 붙습니다.'),
        params: [P.execExecutable, P.execParam1, P.execParam2],
      },
      {
        label: 'ENTRYPOINT command param1 param2',
        doc: bi('Shell form: runs under `/bin/sh -c`; CMD and `docker run` arguments are ignored.', '셸 형식: `/bin/sh -c`로 실행되며 CMD와 `docker run` 인자는 무시됩니다.'),
        params: [P.shellCommand, P.shellParam1, P.shellParam2],
      },
    ],
    flags: [],
  },
  {
    name: 'VOLUME', anchor: 'volume', url: url('volume'),
    summary: bi('Declares mount points for externally managed volumes.', '외부 볼륨을 마운트할 지점을 선언합니다.'),
    details: bi(
      'At `docker run`, each path gets an anonymous volume initialised with the image\'s content at that path, unless you mount something there yourself. You cannot choose a host directory here; that is decided at run time (`-v`, `--mount`). The JSON form needs double quotes.',
      '`docker run` 때 직접 마운트하지 않으면 각 경로에 익명 볼륨이 만들어지고, 이미지의 해당 경로 내용으로 초기화됩니다. 호스트 디렉토리는 여기서 정할 수 없고 실행할 때(`-v`, `--mount`) 정합니다. JSON 형식에는 큰따옴표를 써야 합니다.',
    ),
    forms: ['VOLUME ["/data"]', 'VOLUME <path> [<path>...]'],
    layer: 'metadata',
    example: 'VOLUME /var/lib/postgresql/data',
    snippet: 'VOLUME ${1:/data}',
    altSnippets: ['VOLUME ["${1:/data}"]'],
    signatures: [
      {
        label: 'VOLUME ["/data"]',
        doc: bi('JSON array of paths.', '경로의 JSON 배열입니다.'),
        params: [{ label: '"/data"', doc: bi('Mount point inside the container.', '컨테이너 안의 마운트 지점입니다.') }],
      },
      {
        label: 'VOLUME <path> [<path>...]',
        doc: bi('One or more paths separated by spaces.', '공백으로 구분한 하나 이상의 경로입니다.'),
        params: [
          { label: '<path>', doc: bi('Mount point inside the container.', '컨테이너 안의 마운트 지점입니다.') },
          { label: '[<path>...]', doc: bi('More mount points.', '추가 마운트 지점입니다.') },
        ],
      },
    ],
    flags: [],
  },
  {
    name: 'USER', anchor: 'user', url: url('user'),
    summary: bi('Sets the user (and group) for the rest of the stage and for the container.', '스테이지의 이후 명령어와 컨테이너를 실행할 사용자(및 그룹)를 지정합니다.'),
    details: bi(
      'Applies to later `RUN` instructions and to the container\'s ENTRYPOINT/CMD. The user must exist in the image (create it first, e.g. `RUN useradd …` or `adduser -D …` on Alpine) unless you give a numeric UID. With a group, the user gets only that group. Running as non-root is a good default for the final stage.',
      '이후의 `RUN` 명령어와 컨테이너의 ENTRYPOINT/CMD에 적용됩니다. 숫자 UID가 아니라면 이미지에 그 사용자가 있어야 합니다(먼저 `RUN useradd …`, Alpine이면 `adduser -D …`로 만드세요). 그룹을 지정하면 사용자는 그 그룹에만 속합니다. 마지막 스테이지는 root가 아닌 사용자로 실행하는 것이 좋습니다.',
    ),
    forms: ['USER <user>[:<group>]', 'USER <UID>[:<GID>]'],
    layer: 'metadata',
    example: 'RUN useradd --create-home app\nUSER app',
    snippet: 'USER ${1:user}',
    signatures: [{
      label: 'USER <user>[:<group>]',
      doc: bi('User name or UID, optionally with a group name or GID.', '사용자 이름 또는 UID이며, 그룹 이름이나 GID를 붙일 수 있습니다.'),
      params: [{ label: '<user>[:<group>]', doc: bi('e.g. `app`, `1000:1000`, `www-data:www-data`.', '예: `app`, `1000:1000`, `www-data:www-data`.') }],
    }],
    flags: [],
  },
  {
    name: 'WORKDIR', anchor: 'workdir', url: url('workdir'),
    summary: bi('Sets the working directory for later RUN, CMD, ENTRYPOINT, COPY and ADD.', '이후의 RUN, CMD, ENTRYPOINT, COPY, ADD가 기준으로 삼을 작업 디렉토리를 지정합니다.'),
    details: bi(
      'The directory is created if it does not exist. A relative path is resolved against the previous WORKDIR, and the default is `/` (or whatever the base image set), so use absolute paths. Prefer WORKDIR over `RUN cd … && …`.',
      '디렉토리가 없으면 새로 만듭니다. 상대 경로는 이전 WORKDIR 기준으로 해석되고 기본값은 `/`(또는 베이스 이미지가 정한 경로)이므로 절대 경로를 쓰세요. `RUN cd … && …` 대신 WORKDIR을 쓰는 것이 좋습니다.',
    ),
    forms: ['WORKDIR /path/to/workdir'],
    layer: 'layer',
    layerNote: bi(
      'Changes the image configuration; with BuildKit a WORKDIR other than `/` also creates the directory, recorded as a small layer with no files.',
      '이미지 설정을 바꾸며, BuildKit에서는 `/`가 아닌 WORKDIR이 디렉토리도 만들기 때문에 파일 없는 작은 레이어가 기록됩니다.',
    ),
    example: 'WORKDIR /app',
    snippet: 'WORKDIR ${1:/app}',
    signatures: [{
      label: 'WORKDIR <path>',
      doc: bi('Absolute path (recommended) or a path relative to the previous WORKDIR.', '절대 경로(권장) 또는 이전 WORKDIR 기준 상대 경로입니다.'),
      params: [{ label: '<path>', doc: bi('Working directory; created if missing.', '작업 디렉토리입니다. 없으면 만들어집니다.') }],
    }],
    flags: [],
  },
  {
    name: 'ARG', anchor: 'arg', url: url('arg'),
    summary: bi('Declares a build argument, optionally with a default, settable with `--build-arg`.', '`--build-arg`로 값을 넘길 수 있는 빌드 인자를 선언합니다(기본값 지정 가능).'),
    details: bi(
      'An ARG exists only while building: it is not stored in the image config and containers do not see it (use ENV for that). It is visible from its line to the end of the stage and in stages built `FROM` that stage; an ARG before the first FROM is global and usable in FROM lines, but must be declared again (`ARG NAME`) inside a stage to be used there. ENV of the same name wins over ARG. Values appear in `docker history`: never pass secrets this way (use `RUN --mount=type=secret`).',
      'ARG는 빌드하는 동안에만 존재합니다. 이미지 설정에 저장되지 않아 컨테이너에서는 보이지 않습니다(그럴 때는 ENV를 쓰세요). 선언한 줄부터 스테이지 끝까지 쓸 수 있고, 이 스테이지를 `FROM`으로 잇는 스테이지에도 물려집니다. 첫 FROM 앞의 ARG는 전역이라 FROM 줄에서 쓸 수 있지만, 스테이지 안에서 쓰려면 `ARG 이름`으로 다시 선언해야 합니다. 같은 이름의 ENV가 있으면 ENV가 우선합니다. 값이 `docker history`에 남으므로 비밀번호나 토큰은 넘기지 마세요(`RUN --mount=type=secret`을 쓰세요).',
    ),
    forms: ['ARG <name>[=<default value>] [<name>[=<default value>]...]'],
    layer: 'build-only',
    example: 'ARG NODE_VERSION=20\nFROM node:${NODE_VERSION}-alpine',
    snippet: 'ARG ${1:NAME}=${2:default}',
    altSnippets: ['ARG ${1:NAME}'],
    signatures: [{
      label: 'ARG <name>[=<default value>] [<name>[=<default value>]...]',
      doc: bi('Declare build arguments.', '빌드 인자를 선언합니다.'),
      params: [
        { label: '<name>[=<default value>]', doc: bi('Name, and the value used when no `--build-arg` is given.', '이름과, `--build-arg`를 주지 않았을 때 쓸 기본값입니다.') },
        { label: '[<name>[=<default value>]...]', doc: bi('More build arguments.', '추가 빌드 인자입니다.') },
      ],
    }],
    flags: [],
  },
  {
    name: 'ONBUILD', anchor: 'onbuild', url: url('onbuild'),
    summary: bi('Registers an instruction to run later, when another build uses this image as its base.', '이 이미지를 베이스로 쓰는 다른 빌드에서 나중에 실행될 명령어를 등록합니다.'),
    details: bi(
      'The trigger does nothing in this build; it is stored in the image and runs right after the `FROM` of a downstream build, in order. Triggers are not passed on to grandchildren. `ONBUILD ONBUILD`, `ONBUILD FROM` and `ONBUILD MAINTAINER` are not allowed.',
      '등록한 명령어는 이번 빌드에서는 실행되지 않습니다. 이미지에 저장되었다가, 이 이미지를 쓰는 빌드의 `FROM` 바로 다음에 등록 순서대로 실행됩니다. 손자 이미지까지 전달되지는 않습니다. `ONBUILD ONBUILD`, `ONBUILD FROM`, `ONBUILD MAINTAINER`는 쓸 수 없습니다.',
    ),
    forms: ['ONBUILD <INSTRUCTION>'],
    layer: 'metadata',
    example: 'ONBUILD COPY . /app/src\nONBUILD RUN make -C /app/src',
    snippet: 'ONBUILD ${1:INSTRUCTION}',
    signatures: [{
      label: 'ONBUILD <INSTRUCTION>',
      doc: bi('Any instruction except FROM, MAINTAINER and ONBUILD.', 'FROM, MAINTAINER, ONBUILD를 제외한 명령어입니다.'),
      params: [{ label: '<INSTRUCTION>', doc: bi('The trigger instruction with its arguments.', '트리거로 등록할 명령어와 인자입니다.') }],
    }],
    flags: [],
  },
  {
    name: 'STOPSIGNAL', anchor: 'stopsignal', url: url('stopsignal'),
    summary: bi('Sets the signal `docker stop` sends to stop the container.', '`docker stop`이 컨테이너를 멈출 때 보낼 시그널을 지정합니다.'),
    details: bi(
      'A name like `SIGQUIT` or a number like `9`. The default is `SIGTERM`; after the stop timeout Docker sends `SIGKILL`. It does not change what Ctrl+C sends (`SIGINT`). Override per container with `docker run --stop-signal`.',
      '`SIGQUIT` 같은 이름이나 `9` 같은 번호로 지정합니다. 기본값은 `SIGTERM`이며, 종료 대기 시간이 지나면 Docker가 `SIGKILL`을 보냅니다. Ctrl+C가 보내는 `SIGINT`에는 영향을 주지 않습니다. 컨테이너마다 `docker run --stop-signal`로 바꿀 수 있습니다.',
    ),
    forms: ['STOPSIGNAL signal'],
    layer: 'metadata',
    example: 'STOPSIGNAL SIGQUIT',
    snippet: 'STOPSIGNAL ${1:SIGTERM}',
    signatures: [{
      label: 'STOPSIGNAL <signal>',
      doc: bi('Signal name (`SIGTERM`, `SIGINT`, …) or number.', '시그널 이름(`SIGTERM`, `SIGINT` 등) 또는 번호입니다.'),
      params: [{ label: '<signal>', doc: bi('Default: `SIGTERM`.', '기본값: `SIGTERM`.') }],
    }],
    flags: [],
  },
  {
    name: 'HEALTHCHECK', anchor: 'healthcheck', url: url('healthcheck'),
    summary: bi('Tells Docker how to check that the container is still working.', '컨테이너가 정상적으로 동작하는지 Docker가 검사할 방법을 지정합니다.'),
    details: bi(
      'Docker runs the command inside the container: first `interval` after start, then `interval` after each check ends (every `start-interval` during the start period). A run longer than `timeout` fails. After `retries` consecutive failures the status becomes `unhealthy`; failures during the start period do not count. Defaults: interval 30s, timeout 30s, start-period 0s, start-interval 5s, retries 3. Exit codes: 0 healthy, 1 unhealthy, 2 reserved. `HEALTHCHECK NONE` disables an inherited check; only the last HEALTHCHECK counts.',
      'Docker가 컨테이너 안에서 명령을 실행합니다. 시작 후 `interval`만큼 지나서 처음 실행하고, 이후에는 매 검사가 끝나고 `interval`마다 실행합니다(시작 유예 기간 동안에는 `start-interval`마다). `timeout`보다 오래 걸리면 실패로 봅니다. `retries`번 연속으로 실패하면 상태가 `unhealthy`가 되며, 시작 유예 기간의 실패는 세지 않습니다. 기본값: interval 30s, timeout 30s, start-period 0s, start-interval 5s, retries 3. 종료 코드: 0 정상, 1 비정상, 2 예약됨. `HEALTHCHECK NONE`은 물려받은 검사를 끄며, 마지막 HEALTHCHECK만 적용됩니다.',
    ),
    forms: ['HEALTHCHECK [OPTIONS] CMD command', 'HEALTHCHECK NONE'],
    layer: 'metadata',
    example: 'HEALTHCHECK --interval=5m --timeout=3s \\\n  CMD curl -f http://localhost/ || exit 1',
    snippet: 'HEALTHCHECK --interval=${1:30s} --timeout=${2:3s} CMD ${3:curl -f http://localhost/ || exit 1}',
    altSnippets: ['HEALTHCHECK NONE'],
    signatures: [
      {
        label: 'HEALTHCHECK [--interval=<duration>] [--timeout=<duration>] [--start-period=<duration>] [--start-interval=<duration>] [--retries=<n>] CMD command',
        doc: bi('Check the container\'s health with a shell command.', '셸 명령으로 컨테이너 상태를 검사합니다.'),
        params: [
          flagParam('[--interval=<duration>]', 'Time between checks (default 30s).', '검사 간격입니다(기본값 30s).'),
          flagParam('[--timeout=<duration>]', 'A check taking longer fails (default 30s).', '이보다 오래 걸리면 실패로 봅니다(기본값 30s).'),
          flagParam('[--start-period=<duration>]', 'Start-up time during which failures do not count (default 0s).', '실패를 세지 않는 시작 유예 기간입니다(기본값 0s).'),
          flagParam('[--start-interval=<duration>]', 'Time between checks during the start period (default 5s; Docker Engine 25.0+).', '시작 유예 기간 동안의 검사 간격입니다(기본값 5s, Docker Engine 25.0 이상).'),
          flagParam('[--retries=<n>]', 'Consecutive failures before `unhealthy` (default 3).', '`unhealthy`가 되기까지의 연속 실패 횟수입니다(기본값 3).'),
          { label: 'CMD', doc: bi('The check command follows.', '뒤에 검사 명령이 옵니다.') },
          { label: 'command', doc: bi('Exit 0 = healthy, 1 = unhealthy.', '종료 코드 0은 정상, 1은 비정상입니다.') },
        ],
      },
      {
        label: 'HEALTHCHECK [--interval=<duration>] [--timeout=<duration>] [--start-period=<duration>] [--start-interval=<duration>] [--retries=<n>] CMD ["executable", "param1", "param2"]',
        doc: bi('Check the container\'s health with a program (exec form).', '프로그램(exec 형식)으로 컨테이너 상태를 검사합니다.'),
        params: [
          flagParam('[--interval=<duration>]', 'Time between checks (default 30s).', '검사 간격입니다(기본값 30s).'),
          flagParam('[--timeout=<duration>]', 'A check taking longer fails (default 30s).', '이보다 오래 걸리면 실패로 봅니다(기본값 30s).'),
          flagParam('[--start-period=<duration>]', 'Start-up time during which failures do not count (default 0s).', '실패를 세지 않는 시작 유예 기간입니다(기본값 0s).'),
          flagParam('[--start-interval=<duration>]', 'Time between checks during the start period (default 5s; Docker Engine 25.0+).', '시작 유예 기간 동안의 검사 간격입니다(기본값 5s, Docker Engine 25.0 이상).'),
          flagParam('[--retries=<n>]', 'Consecutive failures before `unhealthy` (default 3).', '`unhealthy`가 되기까지의 연속 실패 횟수입니다(기본값 3).'),
          P.execExecutable, P.execParam1, P.execParam2,
        ],
      },
      {
        label: 'HEALTHCHECK NONE',
        doc: bi('Disable any health check inherited from the base image.', '베이스 이미지에서 물려받은 헬스 체크를 끕니다.'),
        params: [],
      },
    ],
    flags: ['interval', 'timeout', 'start-period', 'start-interval', 'retries'],
  },
  {
    name: 'SHELL', anchor: 'shell', url: url('shell'),
    summary: bi('Changes the shell used by the shell form of RUN, CMD and ENTRYPOINT.', 'RUN, CMD, ENTRYPOINT의 셸 형식에 쓰일 셸을 바꿉니다.'),
    details: bi(
      'Must be a JSON array. The default is `["/bin/sh", "-c"]` on Linux and `["cmd", "/S", "/C"]` on Windows. It applies to every following instruction of the stage until the next SHELL. Common use: `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` so a failing command in a pipe fails the build.',
      'JSON 배열로 써야 합니다. 기본값은 Linux에서 `["/bin/sh", "-c"]`, Windows에서 `["cmd", "/S", "/C"]`입니다. 다음 SHELL이 나올 때까지 스테이지의 이후 모든 명령어에 적용됩니다. 흔한 예: 파이프 중간의 명령이 실패해도 빌드가 실패하도록 `SHELL ["/bin/bash", "-o", "pipefail", "-c"]`를 씁니다.',
    ),
    forms: ['SHELL ["executable", "parameters"]'],
    layer: 'metadata',
    example: 'SHELL ["/bin/bash", "-o", "pipefail", "-c"]',
    snippet: 'SHELL ["${1:/bin/bash}", "${2:-c}"]',
    signatures: [{
      label: 'SHELL ["executable", "parameters"]',
      doc: bi('The shell and the options placed before the command text.', '셸과, 명령 문자열 앞에 붙을 옵션입니다.'),
      params: [
        { label: '"executable"', doc: bi('Shell program, e.g. `/bin/bash`, `powershell`.', '셸 프로그램입니다. 예: `/bin/bash`, `powershell`.') },
        { label: '"parameters"', doc: bi('Its options; the last one usually takes the command text (`-c`, `-command`).', '셸 옵션입니다. 보통 마지막 옵션이 명령 문자열을 받습니다(`-c`, `-command`).') },
      ],
    }],
    flags: [],
  },
];

const BY_NAME = new Map<string, InstructionDoc>(DOCS.map((d) => [d.name, d]));

/** All instruction docs in the reference's order of this file. */
export const INSTRUCTIONS: readonly InstructionDoc[] = DOCS;

/** Case-insensitive lookup. */
export function instructionDoc(name: string): InstructionDoc | undefined {
  return BY_NAME.get(name.toUpperCase());
}

/** True for instructions that add a filesystem layer (RUN, COPY, ADD, and WORKDIR's mkdir). */
export function createsLayer(name: string): boolean {
  return instructionDoc(name)?.layer === 'layer';
}

/** The snippet text after the keyword (for completion items that keep the typed keyword). */
export function instructionSnippetBody(name: string): string | undefined {
  const d = instructionDoc(name);
  return d ? d.snippet.slice(d.name.length).replace(/^\s+/, '') : undefined;
}

// ---- parser directives ---------------------------------------------------------------------------

export interface DirectiveDoc {
  name: 'syntax' | 'escape' | 'check';
  anchor: string;
  url: string;
  summary: Bilingual;
  details: Bilingual;
  forms: string[];
  example: string;
  snippet: string;
  /** Typical values offered in completion. */
  values: { value: string; doc: Bilingual }[];
}

export const DIRECTIVES: readonly DirectiveDoc[] = [
  {
    name: 'syntax', anchor: 'syntax', url: url('syntax'),
    summary: bi('Selects the Dockerfile frontend (syntax version) used for the build.', '빌드에 쓸 Dockerfile 프론트엔드(문법 버전)를 지정합니다.'),
    details: bi(
      '`docker/dockerfile:1` pulls the latest stable 1.x syntax before the build, so new features work without upgrading Docker. Pin a version (e.g. `docker/dockerfile:1.7`) for fully repeatable builds. Parser directives must be at the very top, before any comment or instruction.',
      '`docker/dockerfile:1`로 지정하면 빌드 전에 최신 안정 1.x 문법을 받아 오므로 Docker를 업그레이드하지 않아도 새 기능을 쓸 수 있습니다. 빌드를 완전히 재현하려면 `docker/dockerfile:1.7`처럼 버전을 고정하세요. 파서 지시어는 다른 주석이나 명령어보다 앞, 파일 맨 위에 있어야 합니다.',
    ),
    forms: ['# syntax=<frontend image>'],
    example: '# syntax=docker/dockerfile:1',
    snippet: '# syntax=${1:docker/dockerfile:1}',
    values: [
      { value: 'docker/dockerfile:1', doc: bi('Latest stable 1.x syntax.', '최신 안정 1.x 문법입니다.') },
      { value: 'docker/dockerfile-upstream:master', doc: bi('Unreleased syntax, for testing new features.', '아직 출시되지 않은 문법으로, 새 기능 시험용입니다.') },
    ],
  },
  {
    name: 'escape', anchor: 'escape', url: url('escape'),
    summary: bi('Sets the escape / line-continuation character (`\\` or `` ` ``).', '이스케이프 및 줄 이어쓰기 문자(`\\` 또는 `` ` ``)를 지정합니다.'),
    details: bi(
      'The default is `\\`. On Windows, `` ` `` avoids clashes with `\\` in paths such as `C:\\`. The character is used both to escape characters and to continue an instruction on the next line.',
      '기본값은 `\\`입니다. Windows에서는 `C:\\` 같은 경로의 `\\`와 충돌하지 않도록 `` ` ``를 씁니다. 이 문자는 문자 이스케이프와 다음 줄로 명령어를 이어 쓰는 데 모두 쓰입니다.',
    ),
    forms: ['# escape=\\', '# escape=`'],
    example: '# escape=`',
    snippet: '# escape=${1|`,\\\\|}',
    values: [
      { value: '\\', doc: bi('Backslash (default).', '백슬래시(기본값)입니다.') },
      { value: '`', doc: bi('Backtick, handy on Windows.', '백틱입니다. Windows에서 편리합니다.') },
    ],
  },
  {
    name: 'check', anchor: 'check', url: url('check'),
    summary: bi('Configures build checks: skip some or all, or fail the build on a violation.', '빌드 체크를 설정합니다. 일부나 전부를 건너뛰거나, 위반 시 빌드를 실패시킬 수 있습니다.'),
    details: bi(
      '`skip=` takes check names in PascalCase separated by commas, or `all`; `error=true` makes violations fail the build. Combine them with `;`, e.g. `# check=skip=JSONArgsRecommended;error=true`. Available since Dockerfile syntax 1.8.',
      '`skip=`에는 PascalCase 체크 이름을 쉼표로 구분해 쓰거나 `all`을 씁니다. `error=true`를 주면 위반이 있을 때 빌드가 실패합니다. 둘은 `;`로 함께 쓸 수 있습니다(예: `# check=skip=JSONArgsRecommended;error=true`). Dockerfile 문법 1.8부터 지원됩니다.',
    ),
    forms: ['# check=skip=<checks|all>', '# check=error=<boolean>'],
    example: '# check=skip=JSONArgsRecommended,StageNameCasing',
    snippet: '# check=skip=${1:all}',
    values: [
      { value: 'skip=all', doc: bi('Disable every check.', '모든 체크를 끕니다.') },
      { value: 'error=true', doc: bi('Fail the build when a check fails.', '체크에 걸리면 빌드를 실패시킵니다.') },
    ],
  },
];

export function directiveDoc(name: string): DirectiveDoc | undefined {
  const n = name.toLowerCase();
  return DIRECTIVES.find((d) => d.name === n);
}
