//! Build-context discovery from Compose files (`docker-compose.yml`, `compose.yaml`, …).
//! Compose spec (docs.docker.com/reference/compose-file/build/): `build` is either a string
//! (the context path) or a mapping with `context` (default `.`) and `dockerfile` (default
//! `Dockerfile`, relative to the context; absolute allowed), or `dockerfile_inline`.
//! Relative contexts resolve against the Compose file's directory; a context may also be a
//! Git/HTTP URL (remote: no local `.dockerignore`). Pure: takes the text and the file path.
import { parseDocument, isMap, isScalar, isSeq } from 'yaml';

export interface ComposeBuild {
  service: string;
  /** Absolute POSIX path of the context directory, or the URL for a remote context. */
  context: string;
  /** Absolute POSIX path of the Dockerfile; null for `dockerfile_inline` or a remote context. */
  dockerfile: string | null;
  remote: boolean;
  inline: boolean;
  /** The values contain `${…}` interpolation that was not resolved. */
  hasVariables: boolean;
  /** 0-based line of the service's `build` key in the Compose file. */
  line: number;
}

export interface ComposeResult { builds: ComposeBuild[]; errors: { message: string; line: number }[] }

export const COMPOSE_FILE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

export function isComposeFileName(name: string): boolean {
  return COMPOSE_FILE_NAMES.includes(name) || /^(docker-)?compose\.[\w.-]+\.ya?ml$/.test(name);
}

function posixDirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? (i === 0 ? '/' : '.') : p.slice(0, i);
}

/** Join + clean (POSIX), resolving `rel` against `base` unless absolute. */
export function resolvePosix(base: string, rel: string): string {
  const p = rel.startsWith('/') || /^[A-Za-z]:\//.test(rel) ? rel : base.replace(/\/+$/, '') + '/' + rel;
  const drive = /^[A-Za-z]:/.exec(p)?.[0] ?? '';
  const body = p.slice(drive.length);
  const out: string[] = [];
  for (const part of body.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') out.pop();
    else out.push(part);
  }
  return drive + '/' + out.join('/');
}

function isRemote(ctx: string): boolean {
  return /^(https?:\/\/|git@|git:\/\/|ssh:\/\/|github\.com\/)/.test(ctx) || /\.git(#.*)?$/.test(ctx);
}

function lineOf(text: string, offset: number | undefined): number {
  if (offset === undefined) return 0;
  let n = 0;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
  return n;
}

export function parseComposeBuilds(text: string, composePath: string): ComposeResult {
  const errors: ComposeResult['errors'] = [];
  const builds: ComposeBuild[] = [];
  const file = composePath.replace(/\\/g, '/');
  const dir = posixDirname(file);
  let doc;
  try {
    doc = parseDocument(text, { prettyErrors: false });
  } catch (e) {
    return { builds, errors: [{ message: String((e as Error).message), line: 0 }] };
  }
  for (const e of doc.errors) errors.push({ message: e.message, line: lineOf(text, e.pos?.[0]) });
  const services = doc.get('services', true);
  if (!isMap(services)) return { builds, errors };
  for (const item of services.items) {
    const name = isScalar(item.key) ? String(item.key.value) : String(item.key);
    if (!isMap(item.value)) continue;
    const buildPair = item.value.items.find((p) => isScalar(p.key) && p.key.value === 'build');
    if (!buildPair) continue;
    const line = lineOf(text, isScalar(buildPair.key) ? buildPair.key.range?.[0] : undefined);
    const b = buildPair.value;
    let ctx = '.';
    let dockerfile: string | null = 'Dockerfile';
    let inline = false;
    if (isScalar(b)) ctx = String(b.value ?? '.');
    else if (isMap(b)) {
      const c = b.get('context');
      if (c !== undefined && c !== null) ctx = String(c);
      const df = b.get('dockerfile');
      if (df !== undefined && df !== null) dockerfile = String(df);
      if (b.get('dockerfile_inline') !== undefined) {
        inline = true;
        dockerfile = null;
      }
    } else if (isSeq(b) || b === null) {
      if (b !== null) errors.push({ message: `services.${name}.build must be a string or a mapping`, line });
      if (b !== null) continue;
    }
    const remote = isRemote(ctx);
    const context = remote ? ctx : resolvePosix(dir, ctx);
    builds.push({
      service: name,
      context,
      dockerfile: remote || dockerfile === null ? null : resolvePosix(context, dockerfile),
      remote,
      inline,
      hasVariables: /\$\{?[A-Za-z_]/.test(ctx + (dockerfile ?? '')),
      line,
    });
  }
  return { builds, errors };
}

/** For a Dockerfile (absolute path), the contexts Compose files declare for it. */
export function contextsForDockerfile(builds: ComposeBuild[], dockerfile: string): ComposeBuild[] {
  const df = dockerfile.replace(/\\/g, '/');
  return builds.filter((b) => b.dockerfile === df);
}
