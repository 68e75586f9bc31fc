//! `wget` without a progress setting (hadolint DL3047, #546/#566). Without a terminal GNU wget
//! falls back to the "dot" progress display (wget manual, --progress: one dot per 1 KiB, 50 KiB
//! per line by default), which floods the build log for large downloads. Quiet enough:
//! `-q`/`--quiet`, `-nv`/`--no-verbose`, `--progress=…`, or a log file (`-o`/`-a`); `--spider`,
//! `--help`, `--version` download nothing.
//! Fix: insert `--progress=dot:giga` after `wget` ("giga": one dot per 1 MiB, 32 MiB per line);
//! safe where wget is GNU wget (Debian/Ubuntu/RHEL/SUSE). BusyBox wget (Alpine's default) has no
//! `--progress`, so there the fix inserts `-q` instead, unsafe since it also hides wget's messages.
import { defineRule, type Fix } from '../defineRule';
import type { ShCommand } from '../../shell/commands';
import { code, isLookup, posixRunScript } from '../util/runShell';

const SHORT_WITH_ARG = new Set(['O', 'o', 'a', 'e', 't', 'T', 'w', 'Q', 'P', 'U', 'i', 'B', 'D', 'A', 'R', 'I', 'X', 'l']);
const GNU = new Set(['debian', 'ubuntu', 'rhel', 'suse']);

/** True when wget's output is already limited (or it downloads nothing). */
function quietEnough(c: ShCommand): boolean {
  const a = c.argv;
  for (let i = 1; i < a.length; i++) {
    const v = a[i].value;
    if (v === '--') break;
    if (v.startsWith('--')) {
      const name = v.slice(2).split('=')[0];
      if (['quiet', 'no-verbose', 'progress', 'output-file', 'append-output', 'spider', 'help', 'version', 'background'].includes(name)) return true;
      continue;
    }
    if (!v.startsWith('-') || v.length < 2) continue;
    for (let k = 1; k < v.length; k++) {
      const ch = v[k];
      if (ch === 'q' || ch === 'o' || ch === 'a' || ch === 'h' || ch === 'V' || ch === 'b') return true;
      if (ch === 'n') { if (v[k + 1] === 'v') return true; k++; continue; }
      if (SHORT_WITH_ARG.has(ch)) { if (k === v.length - 1) i++; break; }
    }
  }
  return false;
}

export default defineRule({
  id: 'DF076',
  name: 'wget-progress',
  category: 'performance',
  severity: 'info',
  aliases: { hadolint: ['DL3047'] },
  fixable: true,
  docs: {
    en: {
      title: 'Limit wget progress output',
      rationale: 'Without a terminal, GNU wget prints its "dot" progress display: rows of dots for every few kilobytes, which makes the build log of a large download megabytes long and slows CI log viewers. Add `--progress=dot:giga` (one dot per megabyte), or use `-nv`/`-q`. BusyBox wget on Alpine has no `--progress` option; use `-q` there.',
    },
    ko: {
      title: 'wget의 진행 표시 출력을 줄이세요',
      rationale: '터미널이 없으면 GNU wget은 몇 KB마다 점을 찍는 "dot" 진행 표시를 출력합니다. 큰 파일을 받으면 빌드 로그가 몇 MB로 불어나고 CI 로그 화면도 느려집니다. `--progress=dot:giga`(1MB마다 점 하나)를 붙이거나 `-nv`/`-q`를 쓰세요. Alpine의 BusyBox wget에는 `--progress` 옵션이 없으니 `-q`를 쓰세요.',
    },
  },
  scope: 'instruction',
  on: ['RUN'],
  checkInstruction(ins, ctx) {
    const script = posixRunScript(ins, ctx);
    if (!script) return;
    for (const c of script.commands) {
      if (c.name !== 'wget' || isLookup(c) || quietEnough(c)) continue;
      const w = c.argv[0];
      const busybox = ctx.family === 'alpine';
      const opt = busybox ? '-q' : '--progress=dot:giga';
      const fixes: Fix[] = [
        {
          title: { en: `Add \`${opt}\``, ko: `\`${opt}\` 추가하기` },
          edits: [{ start: w.end, end: w.end, newText: script.form === 'exec' ? `, "${opt}"` : ` ${opt}` }],
          safe: !busybox && GNU.has(ctx.family),
        },
      ];
      ctx.report({
        span: { start: w.start, end: w.end },
        message: busybox
          ? {
              en: `${code('wget')} without ${code('-q')} prints a progress bar into the build log (BusyBox wget has no ${code('--progress')} option)`,
              ko: `${code('-q')} 없는 ${code('wget')}은 빌드 로그에 진행 표시줄을 출력합니다(BusyBox wget에는 ${code('--progress')} 옵션이 없습니다)`,
            }
          : {
              en: `${code('wget')} without ${code('--progress')} or ${code('-nv')}/${code('-q')} fills the build log with progress dots; add ${code('--progress=dot:giga')}`,
              ko: `${code('--progress')}나 ${code('-nv')}/${code('-q')} 없는 ${code('wget')}은 빌드 로그를 진행 표시 점으로 채웁니다. ${code('--progress=dot:giga')}를 붙이세요`,
            },
        fixes,
      });
    }
  },
});
