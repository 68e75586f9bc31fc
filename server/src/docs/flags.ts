//! Every flag of every instruction, the RUN --mount types and their keys, STOPSIGNAL signal
//! names and EXPOSE protocols, with value kinds and bilingual docs.
//!
//! Sources (read, not copied):
//!   * moby/buildkit frontend/dockerfile/docs/reference.md: §FROM, §RUN (--device, --mount and
//!     one table per mount type, --network, --security), §ADD, §COPY, §HEALTHCHECK (defaults).
//!   * moby/buildkit frontend/dockerfile/instructions/commands_runmount.go (accepted keys and
//!     aliases; `ro`/`readonly` also accepted on bind mounts; bind is read-only by default).
//!   * moby/sys signal (Linux SignalMap) for STOPSIGNAL names; docker/go-connections nat
//!     validateProto for EXPOSE protocols: tcp, udp, sctp.
//! test/unit/docs.test.ts checks this table against semantics/instructionSpec.ts both ways.

import { bi, type Bilingual } from './locale';
import { REFERENCE_URL } from './instructions';

export type FlagValueKind =
  | 'string' | 'bool' | 'duration' | 'int' | 'enum' | 'mount' | 'platform' | 'chmod' | 'checksum'
  | 'stage' | 'chown' | 'pattern' | 'device';

export interface ValueDoc {
  value: string;
  doc: Bilingual;
}

export interface FlagDoc {
  instruction: string;
  /** Without `--`. */
  name: string;
  kind: FlagValueKind;
  /** Allowed values (enums) or typical examples (other kinds, see `valuesAreExamples`). */
  values?: ValueDoc[];
  /** `values` are suggestions, not the complete set. */
  valuesAreExamples?: boolean;
  /** May be given more than once. */
  multiple?: boolean;
  /** Documented default. */
  defaultValue?: string;
  /** A boolean flag may be written bare (`--link`) or with `=true|false`. */
  bareAllowed?: boolean;
  /** Placeholder shown in syntax, e.g. `<duration>`. */
  placeholder: string;
  /** Minimum Dockerfile syntax version from the reference's option tables. */
  since?: string;
  summary: Bilingual;
  doc: Bilingual;
  anchor: string;
  url: string;
  /** LSP snippet for completion, e.g. `--mount=type=${1|bind,cache,tmpfs,secret,ssh|}`. */
  snippet: string;
}

const link = (anchor: string) => REFERENCE_URL + '#' + anchor;
const BOOL_VALUES: ValueDoc[] = [
  { value: 'true', doc: bi('Enable.', '켭니다.') },
  { value: 'false', doc: bi('Disable.', '끕니다.') },
];

const CHOWN: Omit<FlagDoc, 'instruction' | 'anchor' | 'url'> = {
  name: 'chown', kind: 'chown', placeholder: '<user>:<group>',
  summary: bi('Owner (user and group) of the copied files.', '복사되는 파일의 소유자(사용자와 그룹)입니다.'),
  doc: bi(
    'Accepts names or numeric IDs (`app`, `1000:1000`, `app:staff`). Without it files belong to 0:0 (root). With only a user, the group gets the same numeric ID. Names are looked up in the image\'s `/etc/passwd` and `/etc/group`; with `--link` only numeric IDs work. Not supported for Windows containers.',
    '이름이나 숫자 ID를 받습니다(`app`, `1000:1000`, `app:staff`). 지정하지 않으면 0:0(root) 소유가 됩니다. 사용자만 주면 그룹도 같은 숫자 ID가 됩니다. 이름은 이미지의 `/etc/passwd`, `/etc/group`에서 찾으며, `--link`와 함께 쓸 때는 숫자 ID만 쓸 수 있습니다. Windows 컨테이너에서는 지원되지 않습니다.',
  ),
  values: [{ value: '1000:1000', doc: bi('Numeric UID:GID (works everywhere).', '숫자 UID:GID(어디서나 동작).') }],
  valuesAreExamples: true,
  snippet: '--chown=${1:user}:${2:group}',
};

const CHMOD: Omit<FlagDoc, 'instruction' | 'anchor' | 'url'> = {
  name: 'chmod', kind: 'chmod', placeholder: '<perms>', since: '1.2',
  summary: bi('Permissions of the copied files.', '복사되는 파일의 권한입니다.'),
  doc: bi(
    'Octal (`755`, `644`) or, since Dockerfile 1.14, symbolic notation (`+x`, `u=rwX,go=rX`). Not supported for Windows containers.',
    '8진수(`755`, `644`)로 쓰거나, Dockerfile 1.14부터는 기호 표기(`+x`, `u=rwX,go=rX`)도 쓸 수 있습니다. Windows 컨테이너에서는 지원되지 않습니다.',
  ),
  values: [
    { value: '755', doc: bi('rwxr-xr-x: executables and directories.', 'rwxr-xr-x: 실행 파일과 디렉토리.') },
    { value: '644', doc: bi('rw-r--r--: regular files.', 'rw-r--r--: 일반 파일.') },
    { value: '+x', doc: bi('Add the executable bit.', '실행 권한을 추가합니다.') },
  ],
  valuesAreExamples: true,
  snippet: '--chmod=${1:755}',
};

const LINK: Omit<FlagDoc, 'instruction' | 'anchor' | 'url'> = {
  name: 'link', kind: 'bool', placeholder: '[=<boolean>]', bareAllowed: true, since: '1.4', defaultValue: 'false',
  summary: bi('Copy into an independent layer (better cache reuse).', '독립된 레이어로 복사합니다(캐시 재사용에 유리).'),
  doc: bi(
    'The files are copied into an empty directory that becomes its own layer, linked on top of the previous state. The layer stays valid when earlier instructions change, and images can be rebased without rebuilding it. The copy cannot see the previous state: symlinks in the destination path are not followed.',
    '파일을 빈 디렉토리에 복사해 별도 레이어로 만들고, 그 레이어를 앞 상태 위에 연결합니다. 앞 명령어가 바뀌어도 이 레이어는 그대로 재사용되고, 다시 빌드하지 않고 베이스 이미지만 교체(rebase)할 수도 있습니다. 대신 앞 상태를 볼 수 없으므로 대상 경로의 심볼릭 링크를 따라가지 않습니다.',
  ),
  values: BOOL_VALUES,
  snippet: '--link',
};

