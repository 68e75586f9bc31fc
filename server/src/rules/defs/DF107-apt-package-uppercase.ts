//! Package names with uppercase letters in `apt-get install` / `apk add` (a study-note mistake:
//! `apt-get install Vim`). Debian policy §5.6.1: package names "must consist only of lower case
//! letters (a-z), digits (0-9), plus (+) and minus (-) signs, and periods (.)"; Alpine's
//! packages follow the same convention. Current apt matches names exactly, so `Vim` fails with
//! "E: Unable to locate package Vim" (apt is case-sensitive: ansible/ansible#76315,
//! openpbs/openpbs#274 `libX11-dev`; very old apt releases compared names case-insensitively).
//! Only the name part is checked: `=version`, `/release` and `:arch` suffixes (apt) and
//! `=`/`~`/`<`/`>` constraints or `@tag` (apk) may legitimately contain uppercase letters.
//! Skipped: words with variables, globs, local files (`./x.deb`, `/tmp/x.apk`), apk virtual
//! names (`-t .Build-Deps`) and apk provider names (`so:libX11.so.6`, `cmd:`, `pc:`).
//! dpkg itself rejects uppercase names, so the apt fix is safe. Alpine has a few exceptions (the
//! R language is packaged as `R`, `R-dev`, `R-doc`), which are exempt; the apk fix is offered as
//! unsafe because aports does not enforce lowercase the way dpkg does.
import { defineRule, type Fix } from '../defineRule';
import { APK_OPTS_WITH_ARG, APT_OPTS_WITH_ARG, apkAction, aptAction, runScript, valueStart } from '../util/packages';
import { positionals, type ShWord } from '../../shell/commands';

const APT_ACTIONS = new Set(['install', 'reinstall', 'remove', 'purge', 'build-dep', 'source', 'download', 'markauto', 'hold', 'unhold']);
const APK_ACTIONS = new Set(['add', 'del', 'fetch']);

/** ASCII without upper-case letters: no part of the word changes under `toLowerCase`. */
function lowerAscii(v: string): boolean {
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c > 127 || (c >= 65 && c <= 90)) return false;
  }
  return true;
}

/** The package-name part of an argument, or null when the word is not a plain package name. */
function nameOf(word: ShWord, tool: 'apt' | 'apk'): string | null {
  const v = word.value;
  if (!v || word.expansion || /[*?[\]{}\\]/.test(v)) return null;
  if (v.startsWith('.') || v.startsWith('/') || v.startsWith('~')) return null;
  if (tool === 'apt') {
    if (/\.deb$/i.test(v)) return null;
    const m = /^[^=/:]+/.exec(v);
    // A trailing `-`/`+` asks apt to remove/install the package; it is not part of the name.
    return m ? m[0].replace(/[+-]$/, '') : null;
  }
  if (/\.apk$/i.test(v) || v.includes(':')) return null;
  const m = /^!?([^=<>~@]+)/.exec(v);
  if (!m || /^R(-[a-z0-9.+-]+)?$/.test(m[1])) return null;
  return m[1];
}

export default defineRule({
  id: 'DF107',
  name: 'apt-package-uppercase',
  category: 'correctness',
  severity: 'error',
  aliases: {},
  fixable: true,
  docs: {
    en: {
      title: 'Package names are lowercase',
      rationale: 'Debian, Ubuntu and Alpine package names are all lowercase (Debian policy: "lower case letters, digits, plus, minus and periods"), and apt matches them exactly: `apt-get install Vim` fails with "E: Unable to locate package Vim". A name copied from a product name (`Vim`, `Git`, `libX11-dev`) must be written in lowercase. Version pins and release names after `=` or `/` are not affected.',
    },
    ko: {
      title: '패키지 이름은 소문자로 쓰세요',
      rationale: 'Debian, Ubuntu, Alpine의 패키지 이름은 모두 소문자입니다(Debian 정책: "소문자, 숫자, +, -, ."). apt는 이름을 정확히 비교하므로 `apt-get install Vim`은 "E: Unable to locate package Vim" 오류로 실패합니다. 제품 이름(`Vim`, `Git`, `libX11-dev`)을 그대로 옮겨 쓰지 말고 소문자로 적으세요. `=`나 `/` 뒤의 버전·릴리스 이름은 해당하지 않습니다.',
    },
  },
  scope: 'instruction',
  on: ['RUN'],
  checkInstruction(ins, ctx) {
    const script = runScript(ins, ctx.source, ctx.shell);
    if (!script) return;
    for (const cmd of script.commands) {
      let tool: 'apt' | 'apk';
      let action = aptAction(cmd);
      if (action) {
        if (!APT_ACTIONS.has(action.value)) continue;
        tool = 'apt';
      } else {
        action = apkAction(cmd);
        if (!action || !APK_ACTIONS.has(action.value)) continue;
        tool = 'apk';
      }
      // The action, then the packages.
      const words = positionals(cmd, tool === 'apt' ? APT_OPTS_WITH_ARG : APK_OPTS_WITH_ARG);
      for (let k = 1; k < words.length; k++) {
        const w = words[k];
        // The name is part of the word: a lower-case ASCII word needs no closer look.
        if (lowerAscii(w.value)) continue;
        const name = nameOf(w, tool);
        if (!name || name === name.toLowerCase()) continue;
        const lower = name.toLowerCase();
        const manager = tool === 'apt' ? `${cmd.name} ${action.value}` : `apk ${action.value}`;
        const base = valueStart(w, ctx.source);
        const offsetInValue = w.value.indexOf(name);
        const fixes: Fix[] = [];
        let span = { start: w.start, end: w.end };
        if (base !== null && offsetInValue >= 0) {
          const s = base + offsetInValue;
          span = { start: s, end: s + name.length };
          if (ctx.source.slice(s, s + name.length) === name) {
            fixes.push({
              title: { en: `Lowercase to \`${lower}\``, ko: `소문자 \`${lower}\`(으)로 바꾸기` },
              edits: [{ start: s, end: s + name.length, newText: lower }],
              safe: tool === 'apt',
            });
          }
        }
        report(ctx, span, name, lower, manager, tool, fixes);
      }
    }
  },
});

function report(
  ctx: { report: (r: import('../defineRule').Report) => void },
  span: { start: number; end: number },
  name: string,
  lower: string,
  manager: string,
  tool: 'apt' | 'apk',
  fixes: Fix[],
): void {
  const err = tool === 'apt' ? `"E: Unable to locate package ${name}"` : `"unable to select packages: ${name} (no such package)"`;
  ctx.report({
    span,
    message: {
      en: `package name \`${name}\` in \`${manager}\` has uppercase letters; package names are lowercase, so this fails with ${err} — use \`${lower}\``,
      ko: `\`${manager}\`의 패키지 이름 \`${name}\`에 대문자가 있습니다. 패키지 이름은 소문자이므로 ${err} 오류로 실패합니다. \`${lower}\`(으)로 쓰세요`,
    },
    fixes,
  });
}
