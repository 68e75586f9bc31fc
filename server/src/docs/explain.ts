//! Bilingual generators that explain what the Dockerfile will do, from plain values (no tree
//! types): the CMD/ENTRYPOINT interaction table, the effective command of a stage, what a
//! HEALTHCHECK will do, ARG vs ENV lifetime, and variable hover text.
//!
//! Sources: moby/buildkit frontend/dockerfile/docs/reference.md — "Understand how CMD and
//! ENTRYPOINT interact" (the table and the note that ENTRYPOINT resets an inherited CMD),
//! §ENTRYPOINT, §HEALTHCHECK, §ARG, §ENV; docs.docker.com/engine/containers/run "Default
//! entrypoint" (passing --entrypoint clears the image's default command). Duration syntax:
//! Go time.ParseDuration.

import { bi, format, pick, type Bilingual, type Locale } from './locale';

// ---- CMD / ENTRYPOINT ---------------------------------------------------------------------------

export type CommandForm = 'exec' | 'shell';
export type FormOrNone = CommandForm | 'none';

export interface CommandValue {
  form: CommandForm;
  /** Exec form: the JSON strings. */
  args: string[];
  /** Shell form: the command text. */
  text: string;
}

export interface EffectiveCommandInput {
  entrypoint?: CommandValue | null;
  cmd?: CommandValue | null;
  /** The stage's SHELL at the instruction; default `["/bin/sh", "-c"]`. */
  shell?: string[];
  /** Base image name, used in explanations when nothing is set (optional). */
  baseImage?: string | null;
}

export interface EffectiveCommand {
  /** argv the container runs with `docker run IMAGE` (no args); null when the Dockerfile sets none. */
  argv: string[] | null;
  /** argv rendered like a command line: `python runapp.py`, `/bin/sh -c "npm start"`. */
  display: string;
  explanation: Bilingual;
}

export const DEFAULT_SHELL: readonly string[] = ['/bin/sh', '-c'];

/** How Docker stores a CMD/ENTRYPOINT: exec form as is, shell form as `[...SHELL, text]`. */
export function commandArgv(c: CommandValue, shell: readonly string[] = DEFAULT_SHELL): string[] {
  return c.form === 'exec' ? [...c.args] : [...shell, c.text];
}