const EXCLUDE: Omit<FlagDoc, 'instruction' | 'anchor' | 'url'> = {
  name: 'exclude', kind: 'pattern', placeholder: '<path>', multiple: true, since: '1.19',
  summary: bi('Skip files matching a pattern (repeatable).', '패턴과 일치하는 파일을 제외합니다(여러 번 사용 가능).'),
  doc: bi(
    'Same pattern syntax as `<src>` (Go `filepath.Match` wildcards). Give it several times to exclude several patterns; matching files are not copied even if `<src>` matches them.',
    '`<src>`와 같은 패턴 문법(Go `filepath.Match` 와일드카드)을 씁니다. 여러 패턴을 제외하려면 여러 번 지정하세요. `<src>`에 해당하더라도 이 패턴에 맞는 파일은 복사되지 않습니다.',
  ),
  values: [{ value: '*.md', doc: bi('e.g. all Markdown files.', '예: 모든 Markdown 파일.') }],
  valuesAreExamples: true,
  snippet: '--exclude=${1:pattern}',
};

const FLAGS: FlagDoc[] = [
  // ---- FROM --------------------------------------------------------------------------------
  {
    instruction: 'FROM', name: 'platform', kind: 'platform', placeholder: '<platform>',
    summary: bi('Platform to pick from a multi-platform base image.', '멀티 플랫폼 베이스 이미지에서 사용할 플랫폼입니다.'),
    doc: bi(
      'e.g. `linux/amd64`, `linux/arm64`, `windows/amd64`. Defaults to the target platform of the build. `--platform=$BUILDPLATFORM` runs the stage natively on the build machine, which is the usual way to cross-compile for `$TARGETPLATFORM`.',
      '예: `linux/amd64`, `linux/arm64`, `windows/amd64`. 지정하지 않으면 빌드의 대상 플랫폼을 씁니다. `--platform=$BUILDPLATFORM`으로 지정하면 빌드하는 머신에서 그대로 실행되므로, `$TARGETPLATFORM`용으로 크로스 컴파일할 때 흔히 씁니다.',
    ),
    values: [
      { value: '$BUILDPLATFORM', doc: bi('Platform of the machine running the build.', '빌드를 실행하는 머신의 플랫폼입니다.') },
      { value: '$TARGETPLATFORM', doc: bi('Platform the build produces (`--platform` of `docker build`).', '빌드 결과물의 플랫폼입니다(`docker build --platform`).') },
      { value: 'linux/amd64', doc: bi('64-bit x86 Linux.', '64비트 x86 Linux.') },
      { value: 'linux/arm64', doc: bi('64-bit ARM Linux (Apple silicon, Graviton).', '64비트 ARM Linux(Apple 실리콘, Graviton).') },
      { value: 'linux/arm/v7', doc: bi('32-bit ARMv7 Linux.', '32비트 ARMv7 Linux.') },
      { value: 'windows/amd64', doc: bi('64-bit Windows.', '64비트 Windows.') },
    ],
    valuesAreExamples: true,
    anchor: 'from', url: link('from'),
    snippet: '--platform=${1:\\$BUILDPLATFORM}',
  },
  // ---- RUN ---------------------------------------------------------------------------------
  {
    instruction: 'RUN', name: 'mount', kind: 'mount', placeholder: '[type=<TYPE>][,option=<value>...]', multiple: true, since: '1.2',
    summary: bi('Mount something into the build container for this RUN only.', '이 RUN을 실행하는 동안에만 빌드 컨테이너에 무언가를 마운트합니다.'),
    doc: bi(
      'Types: `bind` (default: files from the context or another stage, read-only), `cache` (persistent cache directory for compilers and package managers), `tmpfs`, `secret` (a secret file or env variable, never stored in the image), `ssh` (SSH agent socket). Nothing mounted ends up in the layer. Repeat the flag for several mounts.',
      '타입: `bind`(기본값, 컨텍스트나 다른 스테이지의 파일을 읽기 전용으로), `cache`(컴파일러와 패키지 매니저용으로 빌드 사이에 유지되는 캐시 디렉토리), `tmpfs`, `secret`(이미지에 남지 않는 시크릿 파일 또는 환경 변수), `ssh`(SSH 에이전트 소켓). 마운트한 내용은 레이어에 남지 않습니다. 여러 개를 마운트하려면 플래그를 반복하세요.',
    ),
    values: [
      { value: 'type=bind', doc: bi('Bind files from the context, a stage or an image (read-only by default).', '컨텍스트, 스테이지, 이미지의 파일을 바인드합니다(기본 읽기 전용).') },
      { value: 'type=cache', doc: bi('Persistent cache directory shared between builds.', '빌드 사이에 유지되는 캐시 디렉토리입니다.') },
      { value: 'type=tmpfs', doc: bi('Empty in-memory filesystem.', '비어 있는 메모리 파일 시스템입니다.') },
      { value: 'type=secret', doc: bi('A secret passed with `docker build --secret`.', '`docker build --secret`으로 넘긴 시크릿입니다.') },
      { value: 'type=ssh', doc: bi('The SSH agent passed with `docker build --ssh`.', '`docker build --ssh`로 넘긴 SSH 에이전트입니다.') },
    ],
    anchor: 'run---mount', url: link('run---mount'),
    snippet: '--mount=type=${1|cache,bind,tmpfs,secret,ssh|},target=${2:/path}',
  },
  {
    instruction: 'RUN', name: 'network', kind: 'enum', placeholder: '<type>', defaultValue: 'default', since: '1.3',
    summary: bi('Network the command runs in.', '명령이 실행될 네트워크입니다.'),
    doc: bi(
      '`default` is the build\'s normal network; `none` cuts network access (only `lo`), useful to prove a step is offline; `host` uses the host\'s network and needs the `network.host` entitlement.',
      '`default`는 빌드의 기본 네트워크이고, `none`은 네트워크를 끊어(`lo`만 남음) 해당 단계가 오프라인으로 동작함을 보장할 때 씁니다. `host`는 호스트 네트워크를 쓰며 `network.host` 권한(entitlement)이 필요합니다.',
    ),
    values: [
      { value: 'default', doc: bi('Default network of the build (same as no flag).', '빌드의 기본 네트워크(플래그 생략과 동일)입니다.') },
      { value: 'none', doc: bi('No network access.', '네트워크에 접근할 수 없습니다.') },
      { value: 'host', doc: bi('Host network (needs the `network.host` entitlement).', '호스트 네트워크(`network.host` 권한 필요)입니다.') },
    ],
    anchor: 'run---network', url: link('run---network'),
    snippet: '--network=${1|default,none,host|}',
  },
  {
    instruction: 'RUN', name: 'security', kind: 'enum', placeholder: '<sandbox|insecure>', defaultValue: 'sandbox', since: '1.20',
    summary: bi('Run with or without the sandbox.', '샌드박스 적용 여부를 정합니다.'),
    doc: bi(
      '`sandbox` is the default. `insecure` runs the command with elevated privileges, like `docker run --privileged`; it needs the `security.insecure` entitlement on the builder and in the build request.',
      '`sandbox`가 기본값입니다. `insecure`는 `docker run --privileged`처럼 높은 권한으로 명령을 실행하며, 빌더와 빌드 요청 양쪽에 `security.insecure` 권한(entitlement)이 필요합니다.',
    ),
    values: [
      { value: 'sandbox', doc: bi('Default, sandboxed.', '기본값, 샌드박스 안에서 실행합니다.') },
      { value: 'insecure', doc: bi('Privileged (needs `security.insecure`).', '특권 모드(`security.insecure` 필요)입니다.') },
    ],
    anchor: 'run---security', url: link('run---security'),
    snippet: '--security=${1|insecure,sandbox|}',
  },
  {
    instruction: 'RUN', name: 'device', kind: 'device', placeholder: '<name>[,required]', multiple: true,
    summary: bi('Make a CDI device (e.g. a GPU) available to this step.', '이 단계에서 CDI 장치(예: GPU)를 쓸 수 있게 합니다.'),
    doc: bi(
      'Names come from the CDI specifications registered in BuildKit: `vendor.com/device` (first device), `vendor.com/device=name`, `vendor.com/device=*` (all), or a device class. Needs BuildKit 0.20+ and the `device` entitlement.',
      '이름은 BuildKit에 등록된 CDI 사양에서 옵니다: `vendor.com/device`(첫 번째 장치), `vendor.com/device=이름`, `vendor.com/device=*`(전부) 또는 장치 클래스. BuildKit 0.20 이상과 `device` 권한(entitlement)이 필요합니다.',
    ),
    values: [{ value: 'nvidia.com/gpu=all', doc: bi('All NVIDIA GPUs.', '모든 NVIDIA GPU입니다.') }],
    valuesAreExamples: true,
    anchor: 'run---device', url: link('run---device'),
    snippet: '--device=${1:vendor.com/device}',
  },
  // ---- COPY --------------------------------------------------------------------------------
  {
    instruction: 'COPY', name: 'from', kind: 'stage', placeholder: '<image|stage|context>',
    summary: bi('Copy from a build stage, an image or a named context instead of the build context.', '빌드 컨텍스트 대신 빌드 스테이지, 이미지, 이름 있는 컨텍스트에서 복사합니다.'),
    doc: bi(
      'A stage name (`AS build`) or index (`0`), an image reference (`nginx:latest`), or a context passed with `docker build --build-context name=…`. Source paths are then resolved from that filesystem\'s root. The usual multi-stage pattern: build in one stage, `COPY --from=build` only the result into a small final image.',
      '스테이지 이름(`AS build`)이나 번호(`0`), 이미지 참조(`nginx:latest`), `docker build --build-context 이름=…`으로 넘긴 컨텍스트를 지정합니다. 원본 경로는 그 파일 시스템의 루트 기준입니다. 멀티 스테이지 빌드의 전형적인 사용법은 한 스테이지에서 빌드하고, 결과물만 `COPY --from=build`로 작은 최종 이미지에 복사하는 것입니다.',
    ),
    anchor: 'copy---from', url: link('copy---from'),
    snippet: '--from=${1:stage}',
  },
  { ...CHOWN, instruction: 'COPY', anchor: 'copy---chown', url: link('copy---chown') },
  { ...CHMOD, instruction: 'COPY', anchor: 'copy---chmod', url: link('copy---chmod') },
  { ...LINK, instruction: 'COPY', anchor: 'copy---link', url: link('copy---link') },
  {
    instruction: 'COPY', name: 'parents', kind: 'bool', placeholder: '[=<boolean>]', bareAllowed: true, defaultValue: 'false', since: '1.20',
    summary: bi('Keep the parent directories of each source.', '각 원본의 상위 디렉토리를 유지합니다.'),
    doc: bi(
      '`COPY --parents ./x/a.txt ./y/a.txt /out/` creates `/out/x/a.txt` and `/out/y/a.txt` instead of overwriting one `a.txt`. A `./` inside the source marks where the kept part starts (`./x/./y/*.txt` keeps `y/`). Works with `**`.',
      '`COPY --parents ./x/a.txt ./y/a.txt /out/`은 `a.txt` 하나를 덮어쓰는 대신 `/out/x/a.txt`와 `/out/y/a.txt`를 만듭니다. 원본 경로 중간의 `./`는 어디서부터 유지할지 표시합니다(`./x/./y/*.txt`는 `y/`부터 유지). `**`와 함께 쓸 수 있습니다.',
    ),
    values: BOOL_VALUES,
    anchor: 'copy---parents', url: link('copy---parents'),
    snippet: '--parents',
  },
  { ...EXCLUDE, instruction: 'COPY', anchor: 'copy---exclude', url: link('copy---exclude') },
  // ---- ADD ---------------------------------------------------------------------------------
  { ...CHOWN, instruction: 'ADD', anchor: 'add---chown', url: link('add---chown') },
  { ...CHMOD, instruction: 'ADD', anchor: 'add---chmod', url: link('add---chmod') },
  { ...LINK, instruction: 'ADD', anchor: 'add---link', url: link('add---link') },
  {
    instruction: 'ADD', name: 'checksum', kind: 'checksum', placeholder: '<hash>', since: '1.6',
    summary: bi('Verify the checksum of a remote source.', '원격 원본의 체크섬을 검증합니다.'),
    doc: bi(
      'For HTTP sources: the SHA-256 digest of the content, written `sha256:<hex>` (the only algorithm). For Git sources: the commit SHA, full or a prefix. The build fails when it does not match.',
      'HTTP 원본은 내용의 SHA-256 다이제스트를 `sha256:<hex>` 형식으로 씁니다(지원하는 알고리즘은 이것뿐입니다). Git 원본은 커밋 SHA 전체 또는 앞부분을 씁니다. 일치하지 않으면 빌드가 실패합니다.',
    ),
    values: [{ value: 'sha256:', doc: bi('SHA-256 digest of an HTTP source.', 'HTTP 원본의 SHA-256 다이제스트입니다.') }],
    valuesAreExamples: true,
    anchor: 'add---checksum', url: link('add---checksum'),
    snippet: '--checksum=sha256:${1:hex}',
  },
  {
    instruction: 'ADD', name: 'keep-git-dir', kind: 'bool', placeholder: '=<boolean>', bareAllowed: true, defaultValue: 'false', since: '1.1',
    summary: bi('Keep the `.git` directory when adding a Git repository.', 'Git 저장소를 추가할 때 `.git` 디렉토리를 유지합니다.'),
    doc: bi(
      'By default a Git source is added without its `.git` directory. `--keep-git-dir=true` keeps it, e.g. to read commit information during the build.',
      '기본적으로 Git 원본은 `.git` 디렉토리 없이 추가됩니다. 빌드 중에 커밋 정보를 읽어야 한다면 `--keep-git-dir=true`로 유지하세요.',
    ),
    values: BOOL_VALUES,
    anchor: 'add---keep-git-dir', url: link('add---keep-git-dir'),
    snippet: '--keep-git-dir=${1|true,false|}',
  },
  {
    instruction: 'ADD', name: 'unpack', kind: 'bool', placeholder: '=<boolean>', bareAllowed: true, since: '1.17',
    summary: bi('Unpack tar archives (or not).', 'tar 아카이브의 압축 해제 여부를 정합니다.'),
    doc: bi(
      'Local tar archives (also `gzip`, `bzip2`, `xz`, `zstd`) are unpacked by default; remote ones (URLs) are downloaded as-is. `--unpack=true` extracts a downloaded archive, `--unpack=false` copies a local archive without extracting it.',
      '로컬 tar 아카이브(`gzip`, `bzip2`, `xz`, `zstd` 포함)는 기본적으로 풀리고, 원격(URL) 아카이브는 받은 그대로 둡니다. `--unpack=true`는 내려받은 아카이브를 풀고, `--unpack=false`는 로컬 아카이브를 풀지 않고 복사합니다.',
    ),
    values: BOOL_VALUES,
    anchor: 'add---unpack', url: link('add---unpack'),
    snippet: '--unpack=${1|true,false|}',
  },
  { ...EXCLUDE, instruction: 'ADD', anchor: 'add---exclude', url: link('add---exclude') },
  // ---- HEALTHCHECK (defaults: reference.md §HEALTHCHECK) ------------------------------------
  {
    instruction: 'HEALTHCHECK', name: 'interval', kind: 'duration', placeholder: '<duration>', defaultValue: '30s',
    summary: bi('Time between health checks.', '헬스 체크 간격입니다.'),
    doc: bi(
      'The first check runs this long after the container starts, then this long after each check finishes. Go duration syntax: `30s`, `1m30s`, `500ms`.',
      '컨테이너가 시작되고 이 시간이 지나면 첫 검사를 하고, 이후에는 매 검사가 끝난 뒤 이 시간마다 검사합니다. Go 시간 표기를 씁니다: `30s`, `1m30s`, `500ms`.',
    ),
    values: [{ value: '30s', doc: bi('Default.', '기본값.') }, { value: '1m', doc: bi('One minute.', '1분.') }, { value: '5m', doc: bi('Five minutes.', '5분.') }],
    valuesAreExamples: true,
    anchor: 'healthcheck', url: link('healthcheck'),
    snippet: '--interval=${1:30s}',
  },
  {
    instruction: 'HEALTHCHECK', name: 'timeout', kind: 'duration', placeholder: '<duration>', defaultValue: '30s',
    summary: bi('A check running longer than this fails.', '검사가 이보다 오래 걸리면 실패로 봅니다.'),
    doc: bi(
      'The check process is killed (`SIGKILL`) when it exceeds the timeout, and the run counts as a failure.',
      '검사 프로세스가 이 시간을 넘기면 `SIGKILL`로 종료되고 실패로 집계됩니다.',
    ),
    values: [{ value: '30s', doc: bi('Default.', '기본값.') }, { value: '3s', doc: bi('Three seconds.', '3초.') }, { value: '10s', doc: bi('Ten seconds.', '10초.') }],
    valuesAreExamples: true,
    anchor: 'healthcheck', url: link('healthcheck'),
    snippet: '--timeout=${1:30s}',
  },
  {
    instruction: 'HEALTHCHECK', name: 'start-period', kind: 'duration', placeholder: '<duration>', defaultValue: '0s',
    summary: bi('Start-up grace period: failures do not count yet.', '시작 유예 기간입니다. 이 동안의 실패는 세지 않습니다.'),
    doc: bi(
      'Gives slow-starting containers time to initialise. Failed checks in this period do not count towards `retries`, but once a check succeeds the container counts as started and later failures count.',
      '시작이 느린 컨테이너에 초기화할 시간을 줍니다. 이 기간의 실패는 `retries`에 포함되지 않지만, 한 번이라도 검사에 성공하면 시작된 것으로 보고 이후 실패는 셉니다.',
    ),
    values: [{ value: '0s', doc: bi('Default (no grace period).', '기본값(유예 기간 없음).') }, { value: '30s', doc: bi('Thirty seconds.', '30초.') }],
    valuesAreExamples: true,
    anchor: 'healthcheck', url: link('healthcheck'),
    snippet: '--start-period=${1:0s}',
  },
  {
    instruction: 'HEALTHCHECK', name: 'start-interval', kind: 'duration', placeholder: '<duration>', defaultValue: '5s',
    summary: bi('Time between checks during the start period.', '시작 유예 기간 동안의 검사 간격입니다.'),
    doc: bi(
      'Lets you check often while the container starts and less often afterwards. Requires Docker Engine 25.0 or later.',
      '컨테이너가 시작되는 동안에는 자주, 그 뒤에는 드물게 검사할 수 있게 합니다. Docker Engine 25.0 이상이 필요합니다.',
    ),
    values: [{ value: '5s', doc: bi('Default.', '기본값.') }, { value: '1s', doc: bi('One second.', '1초.') }],
    valuesAreExamples: true,
    anchor: 'healthcheck', url: link('healthcheck'),
    snippet: '--start-interval=${1:5s}',
  },
  {
    instruction: 'HEALTHCHECK', name: 'retries', kind: 'int', placeholder: '<n>', defaultValue: '3',
    summary: bi('Consecutive failures before the container is `unhealthy`.', '컨테이너가 `unhealthy`가 되기까지의 연속 실패 횟수입니다.'),
    doc: bi(
      'The status changes from `starting`/`healthy` to `unhealthy` after this many failures in a row; any success resets the count.',
      '이 횟수만큼 연달아 실패하면 상태가 `starting`/`healthy`에서 `unhealthy`로 바뀝니다. 한 번이라도 성공하면 횟수는 초기화됩니다.',
    ),
    values: [{ value: '3', doc: bi('Default.', '기본값.') }, { value: '5', doc: bi('Five failures.', '5회 실패.') }],
    valuesAreExamples: true,
    anchor: 'healthcheck', url: link('healthcheck'),
    snippet: '--retries=${1:3}',
  },
];

