//! Shared bilingual UI strings for hover, completion and signature help.
//!
//! Keys are STABLE: features refer to them by name, so rename only together with every
//! caller. Add new keys freely. Placeholders are `{0}`, `{1}`… and must be the same set in
//! both languages (checked by test/unit/docs.test.ts). Use `msg(locale, key, ...args)`.
//!
//! Key groups:
//!   label.*     short labels used in hover headings and completion details
//!   layer.*     whether an instruction adds a filesystem layer
//!   var.*       variable hover (where defined, value, lifetime)
//!   stage.*     stage hover / completion
//!   cmd.*       effective command section
//!   hc.*        HEALTHCHECK section
//!   image.*     FROM image hover
//!   completion.* completion item details

import { format, pick, type Bilingual, type Locale } from './locale';

export const MESSAGES = {
  // ---- labels -------------------------------------------------------------------------------
  'label.default': { en: 'default', ko: '기본값' },
  'label.defaultValue': { en: 'Default: {0}', ko: '기본값: {0}' },
  'label.example': { en: 'Example', ko: '예시' },
  'label.examples': { en: 'Examples', ko: '예시' },
  'label.forms': { en: 'Forms', ko: '형식' },
  'label.reference': { en: 'Dockerfile reference', ko: 'Dockerfile 레퍼런스' },
  'label.values': { en: 'Values', ko: '사용 가능한 값' },
  'label.aliases': { en: 'Also written as', ko: '같은 뜻의 키' },
  'label.mountTypes': { en: 'Mount types', ko: '마운트 타입' },
  'label.usedWith': { en: 'Used with mount type(s): {0}', ko: '사용 가능한 마운트 타입: {0}' },
  'label.repeatable': { en: 'Can be given more than once.', ko: '여러 번 지정할 수 있습니다.' },
  'label.required': { en: 'required', ko: '필수' },
  'label.optional': { en: 'optional', ko: '선택' },
  'label.since': { en: 'Requires Dockerfile syntax {0} or later.', ko: 'Dockerfile 문법 {0} 이상이 필요합니다.' },
  'label.deprecated': { en: 'Deprecated', ko: '더 이상 권장되지 않음(deprecated)' },
  'label.parameters': { en: 'Parameters', ko: '매개변수' },
  'label.line': { en: 'line {0}', ko: '{0}번째 줄' },
  'label.stage': { en: 'stage {0}', ko: '스테이지 {0}' },
  'label.unknown': { en: 'unknown', ko: '알 수 없음' },

  // ---- layers -------------------------------------------------------------------------------
  'layer.creates': { en: 'Creates a filesystem layer.', ko: '파일 시스템 레이어를 새로 만듭니다.' },
  'layer.metadata': { en: 'No layer: only changes the image configuration (metadata).', ko: '레이어를 만들지 않고 이미지 설정(메타데이터)만 바꿉니다.' },
  'layer.buildOnly': { en: 'No layer: exists only during the build; nothing is stored in the image.', ko: '레이어를 만들지 않습니다. 빌드하는 동안에만 쓰이고 이미지에는 아무것도 남지 않습니다.' },
  'layer.base': { en: 'No new layer: starts the stage from the base image\'s layers.', ko: '새 레이어는 없습니다. 베이스 이미지의 레이어에서 스테이지를 시작합니다.' },
  'layer.short.creates': { en: 'creates a layer', ko: '레이어 생성' },
  'layer.short.none': { en: 'no layer', ko: '레이어 없음' },

  // ---- variables ----------------------------------------------------------------------------
  'var.definedAt': { en: 'Defined at line {0}', ko: '{0}번째 줄에서 정의됨' },
  'var.definedInStage': { en: 'Defined at line {0} in stage `{1}`', ko: '스테이지 `{1}`의 {0}번째 줄에서 정의됨' },
  'var.inheritedFrom': { en: 'Value inherited from the global `ARG` at line {0}', ko: '{0}번째 줄의 전역 `ARG`에서 값을 물려받음' },
  'var.inheritedThroughFrom': { en: 'Inherited from the parent stage (`FROM {0}`)', ko: '부모 스테이지(`FROM {0}`)에서 물려받음' },
  'var.value': { en: 'Value at this line: `{0}`', ko: '이 줄에서의 값: `{0}`' },
  'var.emptyValue': { en: 'Value at this line: empty string', ko: '이 줄에서의 값: 빈 문자열' },
  'var.noDefault': { en: 'No default value: empty unless set with `--build-arg {0}=…`', ko: '기본값이 없습니다. `--build-arg {0}=…`로 넘기지 않으면 빈 값입니다.' },
  'var.setWithBuildArg': { en: 'set with --build-arg', ko: '--build-arg로 지정' },
  'var.overridableWithBuildArg': { en: 'Can be overridden with `docker build --build-arg {0}=…`', ko: '`docker build --build-arg {0}=…`로 값을 바꿀 수 있습니다.' },
  'var.undefined': { en: '`{0}` is not defined at this line: it expands to an empty string.', ko: '이 줄에서는 `{0}`가 정의되어 있지 않아 빈 문자열로 치환됩니다.' },
  'var.predefined': { en: 'Predefined build argument', ko: '미리 정의된 빌드 인자' },
  'var.predefinedPlatform': { en: 'Automatic platform ARG (global scope): redeclare it with `ARG {0}` inside a stage to use it there.', ko: '자동으로 설정되는 플랫폼 ARG(전역 범위)입니다. 스테이지 안에서 쓰려면 `ARG {0}`로 다시 선언하세요.' },
  'var.predefinedProxy': { en: 'Proxy build argument: usable without an `ARG` line, kept out of `docker history` and the cache key.', ko: '프록시용 빌드 인자입니다. `ARG` 없이 쓸 수 있고, `docker history`와 캐시 키에서 제외됩니다.' },
  'var.kind.ARG': { en: 'build argument (ARG)', ko: '빌드 인자(ARG)' },
  'var.kind.ENV': { en: 'environment variable (ENV)', ko: '환경 변수(ENV)' },
  'var.kind.predefined': { en: 'predefined build argument', ko: '미리 정의된 빌드 인자' },

  // ---- stages -------------------------------------------------------------------------------
  'stage.title': { en: 'Build stage `{0}`', ko: '빌드 스테이지 `{0}`' },
  'stage.titleIndex': { en: 'Build stage #{0} (unnamed)', ko: '빌드 스테이지 #{0}(이름 없음)' },
  'stage.base': { en: 'Based on `{0}` (line {1})', ko: '`{0}` 기반({1}번째 줄)' },
  'stage.parent': { en: 'Continues from stage `{0}`', ko: '스테이지 `{0}`에서 이어짐' },
  'stage.detail': { en: 'stage from {0}, line {1}', ko: '{0} 기반 스테이지, {1}번째 줄' },
  'stage.asDetail': { en: 'name this build stage', ko: '빌드 스테이지 이름 지정' },

  // ---- CMD / ENTRYPOINT ---------------------------------------------------------------------
  'cmd.effective': { en: 'Effective command', ko: '실제로 실행되는 명령' },
  'cmd.effectiveOfStage': { en: 'Effective command of stage `{0}`', ko: '스테이지 `{0}`에서 실제로 실행되는 명령' },
  'cmd.table': { en: 'How CMD and ENTRYPOINT combine', ko: 'CMD와 ENTRYPOINT의 조합' },
  'cmd.overridden': { en: 'This instruction is not in effect: a later one in the same stage replaces it.', ko: '이 명령어는 적용되지 않습니다. 같은 스테이지의 뒤쪽 명령어가 이를 대체합니다.' },
  'cmd.fromBase': { en: 'Anything not set here comes from the base image `{0}`.', ko: '여기서 지정하지 않은 부분은 베이스 이미지 `{0}`의 설정을 따릅니다.' },
  'cmd.reset': { en: 'ENTRYPOINT in this stage resets the CMD inherited from the base image; set CMD again here if you need default arguments.', ko: '이 스테이지의 ENTRYPOINT가 베이스 이미지에서 물려받은 CMD를 비웁니다. 기본 인자가 필요하면 여기서 CMD를 다시 지정하세요.' },
  'cmd.shellIgnoresCmd': { en: 'Shell-form ENTRYPOINT ignores CMD and `docker run` arguments.', ko: '셸 형식 ENTRYPOINT는 CMD와 `docker run` 인자를 무시합니다.' },
  'cmd.none': { en: 'No CMD or ENTRYPOINT here: the base image\'s CMD (if any) is used.', ko: '여기에는 CMD도 ENTRYPOINT도 없어서 베이스 이미지의 CMD(있다면)가 사용됩니다.' },

  // ---- HEALTHCHECK --------------------------------------------------------------------------
  'hc.title': { en: 'What this HEALTHCHECK does', ko: '이 HEALTHCHECK가 하는 일' },
  'hc.exitCodes': { en: 'Exit codes: `0` healthy, `1` unhealthy, `2` reserved (do not use).', ko: '종료 코드: `0` 정상(healthy), `1` 비정상(unhealthy), `2` 예약됨(사용 금지).' },
  'hc.typeCmd': { en: 'run a command to check the container\'s health', ko: '명령을 실행해 컨테이너 상태를 검사' },
  'hc.typeNone': { en: 'disable any health check inherited from the base image', ko: '베이스 이미지에서 물려받은 헬스 체크를 끔' },
  'hc.onlyLast': { en: 'Only the last HEALTHCHECK in the stage takes effect.', ko: '스테이지에서 마지막 HEALTHCHECK만 적용됩니다.' },

  // ---- images -------------------------------------------------------------------------------
  'image.title': { en: 'Image `{0}`', ko: '이미지 `{0}`' },
  'image.registry': { en: 'Registry: `{0}`', ko: '레지스트리: `{0}`' },
  'image.repository': { en: 'Repository: `{0}`', ko: '저장소: `{0}`' },
  'image.tag': { en: 'Tag: `{0}`', ko: '태그: `{0}`' },
  'image.digest': { en: 'Digest: `{0}` (pinned to exact content)', ko: '다이제스트: `{0}`(정확한 내용으로 고정)' },
  'image.impliedLatest': { en: 'No tag: Docker uses `latest`, which changes over time. Pin a version for repeatable builds.', ko: '태그가 없으면 `latest`가 사용되는데, 이 태그는 시간이 지나면 바뀝니다. 빌드 결과를 일정하게 하려면 버전을 지정하세요.' },
  'image.family': { en: 'OS family: {0}', ko: 'OS 계열: {0}' },
  'image.resolved': { en: 'Resolves to `{0}`', ko: '치환 결과: `{0}`' },
  'image.invalid': { en: 'Not a valid image reference: {0}', ko: '올바른 이미지 참조가 아닙니다: {0}' },
  'image.scratch': { en: '`scratch` is the empty image: no files, no shell.', ko: '`scratch`는 빈 이미지입니다. 파일도 셸도 없습니다.' },

  // ---- completion details -------------------------------------------------------------------
  'completion.instruction': { en: 'Dockerfile instruction', ko: 'Dockerfile 명령어' },
  'completion.directive': { en: 'parser directive', ko: '파서 지시어' },
  'completion.flag': { en: 'flag of {0}', ko: '{0}의 플래그' },
  'completion.mountKey': { en: '--mount option', ko: '--mount 옵션' },
  'completion.mountType': { en: 'mount type', ko: '마운트 타입' },
  'completion.stage': { en: 'build stage', ko: '빌드 스테이지' },
  'completion.stageIndex': { en: 'build stage by index', ko: '번호로 지정한 빌드 스테이지' },
  'completion.image': { en: 'official image', ko: '공식 이미지' },
  'completion.tag': { en: 'tag', ko: '태그' },
  'completion.signal': { en: 'signal', ko: '시그널' },
  'completion.protocol': { en: 'protocol', ko: '프로토콜' },
  'completion.variable': { en: 'variable', ko: '변수' },
  'completion.check': { en: 'build check', ko: '빌드 체크' },
} as const satisfies Record<string, Bilingual>;

export type MessageKey = keyof typeof MESSAGES;

/** A UI string in the given locale with `{0}`… filled in. */
export function msg(locale: Locale, key: MessageKey, ...args: unknown[]): string {
  return format(pick(MESSAGES[key], locale), args);
}

/** Both languages of a UI string with `{0}`… filled in. */
export function msgBoth(key: MessageKey, ...args: unknown[]): Bilingual {
  return { en: msg('en', key, ...args), ko: msg('ko', key, ...args) };
}
