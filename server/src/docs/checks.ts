//! BuildKit build checks (names used by `# check=skip=…`), one bilingual line each, with the
//! link to docs.docker.com/reference/build-checks/. Names must be written in PascalCase in the
//! directive (reference.md §check). test/unit/docs.test.ts checks that every name in
//! semantics/instructionSpec.ts BUILDKIT_CHECKS is documented here.

import { bi, type Bilingual } from './locale';

export const BUILD_CHECKS_URL = 'https://docs.docker.com/reference/build-checks/';

export interface BuildCheckDoc {
  name: string;
  url: string;
  summary: Bilingual;
  /** Off by default / experimental in BuildKit. */
  experimental?: boolean;
}

const c = (name: string, slug: string, en: string, ko: string, experimental = false): BuildCheckDoc =>
  ({ name, url: BUILD_CHECKS_URL + slug + '/', summary: bi(en, ko), ...(experimental ? { experimental } : {}) });

export const BUILD_CHECKS: readonly BuildCheckDoc[] = [
  c('StageNameCasing', 'stage-name-casing', 'Stage names should be lowercase.', '스테이지 이름은 소문자로 써야 합니다.'),
  c('FromAsCasing', 'from-as-casing', 'The `AS` keyword should use the same casing as `FROM`.', '`AS` 키워드는 `FROM`과 같은 대소문자로 써야 합니다.'),
  c('NoEmptyContinuation', 'no-empty-continuation', 'Empty lines inside a continued instruction will become errors in a future release.', '이어 쓰는 명령어 중간의 빈 줄은 앞으로 오류가 될 예정입니다.'),
  c('ConsistentInstructionCasing', 'consistent-instruction-casing', 'All instructions should use the same casing (all upper or all lower).', '모든 명령어는 같은 대소문자(전부 대문자 또는 전부 소문자)로 써야 합니다.'),
  c('DuplicateStageName', 'duplicate-stage-name', 'Stage names should be unique.', '스테이지 이름은 중복되면 안 됩니다.'),
  c('ReservedStageName', 'reserved-stage-name', 'Reserved words such as `scratch` and `context` must not be used as stage names.', '`scratch`, `context` 같은 예약어는 스테이지 이름으로 쓸 수 없습니다.'),
  c('JSONArgsRecommended', 'json-args-recommended', 'Use the JSON (exec) form for CMD and ENTRYPOINT so the program receives OS signals.', '프로그램이 OS 시그널을 받을 수 있도록 CMD와 ENTRYPOINT는 JSON(exec) 형식으로 쓰세요.'),
  c('MaintainerDeprecated', 'maintainer-deprecated', 'MAINTAINER is deprecated; use `LABEL org.opencontainers.image.authors`.', 'MAINTAINER는 더 이상 권장되지 않습니다. `LABEL org.opencontainers.image.authors`를 쓰세요.'),
  c('UndefinedArgInFrom', 'undefined-arg-in-from', 'FROM uses an ARG that is not declared before it.', 'FROM에서 앞에 선언되지 않은 ARG를 쓰고 있습니다.'),
  c('WorkdirRelativePath', 'workdir-relative-path', 'A relative WORKDIR depends on the base image\'s working directory; set an absolute one first.', '상대 경로 WORKDIR은 베이스 이미지의 작업 디렉토리에 따라 달라집니다. 먼저 절대 경로로 지정하세요.'),
  c('UndefinedVar', 'undefined-var', 'A variable is used before it is defined (it expands to an empty string).', '정의되기 전에 변수를 쓰고 있습니다(빈 문자열로 치환됩니다).'),
  c('MultipleInstructionsDisallowed', 'multiple-instructions-disallowed', 'Only the last CMD, ENTRYPOINT or HEALTHCHECK of a stage takes effect.', '한 스테이지에서는 마지막 CMD, ENTRYPOINT, HEALTHCHECK만 적용됩니다.'),
  c('LegacyKeyValueFormat', 'legacy-key-value-format', 'Use `KEY=value` instead of the legacy `KEY value` format in ENV and LABEL.', 'ENV와 LABEL에서는 예전 형식인 `KEY value` 대신 `KEY=value`를 쓰세요.'),
  c('InvalidBaseImagePlatform', 'invalid-base-image-platform', 'The base image platform does not match the target platform.', '베이스 이미지의 플랫폼이 대상 플랫폼과 맞지 않습니다.'),
  c('RedundantTargetPlatform', 'redundant-target-platform', '`FROM --platform=$TARGETPLATFORM` is redundant: it is the default.', '`FROM --platform=$TARGETPLATFORM`은 기본 동작과 같으므로 필요 없습니다.'),
  c('SecretsUsedInArgOrEnv', 'secrets-used-in-arg-or-env', 'Secrets should not be passed through ARG or ENV; use `RUN --mount=type=secret`.', '비밀 값은 ARG나 ENV로 넘기지 말고 `RUN --mount=type=secret`을 쓰세요.'),
  c('InvalidDefaultArgInFrom', 'invalid-default-arg-in-from', 'The default value of a global ARG gives an empty or invalid base image name.', '전역 ARG의 기본값으로는 베이스 이미지 이름이 비거나 올바르지 않게 됩니다.'),
  c('FromPlatformFlagConstDisallowed', 'from-platform-flag-const-disallowed', '`FROM --platform` should not use a constant value.', '`FROM --platform`에는 고정된 값을 쓰지 않는 것이 좋습니다.'),
  c('CopyIgnoredFile', 'copy-ignored-file', 'COPY/ADD refers to a file that `.dockerignore` excludes from the build context.', 'COPY/ADD가 `.dockerignore`로 빌드 컨텍스트에서 제외된 파일을 가리키고 있습니다.'),
  c('InvalidDefinitionDescription', 'invalid-definition-description', 'A comment describing a stage or ARG should start with its name: `# <name> <description>`.', '스테이지나 ARG를 설명하는 주석은 이름으로 시작해야 합니다: `# <이름> <설명>`.', true),
  c('ExposeProtoCasing', 'expose-proto-casing', 'The protocol in EXPOSE should be lowercase (`80/tcp`).', 'EXPOSE의 프로토콜은 소문자로 써야 합니다(`80/tcp`).'),
  c('ExposeInvalidFormat', 'expose-invalid-format', 'EXPOSE takes container ports only; IP addresses and host-port mappings belong to `docker run -p`.', 'EXPOSE에는 컨테이너 포트만 씁니다. IP 주소와 호스트 포트 매핑은 `docker run -p`에서 지정하세요.'),
];

/** A build check by name (exact PascalCase, as BuildKit requires). */
export function buildCheckDoc(name: string): BuildCheckDoc | undefined {
  return BUILD_CHECKS.find((x) => x.name === name);
}
