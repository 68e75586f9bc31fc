//! A package manager that does not exist on the stage's base image: `apt-get` on Alpine, `apk`
//! on Debian/Ubuntu/RHEL/SUSE, `yum`/`dnf`/`microdnf` on Debian/Ubuntu/Alpine/SUSE, `zypper`
//! outside SUSE (rules.md §7.2 DF039; hadolint #200). The shell fails with "<name>: not found".
//! Only when the family is known (images.ts `imageFamily`, inherited through `FROM <stage>`).
//! Multi-distro scripts are left alone: commands inside `if`/`case`/loops, next to `||`, in a
//! substitution, or after an earlier command of the same RUN that mentions the tool
//! (`apk add dpkg && dpkg -i x.deb`).
//! Fix (unsafe: package names differ between distributions, e.g. build-essential/build-base):
//! `apt-get install -y X Y` → `apk add --no-cache X Y` (dropping a preceding `apt-get update &&`),
//! and `apk add --no-cache X Y` → `apt-get update && apt-get install -y --no-install-recommends X Y`
//! (Alpine has no "recommends", so `--no-install-recommends` is the closer equivalent).
import { defineRule, type Fix, type Bilingual } from '../defineRule';
import { FAMILY_NAMES, type OsFamily } from '../../docs/images';
import { positionals, type ShCommand, type ShWord } from '../../shell/commands';
import { code, isLookup, posixRunScript, skipBlanksAndContinuations } from '../util/runShell';

interface Manager {
  native: OsFamily[];
  /** Families where the tool is reported (dpkg only where it is certainly absent). */
  foreign: OsFamily[];
  distro: Bilingual;
}

const DEB: Bilingual = { en: 'Debian/Ubuntu', ko: 'Debian/Ubuntu' };
const RHEL: Bilingual = { en: 'RHEL/Fedora/CentOS', ko: 'RHEL/Fedora/CentOS' };
const KNOWN: OsFamily[] = ['alpine', 'debian', 'ubuntu', 'rhel', 'suse'];
const others = (native: OsFamily[]) => KNOWN.filter((f) => !native.includes(f));

// A Map: indexing an object with each command name allocated on every lookup (heap profile).
const MANAGERS = new Map<string, Manager>([
  ['apt-get', { native: ['debian', 'ubuntu'], foreign: others(['debian', 'ubuntu']), distro: DEB }],
  ['apt', { native: ['debian', 'ubuntu'], foreign: others(['debian', 'ubuntu']), distro: DEB }],
  ['aptitude', { native: ['debian', 'ubuntu'], foreign: others(['debian', 'ubuntu']), distro: DEB }],
  ['dpkg', { native: ['debian', 'ubuntu'], foreign: ['alpine'], distro: DEB }],
  ['apk', { native: ['alpine'], foreign: others(['alpine']), distro: { en: 'Alpine', ko: 'Alpine' } }],
  ['yum', { native: ['rhel'], foreign: others(['rhel']), distro: RHEL }],
  ['dnf', { native: ['rhel'], foreign: others(['rhel']), distro: RHEL }],
  ['microdnf', { native: ['rhel'], foreign: others(['rhel']), distro: RHEL }],
  ['zypper', { native: ['suse'], foreign: others(['suse']), distro: { en: 'SUSE', ko: 'SUSE' } }],
]);

const NATIVE_TOOL: Partial<Record<OsFamily, string>> = {
  alpine: '`apk`', debian: '`apt-get`', ubuntu: '`apt-get`', rhel: '`dnf`/`yum`/`microdnf`', suse: '`zypper`',
};

const APT_SAFE_OPTS = new Set(['-y', '--yes', '--assume-yes', '-q', '-qq', '-qy', '-yq', '-qqy', '-yqq', '--quiet', '--no-install-recommends', '--no-install-suggests']);
const APK_SAFE_OPTS = new Set(['--no-cache', '--update', '-U', '--update-cache', '-q', '--quiet', '--no-progress']);

