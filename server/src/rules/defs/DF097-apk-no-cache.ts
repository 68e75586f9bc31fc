//! `apk add` without `--no-cache` (hadolint DL3019). apk stores the repository index
//! (APKINDEX) under /var/cache/apk, so it stays in the layer; `--no-cache` fetches the index into
//! memory only, which also makes `--update`/`-U`/`apk update` and `rm -rf /var/cache/apk/*`
//! unnecessary (apk-tools: "--no-cache: Do not use any local cache path").
//! A `RUN --mount=type=cache|tmpfs` over /var/cache/apk or /etc/apk/cache keeps the cache out of
//! the layer and is accepted (the cache-mount pattern deliberately omits `--no-cache`).
//! The fix adds `--no-cache` (replacing `-U`/`--update-cache`/`--update` when present). When the
//! RUN has a single such `apk add`, it also drops `apk update` and the `rm` of /var/cache/apk,
//! which `--no-cache` makes redundant (and `apk update` would write the index again).
import { defineRule, type Fix } from '../defineRule';
import type { TextEditSpan } from '../defineRule';
import { apkAction, cacheOrTmpfsMountOver, commandSpan, insertOptionsAfter, pathEmpties, removeCommandEdit, runScript } from '../util/packages';
import { positionals, type ShCommand, type ShWord } from '../../shell/commands';

const APK_CACHE = ['/var/cache/apk', '/etc/apk/cache'];

function isUpdateFlag(w: ShWord): boolean {
  return w.value === '--update-cache' || w.value === '--update' || /^-[A-Za-z]*U[A-Za-z]*$/.test(w.value);
}

function hasNoCache(cmd: ShCommand): boolean {
  for (const w of cmd.argv) {
    if (w.value === '--') break;
    if (w.value === '--no-cache') return true;
  }
  return false;
}

export default defineRule({
  id: 'DF097',
  name: 'apk-no-cache',
  category: 'image-size',
  severity: 'info',
  aliases: { hadolint: ['DL3019'] },
  fixable: true,
  docs: {
    en: {
      title: 'Use `apk add --no-cache`',
      rationale: 'Without `--no-cache`, apk keeps the repository index (APKINDEX files) in /var/cache/apk, and it stays in the layer. `apk add --no-cache` downloads a fresh index into memory and stores nothing, so `apk update`, `--update`/`-U` and a trailing `rm -rf /var/cache/apk/*` become unnecessary. A BuildKit cache mount on /var/cache/apk is an alternative and is accepted.',
    },
    ko: {
      title: '`apk add --no-cache`를 쓰세요',
      rationale: '`--no-cache`가 없으면 apk가 저장소 색인(APKINDEX 파일)을 /var/cache/apk에 남기고, 그 파일이 레이어에 그대로 저장됩니다. `apk add --no-cache`는 최신 색인을 메모리로만 받아 아무것도 남기지 않으므로 `apk update`, `--update`/`-U`, 끝의 `rm -rf /var/cache/apk/*`가 필요 없어집니다. /var/cache/apk에 BuildKit 캐시 마운트를 쓰는 방법도 인정합니다.',
    },
  },
  scope: 'instruction',
  on: ['RUN'],
  checkInstruction(ins, ctx) {
    const script = runScript(ins, ctx.source, ctx.shell);
    if (!script) return;
    const cmds = script.commands;
    const bad: { cmd: ShCommand; action: ShWord }[] = [];
    for (const cmd of cmds) {
      const action = apkAction(cmd);
      if (!action || action.value !== 'add' || hasNoCache(cmd)) continue;
      bad.push({ cmd, action });
    }
    if (bad.length === 0 || cacheOrTmpfsMountOver(ins, APK_CACHE)) return;
    // Cleanup that becomes redundant: only folded into the fix when one `apk add` is fixed.
    const extra: TextEditSpan[] = [];
    if (bad.length === 1 && script.form !== 'exec') {
      const removals: TextEditSpan[] = [];
      let ok = true;
      for (let i = 0; i < cmds.length; i++) {
        const c = cmds[i];
        if (apkAction(c)?.value === 'update') {
          const e = removeCommandEdit(script, i, ctx.source, ins.escape);
          if (e) removals.push(e); else ok = false;
        }
      }
      // Without removing every `apk update`, the index is written again: keep the rm then.
      if (ok) {
        for (let i = 0; i < cmds.length; i++) {
          const c = cmds[i];
          if (c.name !== 'rm') continue;
          const args = positionals(c);
          const cacheArgs = args.filter((w) => APK_CACHE.some((d) => pathEmpties(w.value, d) || w.value.startsWith(d + '/')));
          if (!cacheArgs.length) continue;
          if (cacheArgs.length === args.length) {
            const e = removeCommandEdit(script, i, ctx.source, ins.escape);
            if (e) removals.push(e);
          } else {
            for (const w of cacheArgs) {
              const k = c.argv.indexOf(w);
              if (k > 0) removals.push({ start: c.argv[k - 1].end, end: w.end, newText: '' });
            }
          }
        }
        extra.push(...removals);
      }
    }
    for (const { cmd, action } of bad) {
      const edits: TextEditSpan[] = [];
      const updates = cmd.argv.filter((w, i) => i > 0 && isUpdateFlag(w));
      if (updates.length) {
        const first = updates[0];
        const rest = first.value.startsWith('--') ? '' : first.value.replace(/U/g, '').slice(1);
        const opt = script.form === 'exec' ? '"--no-cache"' : '--no-cache';
        const restText = rest ? (script.form === 'exec' ? `, "-${rest}"` : ` -${rest}`) : '';
        edits.push({ start: first.start, end: first.end, newText: opt + restText });
        for (const w of updates.slice(1)) {
          const k = cmd.argv.indexOf(w);
          edits.push({ start: cmd.argv[k - 1].end, end: w.end, newText: '' });
        }
      } else {
        edits.push(insertOptionsAfter(script, action, ['--no-cache']));
      }
      edits.push(...extra);
      const dropped = updates.map((w) => w.value);
      const fix: Fix = {
        title: extra.length
          ? { en: 'Use `--no-cache` and drop the now redundant cache cleanup', ko: '`--no-cache`를 쓰고 필요 없어진 캐시 정리 제거' }
          : dropped.length
            ? { en: `Replace \`${dropped[0]}\` with \`--no-cache\``, ko: `\`${dropped[0]}\`을(를) \`--no-cache\`로 바꾸기` }
            : { en: 'Insert `--no-cache`', ko: '`--no-cache` 넣기' },
        edits,
        safe: true,
      };
      const hint = dropped.length
        ? { en: ` (\`${dropped[0]}\` is then unnecessary)`, ko: ` (그러면 \`${dropped[0]}\`도 필요 없습니다)` }
        : { en: '', ko: '' };
      ctx.report({
        span: commandSpan(cmd, action),
        message: {
          en: `\`apk add\` without \`--no-cache\` leaves the package index in /var/cache/apk in this layer; use \`apk add --no-cache\`${hint.en}`,
          ko: `\`--no-cache\` 없는 \`apk add\`는 패키지 색인을 /var/cache/apk에 남겨 이 레이어에 저장합니다. \`apk add --no-cache\`를 쓰세요${hint.ko}`,
        },
        fixes: [fix],
      });
    }
  },
});