const BY_INSTRUCTION = new Map<string, FlagDoc[]>();
for (const f of FLAGS) {
  const list = BY_INSTRUCTION.get(f.instruction) ?? [];
  list.push(f);
  BY_INSTRUCTION.set(f.instruction, list);
}

/** Every flag of every instruction. */
export const ALL_FLAGS: readonly FlagDoc[] = FLAGS;

/** Flags of an instruction (case-insensitive); `[]` for ONBUILD and instructions without flags. */
export function flagsFor(instruction: string): FlagDoc[] {
  return BY_INSTRUCTION.get(instruction.toUpperCase()) ?? [];
}

/** One flag (`name` with or without `--`, case-insensitive). */
export function flagDoc(instruction: string, name: string): FlagDoc | undefined {
  const n = name.replace(/^--/, '').toLowerCase();
  return flagsFor(instruction).find((f) => f.name === n);
}

// ---- RUN --mount ---------------------------------------------------------------------------------

export const MOUNT_TYPE_NAMES = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'] as const;
export type MountTypeName = (typeof MOUNT_TYPE_NAMES)[number];

export interface MountTypeDoc {
  type: MountTypeName;
  anchor: string;
  url: string;
  summary: Bilingual;
  doc: Bilingual;
  example: string;
}

export const MOUNT_TYPES: readonly MountTypeDoc[] = [
  {
    type: 'bind', anchor: 'run---mounttypebind', url: link('run---mounttypebind'),
    summary: bi('Bind files from the build context, a stage or an image (default type, read-only).', '빌드 컨텍스트, 스테이지, 이미지의 파일을 바인드합니다(기본 타입, 읽기 전용).'),
    doc: bi(
      'Gives the command access to files without copying them into a layer. Read-only unless `rw` is set, and even then writes are discarded after the RUN.',
      '파일을 레이어에 복사하지 않고 명령에서 바로 쓸 수 있게 합니다. `rw`를 주지 않으면 읽기 전용이며, `rw`를 줘도 쓴 내용은 RUN이 끝나면 버려집니다.',
    ),
    example: 'RUN --mount=type=bind,source=go.sum,target=go.sum \\\n    --mount=type=bind,source=go.mod,target=go.mod \\\n    go mod download',
  },
  {
    type: 'cache', anchor: 'run---mounttypecache', url: link('run---mounttypecache'),
    summary: bi('Persistent cache directory for compilers and package managers.', '컴파일러와 패키지 매니저를 위한, 빌드 사이에 유지되는 캐시 디렉토리입니다.'),
    doc: bi(
      'Its content survives between builds without affecting the instruction cache, so downloads are reused. Use it for speed only: the build must still work with an empty or shared cache. Apt needs `sharing=locked`.',
      '내용이 빌드와 빌드 사이에 유지되지만 명령어 캐시에는 영향을 주지 않으므로, 내려받은 파일을 다시 쓸 수 있습니다. 속도를 위한 용도로만 쓰세요. 캐시가 비어 있거나 다른 빌드와 공유되어도 빌드가 동작해야 합니다. apt에는 `sharing=locked`가 필요합니다.',
    ),
    example: 'RUN --mount=type=cache,target=/root/.cache/go-build \\\n    go build ./...',
  },
  {
    type: 'tmpfs', anchor: 'run---mounttypetmpfs', url: link('run---mounttypetmpfs'),
    summary: bi('Empty in-memory filesystem for this RUN.', '이 RUN에서만 쓰는 빈 메모리 파일 시스템입니다.'),
    doc: bi('Scratch space that is never written to the layer; `size` limits it.', '레이어에 기록되지 않는 임시 공간이며 `size`로 크기를 제한할 수 있습니다.'),
    example: 'RUN --mount=type=tmpfs,target=/tmp,size=64m make test',
  },
  {
    type: 'secret', anchor: 'run---mounttypesecret', url: link('run---mounttypesecret'),
    summary: bi('A build secret as a file (default `/run/secrets/<id>`) or environment variable.', '빌드 시크릿을 파일(기본 `/run/secrets/<id>`)이나 환경 변수로 제공합니다.'),
    doc: bi(
      'Pass it with `docker build --secret id=…,src=…` (or `env=…`). The secret is not stored in the image, the layer or the build cache, which makes it the right way to use tokens and keys (never ARG/ENV).',
      '`docker build --secret id=…,src=…`(또는 `env=…`)로 넘깁니다. 시크릿은 이미지, 레이어, 빌드 캐시 어디에도 남지 않으므로 토큰이나 키는 ARG/ENV 대신 이 방법으로 써야 합니다.',
    ),
    example: 'RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN \\\n    npm ci',
  },
  {
    type: 'ssh', anchor: 'run---mounttypessh', url: link('run---mounttypessh'),
    summary: bi('Access to the SSH agent (keys) passed with `docker build --ssh`.', '`docker build --ssh`로 넘긴 SSH 에이전트(키)에 접근합니다.'),
    doc: bi(
      'Lets the command use your SSH keys (e.g. `git clone` of a private repository) without copying them into the image. Build with `docker build --ssh default .`.',
      '이미지에 키를 복사하지 않고도 명령에서 SSH 키를 쓸 수 있게 합니다(예: 비공개 저장소 `git clone`). `docker build --ssh default .`로 빌드하세요.',
    ),
    example: 'RUN --mount=type=ssh git clone git@github.com:org/private.git',
  },
];

