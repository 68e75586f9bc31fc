//! A downloaded script executed directly: `curl … | sh`, `wget -O- … | bash`,
//! `curl … | python3 -`, and `sh -c "$(curl …)"`. Nothing checks what the server sent (a
//! compromised or truncated script runs as root in the build), and the build is not
//! reproducible. Download to a file and verify a checksum first, or use
//! `ADD --checksum=sha256:… <url> <dest>` (Dockerfile reference, ADD --checksum).
//! The downloader must write to stdout (curl without `-o`/`-O`, wget with `-O -`), and the
//! interpreter must read its program from stdin (`sh`, `sh -s …`, `bash -`, `python3 -`; not
//! `sh -c '…'` or `python3 script.py`).
import { defineRule } from '../defineRule';
import type { ShCommand, ShWord } from '../../shell/commands';
import { code, posixRunScript } from '../util/runShell';

const CURL_SHORT_WITH_ARG = new Set(['o', 'H', 'd', 'u', 'X', 'A', 'e', 'w', 'x', 'T', 'r', 'm', 'b', 'c', 'E', 'F', 'K', 'Q', 'U', 'Y', 'y', 'z', 'C', 'D', 'P', 't']);
const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh']);
const isInterpreter = (n: string) => SHELLS.has(n) || /^python[0-9.]*$/.test(n) || n === 'perl' || n === 'ruby';

