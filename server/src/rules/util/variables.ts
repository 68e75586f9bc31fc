//! Shared helpers of the variable rules (DF041–DF049): the environment that common base
//! images set in their image config, variables a shell sets by itself, the variables a shell
//! command defines for itself (`X=…`, `export X`, `for X in`, `read X`), and which variable
//! references of an instruction the shell expands rather than BuildKit.
//!
//! Image env: taken from the official images' Dockerfiles (docker-library) — only names the
//! image config sets with `ENV`, so they are visible to BuildKit's own expansion (ENV, COPY, …)
//! as well as to the shell. The list is deliberately conservative: a name missing here only
//! costs a false positive for a rare image, and unknown images are treated as "env unknown".

import type { Instruction, KeyValue, VarRef } from '../../syntax/nodes';
import type { SemanticModel, Stage } from '../../semantics/model';
import { PLATFORM_ARGS } from '../../semantics/model';
import { describeImageRef, knownImage } from '../../docs/images';

/** Set in every Linux image config (BuildKit also adds a default PATH when the base has none). */
const ALWAYS = ['PATH'];

const JAVA = ['JAVA_HOME', 'JAVA_VERSION', 'LANG', 'LANGUAGE', 'LC_ALL'];
const PHP = ['PHP_VERSION', 'PHP_INI_DIR', 'PHPIZE_DEPS', 'PHP_CFLAGS', 'PHP_CPPFLAGS', 'PHP_LDFLAGS', 'GPG_KEYS', 'PHP_URL', 'PHP_ASC_URL', 'PHP_SHA256', 'APACHE_CONFDIR', 'APACHE_ENVVARS'];
const DOTNET = ['DOTNET_VERSION', 'ASPNET_VERSION', 'DOTNET_SDK_VERSION', 'APP_UID', 'ASPNETCORE_HTTP_PORTS', 'ASPNETCORE_URLS', 'DOTNET_RUNNING_IN_CONTAINER', 'DOTNET_USE_POLLING_FILE_WATCHER', 'DOTNET_GENERATE_ASPNET_CERTIFICATE', 'DOTNET_NOLOGO', 'NUGET_XMLDOC_MODE', 'POWERSHELL_DISTRIBUTION_CHANNEL'];

