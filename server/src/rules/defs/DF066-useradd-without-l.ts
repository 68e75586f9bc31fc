//! `useradd` with a high UID and without `-l`/`--no-log-init` (hadolint DL3046). useradd writes
//! the new user's entry into /var/log/lastlog and /var/log/faillog at an offset proportional to
//! the UID; the files are sparse on disk but image layers store them in full, so a UID such as
//! 123456789 adds hundreds of megabytes. hadolint's threshold is a UID longer than 5 digits.
//! Commands come from the shared shell parser, so useradd is also found behind wrappers
//! (`sudo -u root`, `env A=1`), in subshells, `$(…)`, if/for bodies, `sh -c` exec forms and
//! heredoc scripts, with document offsets for the fix.
import { defineRule } from '../defineRule';
import { commandScript, type ShWord } from '../../shell/commands';

/** useradd short options that take an argument (shadow-utils). */
const ARG_OPTS = new Set(['b', 'c', 'd', 'e', 'f', 'g', 'G', 'k', 'K', 'p', 'R', 'P', 's', 'u', 'Z', 'F']);

interface UseraddInfo { hasL: boolean; uid: string | null }

function inspect(words: readonly ShWord[]): UseraddInfo {
  let hasL = false;
  let uid: string | null = null;
  for (let k = 1; k < words.length; k++) {
    const v = words[k].value;
    if (v === '--') break;
    if (v === '--no-log-init') { hasL = true; continue; }
    if (v === '--uid') { uid = words[++k]?.value ?? null; continue; }
    if (v.startsWith('--uid=')) { uid = v.slice(6); continue; }
    if (v.startsWith('--')) {
      // Long options with a separate argument.
      if (['--base-dir', '--comment', '--home-dir', '--expiredate', '--inactive', '--gid', '--groups', '--skel', '--key', '--password', '--root', '--prefix', '--shell', '--selinux-user'].includes(v)) k++;
      continue;
    }
    if (v.startsWith('-') && v.length > 1) {
      for (let c = 1; c < v.length; c++) {
        const ch = v[c];
        if (ch === 'l') hasL = true;
        if (ARG_OPTS.has(ch)) {
          const val = c + 1 < v.length ? v.slice(c + 1) : words[++k]?.value ?? null;
          if (ch === 'u') uid = val;
          break;
        }
      }
    }
  }
  return { hasL, uid };
}

export default defineRule({
  id: 'DF066',
  name: 'useradd-without-l',
  category: 'image size',
  severity: 'warning',
  aliases: { hadolint: ['DL3046'] },
  fixable: true,
  docs: {
    en: {
      title: 'useradd with a high UID needs -l',
      rationale: 'useradd records every new user in /var/log/lastlog and /var/log/faillog at an offset proportional to the UID. On disk these files are sparse, but image layers store them in full, so a large UID can add hundreds of megabytes. `-l` (`--no-log-init`) skips those records.',
    },
    ko: {
      title: '큰 UID로 useradd할 때는 -l을 붙이세요',
      rationale: 'useradd는 새 사용자를 /var/log/lastlog와 /var/log/faillog에 UID에 비례하는 위치로 기록합니다. 디스크에서는 희소 파일이지만 이미지 레이어에는 전체 크기로 저장되므로, UID가 크면 이미지가 수백 MB 늘어날 수 있습니다. `-l`(`--no-log-init`)을 쓰면 이 기록을 남기지 않습니다.',
    },
  },
  scope: 'instruction',
  on: ['RUN'],
  checkInstruction(ins, ctx) {
    // RUN, or the RUN an ONBUILD triggers (commandScript parses the trigger).
    const run = ins.name === 'ONBUILD' ? ins.trigger : ins;
    if (!run || run.name !== 'RUN') return;
    const script = commandScript(ins, ctx.source);
    if (!script) return;
    // Exec form (no shell): the JSON array is one command; its words are not stripped of
    // wrappers, so look for useradd anywhere in it (`["sudo", "useradd", …]`).
    const exec = script.form === 'exec';
    for (const c of script.commands) {
      const k = exec ? c.argv.findIndex((w) => /(^|\/)useradd$/.test(w.value)) : c.name === 'useradd' ? 0 : -1;
      if (k < 0) continue;
      const words = c.argv.slice(k);
      const info = inspect(words);
      if (info.hasL || !info.uid || !/^\d{6,}$/.test(info.uid)) continue;
      const w = words[0];
      ctx.report({
        span: { start: w.start, end: w.end },
        message: msg(info.uid),
        // Word offsets are document offsets (through continuations); insert right after the word.
        fixes: [{ title: { en: 'Add -l (--no-log-init)', ko: '-l(--no-log-init) 추가' }, edits: [{ start: w.end, end: w.end, newText: exec ? ', "-l"' : ' -l' }], safe: true }],
      });
    }
  },
});

function msg(uid: string) {
  return {
    en: `useradd with UID ${uid} and without -l writes lastlog/faillog records sized by the UID into the layer; add -l (--no-log-init)`,
    ko: `-l 없이 useradd로 UID ${uid}인 사용자를 만들면 UID 크기에 비례하는 lastlog/faillog 기록이 레이어에 들어갑니다. -l(--no-log-init)을 추가하세요`,
  };
}