export type MountKeyKind = 'string' | 'bool' | 'enum' | 'int' | 'octal' | 'size';

export interface MountKeyDoc {
  name: string;
  aliases: string[];
  kind: MountKeyKind;
  values?: ValueDoc[];
  /** Mount types that accept the key. */
  types: MountTypeName[];
  /** Types for which the key is required. */
  requiredFor?: MountTypeName[];
  /** Documented default per type. */
  defaults?: Partial<Record<MountTypeName, string>>;
  /** A boolean key may be written alone (`ro`, `required`). */
  bareAllowed?: boolean;
  summary: Bilingual;
  doc: Bilingual;
  /** Extra sentence for one type, shown when that type is known. */
  perType?: Partial<Record<MountTypeName, Bilingual>>;
}

const ALL_TYPES: MountTypeName[] = [...MOUNT_TYPE_NAMES];

export const MOUNT_KEYS: readonly MountKeyDoc[] = [
  {
    name: 'type', aliases: [], kind: 'enum', types: ALL_TYPES, defaults: { bind: 'bind' },
    values: MOUNT_TYPE_NAMES.map((ty) => ({ value: ty, doc: MOUNT_TYPES.find((m) => m.type === ty)!.summary })),
    summary: bi('Mount type: bind (default), cache, tmpfs, secret or ssh.', '마운트 타입: bind(기본값), cache, tmpfs, secret, ssh.'),
    doc: bi('Without `type=` the mount is a `bind` mount.', '`type=`을 생략하면 `bind` 마운트입니다.'),
  },
  {
    name: 'target', aliases: ['dst', 'destination'], kind: 'string', types: ALL_TYPES, requiredFor: ['bind', 'cache', 'tmpfs'],
    defaults: { secret: '/run/secrets/<id>', ssh: '/run/buildkit/ssh_agent.<N>' },
    summary: bi('Mount path inside the build container.', '빌드 컨테이너 안의 마운트 경로입니다.'),
    doc: bi('Where the mount appears while the command runs.', '명령이 실행되는 동안 마운트가 나타날 경로입니다.'),
    perType: {
      secret: bi('Defaults to `/run/secrets/<id>` when neither `target` nor `env` is set.', '`target`과 `env`를 모두 생략하면 `/run/secrets/<id>`입니다.'),
      ssh: bi('Path of the agent socket; defaults to `/run/buildkit/ssh_agent.<N>`.', '에이전트 소켓 경로이며 기본값은 `/run/buildkit/ssh_agent.<N>`입니다.'),
    },
  },
  {
    name: 'source', aliases: ['src'], kind: 'string', types: ['bind', 'cache'],
    summary: bi('Path inside `from` to mount (defaults to its root).', '`from` 안에서 마운트할 경로입니다(기본값은 루트).'),
    doc: bi('Relative to the root of `from` (the build context when `from` is not set).', '`from`의 루트 기준 경로입니다(`from`이 없으면 빌드 컨텍스트 기준).'),
  },
  {
    name: 'from', aliases: [], kind: 'string', types: ['bind', 'cache'],
    summary: bi('Stage, image or named context to mount from.', '마운트할 원본 스테이지, 이미지, 이름 있는 컨텍스트입니다.'),
    doc: bi('Does not expand variables; use a stage name instead.', '변수를 치환하지 않으므로 스테이지 이름을 쓰세요.'),
    perType: {
      bind: bi('Defaults to the build context.', '기본값은 빌드 컨텍스트입니다.'),
      cache: bi('Used as the initial content of the cache; defaults to an empty directory.', '캐시의 초기 내용으로 쓰이며 기본값은 빈 디렉토리입니다.'),
    },
  },
  {
    name: 'readonly', aliases: ['ro'], kind: 'bool', types: ['bind', 'cache'], bareAllowed: true, values: BOOL_VALUES,
    defaults: { bind: 'true', cache: 'false' },
    summary: bi('Mount read-only.', '읽기 전용으로 마운트합니다.'),
    doc: bi('Bind mounts are read-only by default; cache mounts are writable unless `ro` is set.', 'bind 마운트는 기본적으로 읽기 전용이고, cache 마운트는 `ro`를 주지 않으면 쓸 수 있습니다.'),
  },
  {
    name: 'readwrite', aliases: ['rw'], kind: 'bool', types: ['bind'], bareAllowed: true, values: BOOL_VALUES,
    summary: bi('Allow writes to a bind mount (discarded afterwards).', 'bind 마운트에 쓰기를 허용합니다(나중에 버려짐).'),
    doc: bi('Written data is thrown away when the RUN finishes and never reaches the layer.', '쓴 내용은 RUN이 끝나면 버려지고 레이어에 들어가지 않습니다.'),
  },
  {
    name: 'id', aliases: [], kind: 'string', types: ['cache', 'secret', 'ssh'],
    defaults: { cache: '<target>', ssh: 'default' },
    summary: bi('Identifier of the cache, secret or SSH key.', '캐시, 시크릿, SSH 키의 식별자입니다.'),
    doc: bi('Matches the id given on the command line (`--secret id=…`, `--ssh id=…`), or names a cache.', '명령줄에서 준 id(`--secret id=…`, `--ssh id=…`)와 맞추거나 캐시의 이름이 됩니다.'),
    perType: {
      cache: bi('Separate caches get separate ids; defaults to the `target` path.', '캐시를 나누려면 id를 다르게 주세요. 기본값은 `target` 경로입니다.'),
      secret: bi('Defaults to the file name of `target`.', '기본값은 `target`의 파일 이름입니다.'),
      ssh: bi('Defaults to `default`.', '기본값은 `default`입니다.'),
    },
  },
  {
    name: 'sharing', aliases: [], kind: 'enum', types: ['cache'], defaults: { cache: 'shared' },
    values: [
      { value: 'shared', doc: bi('Several builds may write at the same time (default).', '여러 빌드가 동시에 쓸 수 있습니다(기본값).') },
      { value: 'private', doc: bi('A concurrent writer gets its own new cache.', '동시에 쓰려는 빌드는 새 캐시를 따로 받습니다.') },
      { value: 'locked', doc: bi('A second writer waits until the first releases it (needed for apt).', '두 번째 빌드는 첫 번째가 끝날 때까지 기다립니다(apt에 필요).') },
    ],
    summary: bi('How concurrent builds share the cache.', '동시에 실행되는 빌드가 캐시를 공유하는 방식입니다.'),
    doc: bi('`shared` (default), `private` or `locked`.', '`shared`(기본값), `private`, `locked` 중 하나입니다.'),
  },
  {
    name: 'mode', aliases: [], kind: 'octal', types: ['cache', 'secret', 'ssh'],
    defaults: { cache: '0755', secret: '0400', ssh: '0600' },
    summary: bi('File mode in octal.', '8진수 파일 권한입니다.'),
    doc: bi('Permissions of the new cache directory, secret file or agent socket.', '새 캐시 디렉토리, 시크릿 파일, 에이전트 소켓의 권한입니다.'),
  },
  {
    name: 'uid', aliases: [], kind: 'int', types: ['cache', 'secret', 'ssh'], defaults: { cache: '0', secret: '0', ssh: '0' },
    summary: bi('Owner user ID.', '소유자 사용자 ID입니다.'),
    doc: bi('User ID of the cache directory, secret file or socket (default 0).', '캐시 디렉토리, 시크릿 파일, 소켓의 사용자 ID입니다(기본값 0).'),
  },
  {
    name: 'gid', aliases: [], kind: 'int', types: ['cache', 'secret', 'ssh'], defaults: { cache: '0', secret: '0', ssh: '0' },
    summary: bi('Owner group ID.', '소유자 그룹 ID입니다.'),
    doc: bi('Group ID of the cache directory, secret file or socket (default 0).', '캐시 디렉토리, 시크릿 파일, 소켓의 그룹 ID입니다(기본값 0).'),
  },
  {
    name: 'required', aliases: [], kind: 'bool', types: ['secret', 'ssh'], bareAllowed: true, values: BOOL_VALUES,
    defaults: { secret: 'false', ssh: 'false' },
    summary: bi('Fail when the secret or key is not provided.', '시크릿이나 키가 제공되지 않으면 실패합니다.'),
    doc: bi('Without it a missing secret or SSH key is silently skipped.', '지정하지 않으면 시크릿이나 SSH 키가 없어도 조용히 넘어갑니다.'),
  },
  {
    name: 'env', aliases: [], kind: 'string', types: ['secret'],
    summary: bi('Expose the secret as this environment variable.', '시크릿을 이 이름의 환경 변수로 제공합니다.'),
    doc: bi('Instead of (or, with `target`, in addition to) a file. Since Dockerfile 1.10.', '파일 대신(또는 `target`과 함께 쓰면 파일과 함께) 환경 변수로 제공합니다. Dockerfile 1.10부터 지원됩니다.'),
  },
  {
    name: 'size', aliases: [], kind: 'size', types: ['tmpfs'],
    summary: bi('Upper size limit of the tmpfs (e.g. `64m`).', 'tmpfs의 최대 크기입니다(예: `64m`).'),
    doc: bi('A byte size such as `512k`, `64m`, `1g`.', '`512k`, `64m`, `1g` 같은 바이트 크기입니다.'),
  },
];

