//! What BuildKit's Dockerfile frontend accepts: flags per instruction with their value kinds,
//! RUN --mount types and keys. Validation rules (DF002/DF003) and completion read this table;
//! the bilingual text for each entry lives in `docs/`.
//! Sources: moby/buildkit frontend/dockerfile/instructions/parse.go (bflag definitions),
//! commands_runmount.go (mount keys), docs/reference.md.

export type FlagKind = 'string' | 'bool' | 'duration' | 'int' | 'enum' | 'mount' | 'platform' | 'chmod' | 'checksum';

export interface FlagSpec {
  name: string;
  kind: FlagKind;
  values?: string[];
  /** May be given more than once. */
  multiple?: boolean;
  /** Default value (documented), for flags that have one. */
  defaultValue?: string;
}

export const INSTRUCTION_FLAGS: Record<string, FlagSpec[]> = {
  FROM: [{ name: 'platform', kind: 'platform' }],
  RUN: [
    { name: 'mount', kind: 'mount', multiple: true },
    { name: 'network', kind: 'enum', values: ['default', 'none', 'host'], defaultValue: 'default' },
    { name: 'security', kind: 'enum', values: ['sandbox', 'insecure'], defaultValue: 'sandbox' },
    { name: 'device', kind: 'string', multiple: true },
  ],
  COPY: [
    { name: 'from', kind: 'string' },
    { name: 'chown', kind: 'string' },
    { name: 'chmod', kind: 'chmod' },
    { name: 'link', kind: 'bool' },
    { name: 'parents', kind: 'bool' },
    { name: 'exclude', kind: 'string', multiple: true },
  ],
  ADD: [
    { name: 'chown', kind: 'string' },
    { name: 'chmod', kind: 'chmod' },
    { name: 'link', kind: 'bool' },
    { name: 'checksum', kind: 'checksum' },
    { name: 'keep-git-dir', kind: 'bool' },
    { name: 'exclude', kind: 'string', multiple: true },
    { name: 'unpack', kind: 'bool' },
  ],
  HEALTHCHECK: [
    { name: 'interval', kind: 'duration', defaultValue: '30s' },
    { name: 'timeout', kind: 'duration', defaultValue: '30s' },
    { name: 'start-period', kind: 'duration', defaultValue: '0s' },
    { name: 'start-interval', kind: 'duration', defaultValue: '5s' },
    { name: 'retries', kind: 'int', defaultValue: '3' },
  ],
};

export function flagsOf(instruction: string): FlagSpec[] {
  return INSTRUCTION_FLAGS[instruction] ?? [];
}

export const MOUNT_TYPES = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'] as const;
export type MountType = (typeof MOUNT_TYPES)[number];

export interface MountKeySpec {
  name: string;
  aliases?: string[];
  kind: 'string' | 'bool' | 'enum' | 'int' | 'octal' | 'size';
  values?: string[];
  types: MountType[];
}

const ALL: MountType[] = ['bind', 'cache', 'tmpfs', 'secret', 'ssh'];
export const MOUNT_KEYS: MountKeySpec[] = [
  { name: 'type', kind: 'enum', values: [...MOUNT_TYPES], types: ALL },
  { name: 'target', aliases: ['dst', 'destination'], kind: 'string', types: ALL },
  { name: 'source', aliases: ['src'], kind: 'string', types: ['bind', 'cache'] },
  { name: 'from', kind: 'string', types: ['bind', 'cache'] },
  { name: 'readonly', aliases: ['ro'], kind: 'bool', types: ['bind', 'cache'] },
  { name: 'readwrite', aliases: ['rw'], kind: 'bool', types: ['bind'] },
  { name: 'id', kind: 'string', types: ['cache', 'secret', 'ssh'] },
  { name: 'sharing', kind: 'enum', values: ['shared', 'private', 'locked'], types: ['cache'] },
  { name: 'mode', kind: 'octal', types: ['cache', 'secret', 'ssh'] },
  { name: 'uid', kind: 'int', types: ['cache', 'secret', 'ssh'] },
  { name: 'gid', kind: 'int', types: ['cache', 'secret', 'ssh'] },
  { name: 'required', kind: 'bool', types: ['secret', 'ssh'] },
  { name: 'env', kind: 'string', types: ['secret'] },
  { name: 'size', kind: 'size', types: ['tmpfs'] },
];

export function mountKey(name: string): MountKeySpec | undefined {
  const n = name.toLowerCase();
  return MOUNT_KEYS.find((k) => k.name === n || k.aliases?.includes(n));
}

export interface MountEntry {
  key: string;
  value: string | null;
  /** Offsets relative to the start of the flag value. */
  start: number;
  end: number;
  keyEnd: number;
}

/** Splits a `--mount` value (CSV of key[=value]) into entries with relative offsets. */
export function parseMountValue(v: string): MountEntry[] {
  const out: MountEntry[] = [];
  let i = 0;
  while (i <= v.length) {
    let j = v.indexOf(',', i);
    if (j < 0) j = v.length;
    const part = v.slice(i, j);
    if (part.length) {
      const eq = part.indexOf('=');
      out.push({
        key: eq >= 0 ? part.slice(0, eq) : part,
        value: eq >= 0 ? part.slice(eq + 1) : null,
        start: i, end: j, keyEnd: eq >= 0 ? i + eq : j,
      });
    }
    i = j + 1;
  }
  return out;
}

/** Go `time.ParseDuration` → milliseconds (fractional), or null if invalid. */
export function parseGoDuration(s: string): number | null {
  if (s === '0') return 0;
  const re = /^([+-]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|μs|ms|s|m|h))+$/;
  if (!re.test(s)) return null;
  const unit: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 };
  let total = 0;
  const part = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g;
  let m: RegExpExecArray | null;
  while ((m = part.exec(s))) total += parseFloat(m[1]) * unit[m[2]];
  return s.startsWith('-') ? -total : total;
}

/** Signal names Docker accepts (without the SIG prefix), from moby's signal map for Linux. */
export const SIGNALS = [
  'ABRT', 'ALRM', 'BUS', 'CHLD', 'CLD', 'CONT', 'FPE', 'HUP', 'ILL', 'INT', 'IO', 'IOT', 'KILL', 'PIPE', 'POLL',
  'PROF', 'PWR', 'QUIT', 'SEGV', 'STKFLT', 'STOP', 'SYS', 'TERM', 'TRAP', 'TSTP', 'TTIN', 'TTOU', 'URG', 'USR1',
  'USR2', 'VTALRM', 'WINCH', 'XCPU', 'XFSZ', 'RTMIN', 'RTMAX',
];

export const BUILDKIT_CHECKS = [
  'StageNameCasing', 'FromAsCasing', 'NoEmptyContinuation', 'ConsistentInstructionCasing', 'DuplicateStageName',
  'ReservedStageName', 'JSONArgsRecommended', 'MaintainerDeprecated', 'UndefinedArgInFrom', 'WorkdirRelativePath',
  'UndefinedVar', 'MultipleInstructionsDisallowed', 'LegacyKeyValueFormat', 'InvalidBaseImagePlatform',
  'RedundantTargetPlatform', 'SecretsUsedInArgOrEnv', 'InvalidDefaultArgInFrom', 'FromPlatformFlagConstDisallowed',
  'CopyIgnoredFile', 'InvalidDefinitionDescription', 'ExposeProtoCasing', 'ExposeInvalidFormat',
];