/** Plain package names: no version pins, globs, variables or local files. */
function plainPackages(ws: ShWord[]): boolean {
  return ws.length > 0 && ws.every((w) => !w.expansion && /^[A-Za-z0-9][A-Za-z0-9+._-]*$/.test(w.value) && !/\.(deb|apk|rpm)$/.test(w.value));
}

function optsOnly(c: ShCommand, allowed: Set<string>): boolean {
  for (let i = 1; i < c.argv.length; i++) {
    const v = c.argv[i].value;
    if (v.startsWith('-') && !allowed.has(v)) return false;
  }
  return true;
}

/** Simple `apt-get install …` / `apt install …`: the package words, or null. */
function aptInstall(c: ShCommand): ShWord[] | null {
  if ((c.name !== 'apt-get' && c.name !== 'apt') || c.redirects.length || !optsOnly(c, APT_SAFE_OPTS)) return null;
  const pos = positionals(c);
  if (pos[0]?.value !== 'install') return null;
  const pkgs = pos.slice(1);
  return plainPackages(pkgs) ? pkgs : null;
}

/** Simple `apk add …`: the package words, or null. */
function apkAdd(c: ShCommand): ShWord[] | null {
  if (c.name !== 'apk' || c.redirects.length || !optsOnly(c, APK_SAFE_OPTS)) return null;
  const pos = positionals(c);
  if (pos[0]?.value !== 'add') return null;
  const pkgs = pos.slice(1);
  return plainPackages(pkgs) ? pkgs : null;
}

function isUpdate(c: ShCommand | undefined, names: string[]): boolean {
  if (!c || !names.includes(c.name) || c.redirects.length) return false;
  const pos = positionals(c);
  return pos.length === 1 && pos[0].value === 'update' && c.argv.every((w, i) => i === 0 || w === pos[0] || /^-[qy]+$|^--quiet$/.test(w.value));
}

/** Where the replacement of `c` starts: its argv, or its `DEBIAN_FRONTEND=…` prefix (dropped for apk). */
function replaceStart(c: ShCommand): number {
  if (c.assigns.length && c.words[0] === c.argv[0] && c.assigns.every((a) => a.value.startsWith('DEBIAN_FRONTEND='))) return c.assigns[0].start;
  return c.argv[0].start;
}

/** `prev && c` with only blanks/continuations between: the start of `prev`, else null. */
function droppablePrev(prev: ShCommand | undefined, c: ShCommand, source: string, escape: string): number | null {
  if (!prev || prev.opAfter !== '&&' || !prev.opAfterSpan || prev.subshell !== c.subshell || prev.substitution || prev.compound) return null;
  const next = skipBlanksAndContinuations(source, prev.opAfterSpan.end, c.start + 1, escape);
  if (next !== c.start) return null;
  // Only the update command itself (its own assigns/wrappers included) is removed.
  return prev.start;
}

function conversionFix(cmds: ShCommand[], i: number, family: OsFamily, source: string, escape: string): Fix | null {
  const c = cmds[i];
  if (c.substitution || c.compound) return null;
  const prev = cmds[i - 1];
  if (family === 'alpine') {
    const pkgs = aptInstall(c);
    if (!pkgs) return null;
    let start = replaceStart(c);
    if (isUpdate(prev, ['apt-get', 'apt'])) {
      const p = droppablePrev(prev, c, source, escape);
      if (p === null) return null;
      start = p;
    }
    const text = 'apk add --no-cache ' + pkgs.map((w) => source.slice(w.start, w.end)).join(' ');
    return {
      title: { en: `Rewrite as \`${text}\``, ko: `\`${text}\`(으)로 바꾸기` },
      edits: [{ start, end: c.argv[c.argv.length - 1].end, newText: text }],
      safe: false,
    };
  }
  if (family === 'debian' || family === 'ubuntu') {
    const pkgs = apkAdd(c);
    if (!pkgs) return null;
    let start = c.argv[0].start;
    if (isUpdate(prev, ['apk'])) {
      const p = droppablePrev(prev, c, source, escape);
      if (p === null) return null;
      start = p;
    }
    const updated = cmds.slice(0, i).some((x) => isUpdate(x, ['apt-get', 'apt']));
    const install = 'apt-get install -y --no-install-recommends ' + pkgs.map((w) => source.slice(w.start, w.end)).join(' ');
    const text = updated ? install : 'apt-get update && ' + install;
    return {
      title: { en: `Rewrite as \`${text}\``, ko: `\`${text}\`(으)로 바꾸기` },
      edits: [{ start, end: c.argv[c.argv.length - 1].end, newText: text }],
      safe: false,
    };
  }
  return null;
}