/** Keys accepted by a mount type (case-insensitive); `[]` for unknown types. */
export function mountKeysFor(type: string): MountKeyDoc[] {
  const ty = type.toLowerCase();
  return MOUNT_KEYS.filter((k) => (k.types as string[]).includes(ty));
}

/** A mount key by name or alias (`dst` → target). */
export function mountKeyDoc(name: string): MountKeyDoc | undefined {
  const n = name.toLowerCase();
  return MOUNT_KEYS.find((k) => k.name === n || k.aliases.includes(n));
}

export function mountTypeDoc(type: string): MountTypeDoc | undefined {
  const ty = type.toLowerCase();
  return MOUNT_TYPES.find((m) => m.type === ty);
}

// ---- STOPSIGNAL and EXPOSE -----------------------------------------------------------------------

export interface SignalDoc {
  /** With the SIG prefix, as usually written in Dockerfiles. */
  name: string;
  /** Linux x86-64/arm64 number (RTMIN/RTMAX have none fixed here). */
  number?: number;
  doc: Bilingual;
}

/** The signals people actually use for STOPSIGNAL, with explanations. */
const COMMON_SIGNALS: SignalDoc[] = [
  { name: 'SIGTERM', number: 15, doc: bi('Polite termination request (the default).', '정상 종료 요청입니다(기본값).') },
  { name: 'SIGINT', number: 2, doc: bi('Interrupt, as from Ctrl+C.', 'Ctrl+C와 같은 인터럽트입니다.') },
  { name: 'SIGQUIT', number: 3, doc: bi('Quit; nginx uses it for graceful shutdown.', '종료(quit) 시그널입니다. nginx는 이를 정상 종료에 씁니다.') },
  { name: 'SIGKILL', number: 9, doc: bi('Kill immediately; cannot be caught.', '즉시 강제 종료하며 프로세스가 가로챌 수 없습니다.') },
  { name: 'SIGHUP', number: 1, doc: bi('Hang-up; many daemons reload their configuration on it.', '행업 시그널입니다. 많은 데몬이 이를 받으면 설정을 다시 읽습니다.') },
  { name: 'SIGUSR1', number: 10, doc: bi('User-defined signal 1.', '사용자 정의 시그널 1입니다.') },
  { name: 'SIGUSR2', number: 12, doc: bi('User-defined signal 2.', '사용자 정의 시그널 2입니다.') },
  { name: 'SIGWINCH', number: 28, doc: bi('Window size change; Apache httpd uses it for graceful stop.', '창 크기 변경 시그널입니다. Apache httpd는 이를 정상 종료에 씁니다.') },
  { name: 'SIGSTOP', number: 19, doc: bi('Stop (pause) the process; cannot be caught.', '프로세스를 일시 정지하며 가로챌 수 없습니다.') },
  { name: 'SIGRTMIN+3', doc: bi('Real-time signal; systemd shuts down on it.', '실시간 시그널입니다. systemd는 이를 받으면 종료합니다.') },
];

