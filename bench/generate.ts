//! Generates realistic Dockerfiles of a given line count (multi-stage, long RUN chains with
//! continuations, heredocs, ARG/ENV with variables, COPY --from). Deterministic per seed.

/** mulberry32: a small seeded PRNG (also used by the tests' random edits). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BASES = ['debian:bookworm-slim', 'node:20-bookworm', 'python:3.12-slim', 'golang:1.22', 'ubuntu:24.04'];
const PKGS = ['ca-certificates', 'curl', 'git', 'build-essential', 'libssl-dev', 'pkg-config', 'unzip', 'jq', 'gnupg', 'tzdata'];

export function generateDockerfile(lines: number, seed = 1): string {
  const r = mulberry32(seed);
  const pick = <T>(a: T[]): T => a[Math.floor(r() * a.length)];
  const out: string[] = ['# syntax=docker/dockerfile:1', 'ARG BASE_VERSION=1.0', 'ARG APP_ENV=production', ''];
  let stage = 0;
  while (out.length < lines) {
    const name = `stage${stage}`;
    out.push(`FROM ${pick(BASES)} AS ${name}`);
    out.push('ARG BASE_VERSION');
    out.push(`ENV APP_HOME=/opt/app${stage} \\`, `    APP_VERSION=\${BASE_VERSION} \\`, '    PATH=/opt/bin:$PATH');
    out.push(`WORKDIR \${APP_HOME}`);
    const blocks = 3 + Math.floor(r() * 4);
    for (let b = 0; b < blocks && out.length < lines; b++) {
      const kind = r();
      if (kind < 0.4) {
        out.push('RUN set -eux; \\', '    apt-get update; \\');
        const n = 3 + Math.floor(r() * 6);
        out.push('    apt-get install -y --no-install-recommends \\');
        for (let i = 0; i < n; i++) out.push(`        ${pick(PKGS)} \\`);
        out.push('    ; \\', '    rm -rf /var/lib/apt/lists/*');
      } else if (kind < 0.6) {
        out.push('RUN <<EOF', 'set -e', `echo "building ${name}"`, 'make -j"$(nproc)" all', 'EOF');
      } else if (kind < 0.8) {
        out.push(`COPY --chown=app:app src/${name}/ \${APP_HOME}/src/`);
        if (stage > 0) out.push(`COPY --from=stage${Math.floor(r() * stage)} /opt/app/bin /opt/bin/`);
      } else {
        out.push(`# step ${b} of ${name}`, `LABEL org.example.step${b}="${name}-${b}"`, `EXPOSE ${8000 + b}`);
      }
    }
    out.push(`HEALTHCHECK --interval=30s CMD ["/opt/bin/health", "${name}"]`);
    out.push(`CMD ["/opt/bin/app", "--env", "${'${APP_ENV}'}"]`, '');
    stage++;
  }
  return out.slice(0, lines).join('\n') + '\n';
}