export default defineRule({
  id: 'DF039',
  name: 'package-manager-mismatch',
  category: 'correctness',
  severity: 'error',
  aliases: {},
  fixable: true,
  docs: {
    en: {
      title: 'The package manager does not match the base image',
      rationale: 'Each distribution ships its own package manager: `apt-get` on Debian and Ubuntu, `apk` on Alpine, `dnf`/`yum`/`microdnf` on RHEL, Fedora and CentOS, `zypper` on SUSE. Calling another one (for example `apt-get install` on an `alpine` image, a common slip when switching to a smaller base) fails with "not found". The family comes from the image name and tag and is inherited through `FROM <stage>`; nothing is reported when it is unknown. Scripts that pick a manager with `if`/`||` are not reported.',
    },
    ko: {
      title: '패키지 매니저가 베이스 이미지와 맞지 않습니다',
      rationale: '배포판마다 패키지 매니저가 다릅니다. Debian과 Ubuntu는 `apt-get`, Alpine은 `apk`, RHEL·Fedora·CentOS는 `dnf`/`yum`/`microdnf`, SUSE는 `zypper`를 씁니다. 다른 배포판의 명령(예: 더 작은 베이스로 바꾸면서 `alpine` 이미지에 남겨 둔 `apt-get install`)은 "not found" 오류로 실패합니다. 계열은 이미지 이름과 태그로 판단하며 `FROM <스테이지>`를 따라 이어집니다. 계열을 알 수 없으면 보고하지 않고, `if`나 `||`로 매니저를 고르는 스크립트도 보고하지 않습니다.',
    },
  },
  scope: 'instruction',
  on: ['RUN'],
  checkInstruction(ins, ctx) {
    const family = ctx.family;
    if (!KNOWN.includes(family)) return;
    const script = posixRunScript(ins, ctx);
    if (!script) return;
    const cmds = script.commands;
    for (let i = 0; i < cmds.length; i++) {
      const c = cmds[i];
      const m = MANAGERS.get(c.name);
      if (!m || !m.foreign.includes(family)) continue;
      if (c.compound || c.substitution || c.opBefore === '||' || c.opAfter === '||' || isLookup(c)) continue;
      // `apk add dpkg && dpkg -i …`: the tool was installed (or probed) earlier in this RUN.
      if (cmds.slice(0, i).some((x) => x.argv.some((w, k) => k > 0 && w.value === c.name))) continue;
      const fixes: Fix[] = [];
      if (script.form !== 'exec') {
        let fix = conversionFix(cmds, i, family, ctx.source, ins.escape);
        // `apt-get update && apt-get install …`: the update finding offers the same rewrite.
        if (!fix && isUpdate(c, ['apt-get', 'apt', 'apk']) && c.opAfter === '&&' && cmds[i + 1]) fix = conversionFix(cmds, i + 1, family, ctx.source, ins.escape);
        if (fix) fixes.push(fix);
      }
      const base = FAMILY_NAMES[family];
      const native = NATIVE_TOOL[family]!;
      const w = c.argv[0];
      ctx.report({
          span: { start: w.start, end: w.end },
          message: {
            en: `${code(c.name)} is the ${m.distro.en} package manager, but this stage's base image is ${base.en}: the RUN fails with "${c.name}: not found"; use ${native}`,
            ko: `${code(c.name)}은(는) ${m.distro.ko}의 패키지 매니저인데 이 스테이지의 베이스 이미지는 ${base.ko}입니다. RUN이 "${c.name}: not found" 오류로 실패하니 ${native}을(를) 쓰세요`,
          },
          fixes,
        });
    }
  },
});