/** Does the downloader write the body to stdout? Returns the URL word when it does. */
function toStdout(c: ShCommand): { url: ShWord | null } | null {
  const a = c.argv;
  let out: string | null = null;
  let url: ShWord | null = null;
  for (let i = 1; i < a.length; i++) {
    const v = a[i].value;
    if (v.startsWith('--')) {
      const [name, val] = v.slice(2).split(/=(.*)/s);
      if (c.name === 'curl') {
        if (name === 'output') out = val ?? a[++i]?.value ?? '';
        else if (name === 'remote-name' || name === 'remote-name-all') out = 'file';
      } else if (name === 'output-document') out = val ?? a[++i]?.value ?? '';
      continue;
    }
    if (v.startsWith('-') && v.length > 1) {
      for (let k = 1; k < v.length; k++) {
        const ch = v[k];
        if (c.name === 'curl') {
          if (ch === 'O') { out = 'file'; continue; }
          if (CURL_SHORT_WITH_ARG.has(ch)) {
            const arg = k < v.length - 1 ? v.slice(k + 1) : a[++i]?.value ?? '';
            if (ch === 'o') out = arg;
            break;
          }
        } else {
          if (ch === 'O') { out = k < v.length - 1 ? v.slice(k + 1) : a[++i]?.value ?? ''; break; }
          if ('oaetTwQPUiBDARIXl'.includes(ch)) { if (k === v.length - 1) i++; break; }
          if (ch === 'n') k++;
        }
      }
      continue;
    }
    if (!url && /^(https?|ftp):\/\//.test(v.replace(/^["']/, ''))) url = a[i];
    else if (!url && v.includes('://')) url = a[i];
  }
  if (c.name === 'curl') return out === null || out === '-' ? { url } : null;
  return out === '-' || out === '/dev/stdout' ? { url } : null;
}

/** Does the interpreter run the program it reads on stdin? */
function runsStdin(c: ShCommand): boolean {
  const a = c.argv;
  const shell = SHELLS.has(c.name);
  let stdinFlag = false;
  for (let i = 1; i < a.length; i++) {
    const v = a[i].value;
    if (v === '--') return stdinFlag || (a[i + 1]?.value ?? '-') === '-';
    if (v === '-' || v === '/dev/stdin') return true;
    if (/^[-+][a-zA-Z]+$/.test(v)) {
      if (shell) {
        if (v.startsWith('-') && v.includes('c')) return false;
        if (v.includes('s')) stdinFlag = true;
        if (/[oO]$/.test(v)) i++;
      } else {
        if (/[cme]/.test(v)) return false;
        if (/[WXQ]$/.test(v)) i++;
      }
      continue;
    }
    if (v.startsWith('--')) continue;
    // The first positional: a script file unless `-s` was given.
    return shell && stdinFlag;
  }
  return true;
}

function shortUrl(w: ShWord | null): string {
  if (!w) return '';
  const v = w.value;
  return ' ' + (v.length > 50 ? v.slice(0, 49) + '…' : v);
}

export default defineRule({
  id: 'DF079',
  name: 'curl-pipe-shell',
  category: 'security',
  severity: 'warning',
  aliases: {},
  fixable: false,
  docs: {
    en: {
      title: 'Downloaded script piped into a shell',
      rationale: '`curl … | sh` runs whatever the server returns, unverified and as the build user (usually root). A compromised server, a redirect or a download cut off halfway all end up executed, and the result changes between builds. Download the script to a file, check its SHA-256 (or use `ADD --checksum=sha256:… <url> <dest>`), then run it.',
    },
    ko: {
      title: '내려받은 스크립트를 셸로 바로 실행합니다',
      rationale: '`curl … | sh`는 서버가 돌려준 내용을 검증 없이, 빌드 사용자(대개 root) 권한으로 실행합니다. 서버가 침해되었거나 리다이렉트되었거나 다운로드가 중간에 끊겨도 그대로 실행되고, 빌드할 때마다 결과가 달라질 수 있습니다. 스크립트를 파일로 내려받아 SHA-256을 확인한 뒤(또는 `ADD --checksum=sha256:… <url> <dest>`를 써서) 실행하세요.',
    },
  },
  scope: 'instruction',
  on: ['RUN'],
  checkInstruction(ins, ctx) {
    const script = posixRunScript(ins, ctx);
    if (!script || script.form === 'exec') return;
    const cmds = script.commands;
    for (let i = 0; i < cmds.length; i++) {
      const c = cmds[i];
      // `sh -c "$(curl -fsSL url)"`
      if (SHELLS.has(c.name) && !c.substitution) {
        const k = c.argv.findIndex((w, j) => j > 0 && /^-[a-zA-Z]*c[a-zA-Z]*$/.test(w.value));
        const body = k > 0 ? c.argv[k + 1] : undefined;
        const m = body && body.expansion ? /(\$\(|`)\s*(curl|wget)\b/.exec(body.raw) : null;
        if (body && m) {
          const inner = cmds.find((x) => x.substitution && x.name === m[2] && x.start >= body.start && x.end <= body.end);
          if (!inner || toStdout(inner)) {
            const tool = m[2];
            const url = inner ? shortUrl(toStdout(inner)!.url) : '';
            ctx.report({
              span: { start: c.argv[0].start, end: body.end },
              message: {
                en: `${code(`${c.name} -c "$(${tool}${url})"`)} runs a downloaded script without verifying it; download it to a file and check its checksum first (or use ADD --checksum)`,
                ko: `${code(`${c.name} -c "$(${tool}${url})"`)}는 내려받은 스크립트를 검증 없이 실행합니다. 파일로 내려받아 체크섬을 먼저 확인하세요(또는 ADD --checksum을 쓰세요)`,
              },
            });
          }
        }
      }
      if ((c.name !== 'curl' && c.name !== 'wget') || c.substitution || (c.opAfter !== '|' && c.opAfter !== '|&')) continue;
      const dl = toStdout(c);
      if (!dl) continue;
      // Walk the rest of the pipeline.
      let prev = c;
      for (let j = i + 1; j < cmds.length; j++) {
        const n = cmds[j];
        if (n.substitution) continue;
        if (isInterpreter(n.name) && runsStdin(n) && prev.opAfterSpan) {
          const text = `${c.name}${shortUrl(dl.url)} | ${n.name}`;
          ctx.report({
            span: { start: prev.opAfterSpan.start, end: n.argv[0].end },
            message: {
              en: `${code(text)} runs a downloaded script without verifying it; download it to a file and check its checksum first (or use ADD --checksum)`,
              ko: `${code(text)}는 내려받은 스크립트를 검증 없이 실행합니다. 파일로 내려받아 체크섬을 먼저 확인하세요(또는 ADD --checksum을 쓰세요)`,
            },
          });
          break;
        }
        if (n.opAfter !== '|' && n.opAfter !== '|&') break;
        prev = n;
      }
    }
  },
});