/** Image name (familiar form, last path component for Docker Hub official images) → ENV names. */
const IMAGE_ENV: Record<string, string[]> = {
  node: ['NODE_VERSION', 'YARN_VERSION'],
  python: ['PYTHON_VERSION', 'PYTHON_SHA256', 'GPG_KEY', 'LANG', 'PYTHON_PIP_VERSION', 'PYTHON_SETUPTOOLS_VERSION', 'PYTHON_GET_PIP_URL', 'PYTHON_GET_PIP_SHA256'],
  golang: ['GOLANG_VERSION', 'GOPATH', 'GOTOOLCHAIN'],
  rust: ['RUSTUP_HOME', 'CARGO_HOME', 'RUST_VERSION'],
  ruby: ['RUBY_VERSION', 'RUBY_MAJOR', 'RUBY_DOWNLOAD_SHA256', 'RUBY_DOWNLOAD_URL', 'GEM_HOME', 'BUNDLE_SILENCE_ROOT_WARNING', 'BUNDLE_APP_CONFIG', 'LANG'],
  php: PHP,
  wordpress: PHP,
  composer: [...PHP, 'COMPOSER_ALLOW_SUPERUSER', 'COMPOSER_HOME', 'COMPOSER_VERSION'],
  'eclipse-temurin': JAVA,
  openjdk: JAVA,
  amazoncorretto: JAVA,
  maven: [...JAVA, 'MAVEN_HOME', 'MAVEN_CONFIG'],
  gradle: [...JAVA, 'GRADLE_HOME', 'GRADLE_VERSION'],
  tomcat: [...JAVA, 'CATALINA_HOME', 'TOMCAT_NATIVE_LIBDIR', 'LD_LIBRARY_PATH', 'TOMCAT_MAJOR', 'TOMCAT_VERSION', 'TOMCAT_SHA512', 'GPG_KEYS'],
  'gcr.io/distroless/java21-debian12': ['JAVA_VERSION', 'LANG'],
  gcc: ['GCC_VERSION', 'GPG_KEYS'],
  nginx: ['NGINX_VERSION', 'NJS_VERSION', 'NJS_RELEASE', 'PKG_RELEASE', 'DYNPKG_RELEASE'],
  httpd: ['HTTPD_PREFIX', 'HTTPD_VERSION', 'HTTPD_SHA256', 'HTTPD_PATCHES'],
  haproxy: ['HAPROXY_VERSION', 'HAPROXY_URL', 'HAPROXY_SHA256'],
  caddy: ['CADDY_VERSION', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME'],
  redis: ['REDIS_VERSION', 'REDIS_DOWNLOAD_URL', 'REDIS_DOWNLOAD_SHA'],
  memcached: ['MEMCACHED_VERSION', 'MEMCACHED_URL', 'MEMCACHED_SHA1'],
  postgres: ['PG_MAJOR', 'PG_VERSION', 'PGDATA', 'LANG', 'GOSU_VERSION'],
  mysql: ['MYSQL_MAJOR', 'MYSQL_VERSION', 'MYSQL_SHELL_VERSION', 'GOSU_VERSION'],
  mariadb: ['MARIADB_VERSION', 'MARIADB_MAJOR', 'GOSU_VERSION', 'LANG'],
  mongo: ['MONGO_MAJOR', 'MONGO_VERSION', 'MONGO_PACKAGE', 'MONGO_REPO', 'GOSU_VERSION', 'JSYAML_VERSION', 'HOME'],
  rabbitmq: ['RABBITMQ_VERSION', 'RABBITMQ_DATA_DIR', 'RABBITMQ_HOME', 'OPENSSL_VERSION', 'ERLANG_INSTALL_PATH_PREFIX', 'HOME', 'LANG', 'LANGUAGE', 'LC_ALL'],
  docker: ['DOCKER_VERSION', 'DOCKER_TLS_CERTDIR', 'DOCKER_BUILDX_VERSION', 'DOCKER_COMPOSE_VERSION'],
  bash: ['_BASH_VERSION', '_BASH_BASELINE', '_BASH_BASELINE_PATCH', '_BASH_LATEST_PATCH'],
  'oven/bun': ['BUN_RUNTIME_TRANSPILER_CACHE_PATH', 'BUN_INSTALL_BIN'],
  'mcr.microsoft.com/dotnet/sdk': DOTNET,
  'mcr.microsoft.com/dotnet/aspnet': DOTNET,
  'mcr.microsoft.com/dotnet/runtime': DOTNET,
  'mcr.microsoft.com/dotnet/runtime-deps': DOTNET,
};

/**
 * Variables a POSIX shell (or the container runtime) sets by itself, so `$HOME` in RUN or CMD is
 * not a typo. These are NOT in the image config: BuildKit's own expansion (ENV, COPY …) sees
 * none of them, which is why DF041 does not use this list.
 */
export const SHELL_ENV = new Set([
  'HOME', 'HOSTNAME', 'PWD', 'OLDPWD', 'USER', 'LOGNAME', 'SHELL', 'TERM', 'LANG', 'LANGUAGE', 'LC_ALL', 'LC_CTYPE',
  'IFS', 'PS1', 'PS2', 'PS4', 'PPID', 'UID', 'EUID', 'GROUPS', 'RANDOM', 'LINENO', 'SECONDS', 'OPTARG', 'OPTIND',
  'REPLY', 'PIPESTATUS', 'BASH', 'BASH_VERSION', 'BASH_SOURCE', 'BASHPID', 'FUNCNAME', 'HOSTTYPE', 'MACHTYPE',
  'OSTYPE', 'SHLVL', 'TMPDIR', 'COLUMNS', 'LINES',
  // Commonly injected by the runtime platform (Cloud Run, Heroku, Kubernetes).
  'PORT',
]);

export interface BaseEnv {
  /** Image whose config env is assumed ("node:20"), null when it cannot be resolved. */
  image: string | null;
  /** ENV names the base image sets; null when the image (and so its env) is unknown. */
  names: Set<string> | null;
  /** Windows base image: `%VAR%` syntax, case-insensitive names; the shell rules stay quiet. */
  windows: boolean;
}

const envCache = new WeakMap<Stage, BaseEnv>();

/** The external image at the root of `stage`'s `FROM <stage>` chain and the env it is known to set. */
export function baseEnvOf(stage: Stage): BaseEnv {
  // Stage objects are reused across builds only when their image and parent are unchanged.
  const hit = envCache.get(stage);
  if (hit) return hit;
  const root = rootOf(stage);
  const image = root.image;
  let res: BaseEnv;
  if (image === null || image.includes('$') || image.trim() === '') {
    res = { image: null, names: null, windows: false };
  } else {
    const info = describeImageRef(image);
    const name = info.familiarName;
    const last = name.split('/').pop() ?? name;
    const table = IMAGE_ENV[name] ?? (info.registry === 'docker.io' && !name.includes('/') ? IMAGE_ENV[last] : undefined);
    const known = table !== undefined || info.known !== null || knownImage(name) !== undefined || name === 'scratch';
    res = {
      image,
      names: known ? new Set([...ALWAYS, ...(table ?? [])]) : null,
      windows: info.family === 'windows',
    };
  }
  envCache.set(stage, res);
  return res;
}

function rootOf(stage: Stage): Stage {
  let s = stage;
  const seen = new Set<Stage>();
  while (s.parent && !seen.has(s)) { seen.add(s); s = s.parent; }
  return s;
}

/** Names of the image env, for did-you-mean candidates (empty when unknown). */
export function baseEnvNames(stage: Stage | null): string[] {
  if (!stage) return [];
  const e = baseEnvOf(stage);
  return e.names ? [...e.names] : [...ALWAYS];
}

export const PLATFORM_ARG_SET = new Set(PLATFORM_ARGS);

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DEFAULT_MODIFIER = /^:?[-+?]$/;

/** Shell special parameters and positional parameters (`$1 $@ $? $$ $! $# $0 $- $*`). */
export function isSpecialParam(name: string): boolean {
  return !NAME.test(name);
}

/** `${v-w}` / `${v:-w}` / `+` / `?` forms: the author expected that `v` may be unset. */
export function hasDefaultModifier(ref: VarRef): boolean {
  return ref.modifier !== null && DEFAULT_MODIFIER.test(ref.modifier);
}

// ---- shell text: which references the shell expands, and what a command defines -------------

export interface ShellSegment {
  /** The text the shell runs. */
  text: string;
  /** Source span of that text (refs inside it are shell-expanded). */
  start: number;
  end: number;
  /** Runs when the container starts (CMD, ENTRYPOINT, HEALTHCHECK) rather than at build time. */
  runtime: boolean;
}

const POSIX_SHELL = /(^|[\\/])(sh|bash|ash|dash|zsh|ksh|mksh|busybox)(\.exe)?$/i;

/** True when `shell` (the SHELL in force) is a POSIX shell, whose `$VAR` syntax we understand. */
export function isPosixShell(shell: string[]): boolean {
  return shell.length > 0 && POSIX_SHELL.test(shell[0]);
}

/**
 * The parts of `ins` that a shell expands: shell-form RUN/CMD/ENTRYPOINT/HEALTHCHECK CMD, and
 * exec form that runs `sh -c "…"` (or bash/ash …) explicitly. Exec form otherwise expands nothing.
 */
export function shellSegments(ins: Instruction): ShellSegment[] {
  const runtime = ins.name !== 'RUN';
  const cmd = ins.name === 'RUN' || ins.name === 'CMD' || ins.name === 'ENTRYPOINT' ? ins.command
    : ins.name === 'HEALTHCHECK' && ins.healthcheck?.type === 'CMD' ? ins.healthcheck.command : null;
  if (!cmd) return [];
  if (cmd.form === 'shell') return [{ text: cmd.text, start: cmd.span.start, end: cmd.span.end, runtime }];
  const j = cmd.json;
  if (j.length >= 3 && j[1].value === '-c' && POSIX_SHELL.test(j[0].value)) {
    return [{ text: j[2].value, start: j[2].start, end: j[2].end, runtime }];
  }
  return [];
}

/** The references of `ins` (top level only, not an ONBUILD trigger) inside a shell segment. */
export function refsIn(ins: Instruction, seg: ShellSegment): VarRef[] {
  return ins.vars.filter((v) => v.start >= seg.start && v.end <= seg.end);
}

const SEP = /(&&|\|\||;;|[;&|()\n{}]|\$\(|`)/;
const PREFIX_WORDS = new Set(['if', 'then', 'else', 'elif', 'while', 'until', 'do', '!', 'time', 'exec', 'command', 'nohup', 'env']);

/** Split into shell words, ignoring quotes' contents' separators (a light tokenizer). */
function words(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q: string | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) { if (c === q) q = null; else cur += c; continue; }
    if (c === '"' || c === "'") { q = c; continue; }
    if (c === '\\' && i + 1 < s.length) { cur += s[++i]; continue; }
    if (c === ' ' || c === '\t') { if (cur) out.push(cur); cur = ''; continue; }
    cur += c;
  }
  if (cur) out.push(cur);
  return out;
}

export interface ShellDefs {
  /** Variables the command text itself sets. */
  names: Set<string>;
  /** The command sources a file or uses eval: it may define anything. */
  opaque: boolean;
}

/**
 * Variables that the shell command `text` defines for itself: `X=…` assignments (also as a
 * command prefix), `export`/`local`/`declare`/`typeset`/`readonly X[=…]`, `for X in`,
 * `select X in`, `read [-opts] X Y`, `getopts spec X`, `mapfile`/`readarray X`, and `${X:=w}`.
 * A definition anywhere in the text counts (loops make order unreliable).
 */
export function shellDefinitions(text: string): ShellDefs {
  const names = new Set<string>();
  let opaque = false;
  for (const m of text.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*):?=/g)) names.add(m[1]);
  // Mask single-quoted text so separators inside quotes do not split commands.
  const masked = text.replace(/'[^']*'/g, (s) => "'" + 'x'.repeat(Math.max(0, s.length - 2)) + "'");
  for (const part of masked.split(SEP)) {
    if (!part || SEP.test(part) && part.length <= 2) continue;
    const w = words(part);
    let i = 0;
    while (i < w.length && PREFIX_WORDS.has(w[i])) i++;
    // Assignments before the command word.
    while (i < w.length) {
      const eq = /^([A-Za-z_][A-Za-z0-9_]*)\+?=/.exec(w[i]);
      if (!eq) break;
      names.add(eq[1]);
      i++;
    }
    while (i < w.length && PREFIX_WORDS.has(w[i])) i++;
    if (i >= w.length) continue;
    const cmd = w[i];
    const rest = w.slice(i + 1);
    switch (cmd) {
      case 'export': case 'local': case 'declare': case 'typeset': case 'readonly':
        for (const a of rest) {
          if (a.startsWith('-')) continue;
          const n = a.split('=')[0];
          if (NAME.test(n)) names.add(n);
        }
        break;
      case 'for': case 'select':
        if (rest[0] && NAME.test(rest[0])) names.add(rest[0]);
        break;
      case 'read': {
        let k = 0;
        while (k < rest.length && rest[k].startsWith('-')) {
          // Options that take an argument: -a array, -d delim, -n/-N count, -p prompt, -t timeout, -u fd.
          const opt = rest[k];
          if (/^-[adnNptu]$/.test(opt)) { if (opt === '-a' && rest[k + 1] && NAME.test(rest[k + 1])) names.add(rest[k + 1]); k += 2; } else k++;
        }
        for (; k < rest.length && NAME.test(rest[k]); k++) names.add(rest[k]);
        if (k === 0 && rest.length === 0) names.add('REPLY');
        break;
      }
      case 'getopts':
        if (rest[1] && NAME.test(rest[1])) names.add(rest[1]);
        break;
      case 'mapfile': case 'readarray': {
        const last = rest.filter((a) => !a.startsWith('-')).pop();
        if (last && NAME.test(last)) names.add(last);
        break;
      }
      case '.': case 'source': case 'eval':
        opaque = true;
        break;
      case 'set':
        if (rest.some((a) => /^-[a-z]*a/.test(a))) opaque = true;
        break;
    }
  }
  return { names, opaque };
}

/** Names a shell segment can see without any ARG/ENV: image env (when known) and the shell's own. */
export function isShellProvided(name: string, stage: Stage | null): boolean {
  if (SHELL_ENV.has(name)) return true;
  if (!stage) return false;
  const e = baseEnvOf(stage);
  return e.names ? e.names.has(name) : name === 'PATH';
}

/** Candidates for a did-you-mean on an undefined variable used in `ins`: ARG/ENV in scope plus the image env. */
export function variableCandidates(model: SemanticModel, ins: Instruction, extra: Iterable<string> = []): string[] {
  const out = new Set<string>();
  for (const [k, v] of model.scopeAt(ins)) if (v.kind !== 'predefined') out.add(k);
  const st = model.stageOf(ins);
  if (st && ins !== st.from) for (const n of baseEnvNames(st)) out.add(n);
  for (const n of extra) out.add(n);
  return [...out];
}

/** The stage's SHELL in force at `ins` is a POSIX shell and the image is not Windows. */
export function posixShellAt(model: SemanticModel, ins: Instruction): boolean {
  const st = model.stageOf(ins);
  if (st && baseEnvOf(st).windows) return false;
  return isPosixShell(model.shellOf(ins));
}

/** Text span that removes `kv` from its ARG/ENV instruction (the whole line when it is the only key). */
export function keyValueRemoval(ins: Instruction, kv: KeyValue, text: string): { start: number; end: number } {
  const kvs = ins.keyValues;
  if (kvs.length === 1) {
    let end = ins.end;
    if (text[end] === '\r') end++;
    if (text[end] === '\n') end++;
    return { start: ins.start, end };
  }
  const k = kvs.indexOf(kv);
  return k === 0 ? { start: kv.start, end: kvs[1].start } : { start: kvs[k - 1].end, end: kv.end };
}