/** Other names moby accepts on Linux (moby/sys signal SignalMap), without a hand-written explanation. */
const OTHER_SIGNALS = [
  'ABRT', 'ALRM', 'BUS', 'CHLD', 'CLD', 'CONT', 'FPE', 'ILL', 'IO', 'IOT', 'PIPE', 'POLL', 'PROF', 'PWR',
  'SEGV', 'STKFLT', 'SYS', 'TRAP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'VTALRM', 'XCPU', 'XFSZ', 'RTMIN', 'RTMAX',
];

/** STOPSIGNAL names for completion: common ones first (documented), then the rest of the Linux map. */
export const STOP_SIGNALS: readonly SignalDoc[] = [
  ...COMMON_SIGNALS,
  ...OTHER_SIGNALS.map((s): SignalDoc => ({ name: 'SIG' + s, doc: bi(`Linux signal SIG${s}.`, `Linux 시그널 SIG${s}입니다.`) })),
];

export function signalDoc(name: string): SignalDoc | undefined {
  const n = name.toUpperCase();
  const full = n.startsWith('SIG') ? n : 'SIG' + n;
  return STOP_SIGNALS.find((s) => s.name === full) ?? (/^\d+$/.test(n) ? STOP_SIGNALS.find((s) => s.number === Number(n)) : undefined);
}

export interface ProtocolDoc {
  name: 'tcp' | 'udp' | 'sctp';
  doc: Bilingual;
}

/** EXPOSE protocols (docker/go-connections nat.validateProto). `tcp` is the default. */
export const EXPOSE_PROTOCOLS: readonly ProtocolDoc[] = [
  { name: 'tcp', doc: bi('TCP (default when no protocol is given).', 'TCP입니다(프로토콜을 생략하면 이것).') },
  { name: 'udp', doc: bi('UDP, e.g. DNS on 53/udp.', 'UDP입니다. 예: DNS의 53/udp.') },
  { name: 'sctp', doc: bi('SCTP (rarely used).', 'SCTP입니다(드물게 쓰임).') },
];