/** Quotes an argument only when a shell would need it, so simple commands stay readable. */
export function quoteArg(a: string): string {
  if (a !== '' && /^[A-Za-z0-9_\-./:=@%+,]+$/.test(a)) return a;
  return '"' + a.replace(/(["\\$`])/g, '\\$1') + '"';
}

export function renderArgv(argv: readonly string[]): string {
  return argv.map(quoteArg).join(' ');
}

/**
 * The command a container of this stage runs, following the reference table: exec
 * ENTRYPOINT + CMD → ENTRYPOINT then CMD; shell ENTRYPOINT → CMD ignored; CMD alone → CMD;
 * shell forms go through the stage SHELL.
 */
export function effectiveCommand(input: EffectiveCommandInput): EffectiveCommand {
  const shell = input.shell && input.shell.length ? input.shell : DEFAULT_SHELL;
  // `ENTRYPOINT []` / `CMD []` clear the setting (an empty exec form runs nothing).
  const set = (c: CommandValue | null | undefined) => (c && !(c.form === 'exec' && c.args.length === 0) ? c : null);
  const ep = set(input.entrypoint);
  const cmd = set(input.cmd);
  const sh = renderArgv(shell);
  const base = input.baseImage ?? null;

  if (!ep && !cmd) {
    return {
      argv: null,
      display: '',
      explanation: base
        ? bi(
          `This stage sets neither CMD nor ENTRYPOINT, so containers run whatever the base image \`${base}\` defines. If it defines nothing, \`docker run\` needs a command.`,
          `이 스테이지에는 CMD도 ENTRYPOINT도 없으므로 컨테이너는 베이스 이미지 \`${base}\`에 정의된 명령을 실행합니다. 베이스 이미지에도 없다면 \`docker run\`에 명령을 직접 줘야 합니다.`,
        )
        : bi(
          'Neither CMD nor ENTRYPOINT is set here, so the base image\'s CMD (if any) applies. If there is none, `docker run` needs a command.',
          '여기에는 CMD도 ENTRYPOINT도 없으므로 베이스 이미지의 CMD(있다면)가 적용됩니다. 없다면 `docker run`에 명령을 직접 줘야 합니다.',
        ),
    };
  }

  const parts: { en: string[]; ko: string[] } = { en: [], ko: [] };
  let argv: string[];
  if (ep && ep.form === 'shell') {
    argv = commandArgv(ep, shell);
    parts.en.push(`The shell-form ENTRYPOINT runs as \`${sh} "…"\`. It ignores ${cmd ? 'the CMD and ' : ''}any \`docker run\` arguments, and the program is not PID 1, so \`docker stop\` signals reach the shell, not your program (start it with \`exec\` or use the exec form).`);
    parts.ko.push(`셸 형식 ENTRYPOINT는 \`${sh} "…"\`로 실행됩니다. ${cmd ? 'CMD와 ' : ''}\`docker run\` 인자를 모두 무시하고, 프로그램이 PID 1이 아니어서 \`docker stop\`의 시그널이 프로그램이 아닌 셸로 갑니다(\`exec\`로 시작하거나 exec 형식을 쓰세요).`);
  } else if (ep) {
    const cmdArgv = cmd ? commandArgv(cmd, shell) : [];
    argv = [...ep.args, ...cmdArgv];
    if (cmd && cmd.form === 'exec') {
      parts.en.push('The exec-form ENTRYPOINT runs with the CMD appended as default arguments.');
      parts.ko.push('exec 형식 ENTRYPOINT 뒤에 CMD가 기본 인자로 붙어 실행됩니다.');
    } else if (cmd) {
      parts.en.push(`The CMD is in shell form, so the ENTRYPOINT receives \`${sh} …\` as arguments, which is rarely intended: write the CMD in exec form.`);
      parts.ko.push(`CMD가 셸 형식이라 ENTRYPOINT가 \`${sh} …\`를 인자로 받게 되는데, 대개 의도한 동작이 아닙니다. CMD를 exec 형식으로 쓰세요.`);
    } else {
      parts.en.push('The exec-form ENTRYPOINT runs without default arguments (no CMD).');
      parts.ko.push('CMD가 없으므로 exec 형식 ENTRYPOINT가 기본 인자 없이 실행됩니다.');
    }
    parts.en.push('`docker run IMAGE args…` replaces the CMD part with `args`; `docker run --entrypoint X` replaces the ENTRYPOINT and clears the CMD.');
    parts.ko.push('`docker run 이미지 인자…`는 CMD 부분을 `인자`로 바꾸고, `docker run --entrypoint X`는 ENTRYPOINT를 바꾸면서 CMD도 비웁니다.');
  } else {
    argv = commandArgv(cmd!, shell);
    if (cmd!.form === 'shell') {
      parts.en.push(`The shell-form CMD runs as \`${sh} "…"\`; the shell is PID 1 and may not forward \`docker stop\` signals. The exec form avoids this.`);
      parts.ko.push(`셸 형식 CMD는 \`${sh} "…"\`로 실행됩니다. 셸이 PID 1이 되어 \`docker stop\`의 시그널을 전달하지 못할 수 있으니 exec 형식을 권장합니다.`);
    } else {
      parts.en.push('The exec-form CMD runs as PID 1 and receives `docker stop` signals directly.');
      parts.ko.push('exec 형식 CMD는 PID 1로 실행되어 `docker stop`의 시그널을 직접 받습니다.');
    }
    parts.en.push('`docker run IMAGE command…` replaces the whole CMD.');
    parts.ko.push('`docker run 이미지 명령…`을 쓰면 CMD 전체가 바뀝니다.');
  }
  const display = renderArgv(argv);
  return {
    argv,
    display,
    explanation: { en: parts.en.join(' '), ko: parts.ko.join(' ') },
  };
}

/** Placeholders used by the reference table. */
const T_EP_EXEC: CommandValue = { form: 'exec', args: ['exec_entry', 'p1_entry'], text: '' };
const T_EP_SHELL: CommandValue = { form: 'shell', args: [], text: 'exec_entry p1_entry' };
const T_CMD_EXEC: CommandValue = { form: 'exec', args: ['exec_cmd', 'p1_cmd'], text: '' };
const T_CMD_SHELL: CommandValue = { form: 'shell', args: [], text: 'exec_cmd p1_cmd' };

/**
 * One cell of the reference table, computed with `effectiveCommand` (argv joined by spaces,
 * unquoted, as the reference prints it). No ENTRYPOINT and no CMD: `error, not allowed`.
 */
export function interactionCell(entrypoint: FormOrNone, cmd: FormOrNone, loc: Locale = 'en'): string {
  if (entrypoint === 'none' && cmd === 'none') return loc === 'ko' ? '오류, 허용되지 않음' : 'error, not allowed';
  const r = effectiveCommand({
    entrypoint: entrypoint === 'exec' ? T_EP_EXEC : entrypoint === 'shell' ? T_EP_SHELL : null,
    cmd: cmd === 'exec' ? T_CMD_EXEC : cmd === 'shell' ? T_CMD_SHELL : null,
  });
  return (r.argv ?? []).join(' ');
}

/** The reference table as Markdown (rows: CMD; columns: ENTRYPOINT), plus what `docker run` overrides. */
export function cmdEntrypointTable(loc: Locale): string {
  const ko = loc === 'ko';
  const cols: [FormOrNone, string][] = [
    ['none', ko ? 'ENTRYPOINT 없음' : 'No ENTRYPOINT'],
    ['shell', 'ENTRYPOINT exec_entry p1_entry'],
    ['exec', 'ENTRYPOINT ["exec_entry", "p1_entry"]'],
  ];
  const rows: [FormOrNone, string][] = [
    ['none', ko ? '**CMD 없음**' : '**No CMD**'],
    ['exec', '**CMD ["exec_cmd", "p1_cmd"]**'],
    ['shell', '**CMD exec_cmd p1_cmd**'],
  ];
  const lines = [
    '| | ' + cols.map((c) => c[1]).join(' | ') + ' |',
    '|:--|' + cols.map(() => ':--').join('|') + '|',
    ...rows.map(([r, label]) => '| ' + label + ' | ' + cols.map(([c]) => {
      const cell = interactionCell(c, r, loc);
      return c === 'none' && r === 'none' ? cell : '`' + cell + '`';
    }).join(' | ') + ' |'),
  ];
  const notes = ko
    ? [
      '- `docker run 이미지 인자…`: 인자가 **CMD**를 대체합니다(exec 형식 ENTRYPOINT 뒤에 붙음).',
      '- `docker run --entrypoint 프로그램 이미지`: **ENTRYPOINT**를 대체하고 이미지의 CMD를 비웁니다.',
      '- 셸 형식 ENTRYPOINT는 CMD와 `docker run` 인자를 무시합니다.',
      '- ENTRYPOINT를 지정하면 베이스 이미지에서 물려받은 CMD가 초기화되므로, 필요하면 CMD를 다시 지정해야 합니다.',
    ]
    : [
      '- `docker run IMAGE args…`: the args replace **CMD** (appended after an exec-form ENTRYPOINT).',
      '- `docker run --entrypoint PROG IMAGE`: replaces **ENTRYPOINT** and clears the image\'s CMD.',
      '- A shell-form ENTRYPOINT ignores CMD and `docker run` arguments.',
      '- Setting ENTRYPOINT resets a CMD inherited from the base image; set CMD again if you need it.',
    ];
  return lines.join('\n') + '\n\n' + notes.join('\n');
}

// ---- durations and HEALTHCHECK ------------------------------------------------------------------

const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/**
 * Go `time.ParseDuration` → milliseconds, or null when invalid. Accepts a sign, decimal
 * fractions and a sequence of number+unit (`1h2m3.5s`), units ns us µs ms s m h; a bare `0`
 * is valid; any other number needs a unit; empty strings are invalid.
 */
export function parseDuration(s: string): number | null {
  if (typeof s !== 'string') return null;
  let i = 0;
  let neg = false;
  if (s[0] === '+' || s[0] === '-') { neg = s[0] === '-'; i = 1; }
  const rest = s.slice(i);
  if (rest === '0') return 0;
  if (rest === '') return null;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;
  let total = 0;
  let pos = 0;
  while (pos < rest.length) {
    re.lastIndex = pos;
    const m = re.exec(rest);
    if (!m) return null;
    total += parseFloat(m[1]) * UNIT_MS[m[2]];
    pos = re.lastIndex;
  }
  return neg ? -total : total;
}

/** `90000` → `1m30s`, `500` → `500ms`, `0` → `0s` (for showing normalised values). */
export function formatDuration(ms: number): string {
  if (ms === 0) return '0s';
  const sign = ms < 0 ? '-' : '';
  let v = Math.abs(ms);
  if (v < 1000) return sign + `${+v.toFixed(3)}ms`;
  const h = Math.floor(v / 3_600_000); v -= h * 3_600_000;
  const m = Math.floor(v / 60_000); v -= m * 60_000;
  const s = +(v / 1000).toFixed(3);
  return sign + (h ? `${h}h` : '') + (m ? `${m}m` : '') + (s || (!h && !m) ? `${s}s` : '');
}

export const HEALTHCHECK_DEFAULTS = {
  interval: '30s',
  timeout: '30s',
  startPeriod: '0s',
  startInterval: '5s',
  retries: '3',
} as const;

export interface HealthcheckInput {
  interval?: string | null;
  timeout?: string | null;
  startPeriod?: string | null;
  startInterval?: string | null;
  retries?: string | number | null;
  none?: boolean;
  /** The probe as it will run (e.g. `/bin/sh -c "curl -f http://localhost/ || exit 1"`). */
  command?: string | null;
}

/** What the HEALTHCHECK will do, in plain words, with its own values and the defaults filled in. */
export function describeHealthcheck(h: HealthcheckInput): Bilingual {
  if (h.none) {
    return bi(
      'Disables the health check inherited from the base image: containers of this image have no health status.',
      '베이스 이미지에서 물려받은 헬스 체크를 끕니다. 이 이미지로 만든 컨테이너에는 상태(health) 정보가 없습니다.',
    );
  }
  const val = (v: string | number | null | undefined, d: string) => {
    const given = v !== undefined && v !== null && String(v) !== '';
    return { v: given ? String(v) : d, given };
  };
  const interval = val(h.interval, HEALTHCHECK_DEFAULTS.interval);
  const timeout = val(h.timeout, HEALTHCHECK_DEFAULTS.timeout);
  const sp = val(h.startPeriod, HEALTHCHECK_DEFAULTS.startPeriod);
  const si = val(h.startInterval, HEALTHCHECK_DEFAULTS.startInterval);
  const retries = val(h.retries, HEALTHCHECK_DEFAULTS.retries);
  const dEn = (x: { given: boolean }) => (x.given ? '' : ' (default)');
  const dKo = (x: { given: boolean }) => (x.given ? '' : '(기본값)');
  const cmd = h.command ? `\`${h.command}\`` : null;
  const spMs = parseDuration(sp.v);
  const hasStart = spMs !== null && spMs > 0;
  const n = Number(retries.v);

  const en: string[] = [];
  const ko: string[] = [];
  // reference.md §HEALTHCHECK: the first run is `interval` after start, then `interval` after
  // each check; during the start period checks run every `start-interval` instead.
  en.push(`Every **${interval.v}**${dEn(interval)} Docker runs ${cmd ?? 'the check command'} inside the container${hasStart ? '' : `; the first run happens ${interval.v} after the container starts`}.`);
  ko.push(`Docker가 **${interval.v}**${dKo(interval)}마다 컨테이너 안에서 ${cmd ? cmd + ' 명령을' : '검사 명령을'} 실행합니다.${hasStart ? '' : ` 첫 검사는 컨테이너가 시작되고 ${interval.v} 뒤에 합니다.`}`);
  if (hasStart) {
    en.push(`During the first **${sp.v}**${dEn(sp)} after start (start period) it checks every **${si.v}**${dEn(si)} instead, and failures do not count; once a check succeeds, the container counts as started and failures count from then on.`);
    ko.push(`컨테이너가 시작된 뒤 처음 **${sp.v}**${dKo(sp)}(시작 유예 기간) 동안은 대신 **${si.v}**${dKo(si)}마다 검사하며 실패를 세지 않습니다. 그 사이에 한 번 성공하면 시작된 것으로 보고 그때부터 실패를 셉니다.`);
  } else {
    en.push(`There is no start period (**${sp.v}**${dEn(sp)}), so failures count from the first check${si.given ? ` and the start interval (${si.v}) has no effect` : ''}.`);
    ko.push(`시작 유예 기간이 없으므로(**${sp.v}**${dKo(sp)}) 첫 검사부터 실패를 셉니다${si.given ? `. 따라서 start-interval(${si.v})은 효과가 없습니다` : ''}.`);
  }
  en.push(`A run that takes longer than **${timeout.v}**${dEn(timeout)} is killed and counts as a failure. After **${retries.v}**${dEn(retries)} failure${n === 1 ? '' : 's'} in a row the container is marked \`unhealthy\`; a success marks it \`healthy\` again.`);
  ko.push(`한 번의 검사가 **${timeout.v}**${dKo(timeout)}보다 오래 걸리면 강제로 종료되고 실패로 셉니다. **${retries.v}**번${dKo(retries)} 연속으로 실패하면 컨테이너가 \`unhealthy\` 상태가 되고, 다시 성공하면 \`healthy\`로 돌아옵니다.`);
  en.push('Exit codes: `0` healthy, `1` unhealthy, `2` reserved (do not use).');
  ko.push('종료 코드: `0` 정상(healthy), `1` 비정상(unhealthy), `2` 예약됨(사용 금지).');

  const bad = ([['interval', interval], ['timeout', timeout], ['start-period', sp], ['start-interval', si]] as const)
    .filter(([, x]) => x.given && parseDuration(x.v) === null).map(([k, x]) => `--${k}=${x.v}`);
  if (retries.given && !/^\d+$/.test(retries.v)) bad.push(`--retries=${retries.v}`);
  if (bad.length) {
    en.push(`Invalid value${bad.length > 1 ? 's' : ''}: \`${bad.join('`, `')}\` (durations use Go syntax such as \`30s\`, \`1m30s\`; retries is a whole number).`);
    ko.push(`잘못된 값: \`${bad.join('`, `')}\`(시간은 \`30s\`, \`1m30s\` 같은 Go 표기, retries는 정수여야 합니다).`);
  }
  return { en: en.join(' '), ko: ko.join(' ') };
}

// ---- variables ----------------------------------------------------------------------------------

export const ARG_VS_ENV: Bilingual = bi(
  '**ARG** exists only while the image is built: it can be set with `docker build --build-arg`, is visible from its line to the end of the stage and in stages built `FROM` it (a global ARG before the first FROM only in FROM lines unless redeclared), and is not stored in the image config. **ENV** is stored in the image: every later instruction, every stage built `FROM` this one, and every container sees it (`docker run --env` can change it). An ENV wins over an ARG of the same name.',
  '**ARG**는 이미지를 빌드하는 동안에만 존재합니다. `docker build --build-arg`로 값을 줄 수 있고, 선언한 줄부터 스테이지 끝까지, 그리고 그 스테이지를 `FROM`으로 잇는 스테이지에서 쓸 수 있으며(첫 FROM 앞의 전역 ARG는 다시 선언하지 않으면 FROM 줄에서만 쓸 수 있음), 이미지 설정에는 저장되지 않습니다. **ENV**는 이미지에 저장되어 이후의 모든 명령어, 이 스테이지를 `FROM`으로 잇는 스테이지, 모든 컨테이너에서 보입니다(`docker run --env`로 바꿀 수 있음). 같은 이름이면 ENV가 ARG보다 우선합니다.',
);

export const ARG_LIFETIME: Bilingual = bi(
  'Build-time only: not in the image, not visible to containers. Values show up in `docker history`; do not use it for secrets.',
  '빌드할 때만 쓰입니다. 이미지에 남지 않고 컨테이너에서도 보이지 않습니다. 값이 `docker history`에 남으므로 비밀 값에는 쓰지 마세요.',
);

export const ENV_LIFETIME: Bilingual = bi(
  'Persists in the image: later instructions, child stages and running containers all see it.',
  '이미지에 저장됩니다. 이후의 명령어, 자식 스테이지, 실행 중인 컨테이너 모두에서 보입니다.',
);

export type VariableKind = 'ARG' | 'ENV' | 'predefined';

export interface VariableHoverInput {
  name: string;
  kind: VariableKind;
  /** 1-based line of the definition; null for predefined or unknown. */
  definedAtLine: number | null;
  /** Value at the hovered line (default / ENV value), null when unknown or unset. */
  value: string | null;
  /** True when the value can only come from `--build-arg` (ARG without default). */
  fromBuildArg?: boolean;
  /** Stage name or index where it is defined (optional). */
  stage?: string | null;
  /** The ARG is a global one (before the first FROM). */
  global?: boolean;
}

/** Markdown body of a variable hover (without a code fence title). */
export function variableHoverText(v: VariableHoverInput): Bilingual {
  const en: string[] = [];
  const ko: string[] = [];
  const title = v.kind === 'ENV' ? ['environment variable', '환경 변수'] : v.kind === 'ARG' ? ['build argument', '빌드 인자'] : ['predefined build argument', '미리 정의된 빌드 인자'];
  en.push(`\`${v.name}\` — ${title[0]}${v.global ? ' (global)' : ''}`);
  ko.push(`\`${v.name}\` — ${title[1]}${v.global ? '(전역)' : ''}`);
  if (v.definedAtLine !== null) {
    en.push(v.stage ? `Defined at line ${v.definedAtLine} (stage \`${v.stage}\`).` : `Defined at line ${v.definedAtLine}.`);
    ko.push(v.stage ? `${v.definedAtLine}번째 줄(스테이지 \`${v.stage}\`)에서 정의되었습니다.` : `${v.definedAtLine}번째 줄에서 정의되었습니다.`);
  }
  if (v.value !== null) {
    const shownEn = v.value === '' ? 'empty string' : `\`${v.value}\``;
    const shownKo = v.value === '' ? '빈 문자열' : `\`${v.value}\``;
    const isArg = v.kind !== 'ENV';
    en.push(`Value here: ${shownEn}` + (isArg ? ` (default; \`--build-arg ${v.name}=…\` overrides it)` : ''));
    ko.push(`이 위치의 값: ${shownKo}` + (isArg ? ` (기본값이며 \`--build-arg ${v.name}=…\`로 바꿀 수 있음)` : ''));
  } else if (v.fromBuildArg || v.kind === 'ARG') {
    en.push(`No default: set with \`--build-arg ${v.name}=…\`, otherwise empty.`);
    ko.push(`기본값이 없습니다. \`--build-arg ${v.name}=…\`로 지정하지 않으면 빈 값입니다.`);
  }
  const life = v.kind === 'ENV' ? ENV_LIFETIME : ARG_LIFETIME;
  en.push(life.en);
  ko.push(life.ko);
  return { en: en.join('\n\n'), ko: ko.join('\n\n') };
}

// ---- predefined ARGs (reference.md §Predefined ARGs, §Automatic platform ARGs, §BuildKit built-in build args)

export interface PredefinedArgDoc {
  name: string;
  group: 'proxy' | 'platform' | 'buildkit';
  doc: Bilingual;
}

const PLATFORM_ARGS: [string, string, string][] = [
  ['TARGETPLATFORM', 'Platform of the build result, e.g. `linux/amd64`, `linux/arm/v7`.', '빌드 결과물의 플랫폼입니다. 예: `linux/amd64`, `linux/arm/v7`.'],
  ['TARGETOS', 'OS part of TARGETPLATFORM (e.g. `linux`).', 'TARGETPLATFORM의 OS 부분입니다(예: `linux`).'],
  ['TARGETARCH', 'Architecture part of TARGETPLATFORM (e.g. `amd64`, `arm64`).', 'TARGETPLATFORM의 아키텍처 부분입니다(예: `amd64`, `arm64`).'],
  ['TARGETVARIANT', 'Variant part of TARGETPLATFORM (e.g. `v7`).', 'TARGETPLATFORM의 변형(variant) 부분입니다(예: `v7`).'],
  ['BUILDPLATFORM', 'Platform of the machine running the build.', '빌드를 실행하는 머신의 플랫폼입니다.'],
  ['BUILDOS', 'OS part of BUILDPLATFORM.', 'BUILDPLATFORM의 OS 부분입니다.'],
  ['BUILDARCH', 'Architecture part of BUILDPLATFORM.', 'BUILDPLATFORM의 아키텍처 부분입니다.'],
  ['BUILDVARIANT', 'Variant part of BUILDPLATFORM.', 'BUILDPLATFORM의 변형(variant) 부분입니다.'],
];

const BUILDKIT_ARGS: [string, string, string][] = [
  ['BUILDKIT_CACHE_MOUNT_NS', 'Optional namespace for cache mount ids.', '캐시 마운트 id에 붙일 네임스페이스입니다(선택).'],
  ['BUILDKIT_CONTEXT_KEEP_GIT_DIR', 'Keep the `.git` directory of a Git build context.', 'Git 빌드 컨텍스트의 `.git` 디렉토리를 유지합니다.'],
  ['BUILDKIT_INLINE_CACHE', 'Write inline cache metadata into the image config.', '인라인 캐시 메타데이터를 이미지 설정에 기록합니다.'],
  ['BUILDKIT_MULTI_PLATFORM', 'Deterministic output whether or not the build is multi-platform.', '멀티 플랫폼 여부와 관계없이 같은 형태로 결과를 출력합니다.'],
  ['BUILDKIT_SANDBOX_HOSTNAME', 'Hostname inside the build (default `buildkitsandbox`).', '빌드 안에서의 호스트 이름입니다(기본값 `buildkitsandbox`).'],
  ['BUILDKIT_SYNTAX', 'Frontend image to use (overrides `# syntax=`).', '사용할 프론트엔드 이미지입니다(`# syntax=`보다 우선).'],
  ['SOURCE_DATE_EPOCH', 'Unix timestamp for created images and layers (reproducible builds).', '이미지와 레이어의 생성 시각으로 쓸 Unix 타임스탬프입니다(재현 가능한 빌드).'],
];

const PROXY_NAMES = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy'];

export const PREDEFINED_ARGS: readonly PredefinedArgDoc[] = [
  ...PROXY_NAMES.map((name): PredefinedArgDoc => ({
    name, group: 'proxy',
    doc: bi(
      `Proxy setting passed with \`--build-arg ${name}=…\`; usable without an ARG line and excluded from \`docker history\` and the cache unless you declare \`ARG ${name}\`.`,
      `\`--build-arg ${name}=…\`로 넘기는 프록시 설정입니다. ARG 선언 없이 쓸 수 있고, \`ARG ${name}\`을 선언하지 않는 한 \`docker history\`와 캐시에서 제외됩니다.`,
    ),
  })),
  ...PLATFORM_ARGS.map(([name, en, ko]): PredefinedArgDoc => ({
    name, group: 'platform',
    doc: bi(`${en} Set automatically in the global scope: use it in FROM, or redeclare \`ARG ${name}\` inside a stage.`, `${ko} 전역 범위에 자동으로 설정됩니다. FROM에서 쓰거나, 스테이지 안에서는 \`ARG ${name}\`으로 다시 선언해서 쓰세요.`),
  })),
  ...BUILDKIT_ARGS.map(([name, en, ko]): PredefinedArgDoc => ({ name, group: 'buildkit', doc: bi(`${en} BuildKit built-in build argument.`, `${ko} BuildKit 내장 빌드 인자입니다.`) })),
];

export function predefinedArgDoc(name: string): PredefinedArgDoc | undefined {
  return PREDEFINED_ARGS.find((a) => a.name === name);
}

/** Picks and formats a Bilingual in one go (convenience for features). */
export function explainText(text: Bilingual, loc: Locale, args?: readonly unknown[]): string {
  return format(pick(text, loc), args);
}
