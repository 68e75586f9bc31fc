//! Unpinned language packages (hadolint DL3013 pip, DL3016 npm, DL3028 gem, DL3062 go install),
//! off by default: versions usually live in lockfiles (`requirements.txt`, `package-lock.json`,
//! `Gemfile.lock`, `go.sum`), which these commands then read, and 8 of 29 sampled
//! `.hadolint.yaml` files disable DL3013 ("versions are in requirements.txt").
//! * pip: `pkg==1.2` or any PEP 440 specifier (`>=`, `~=`, `!=`, `<`, `>`), or a direct reference
//!   (`pkg @ url`, `git+…@rev`); `-r`/`-c`/`-e` arguments, paths, archives and URLs are not checked.
//! * npm install/add: `name@version` (`@latest` does not pin); `npm ci`, paths, tarballs and
//!   git/`file:` specs are not checked.
//! * gem install: `-v`/`--version`, or `name:version`.
//! * go install: `pkg@version` (`@latest` does not pin); local packages (`./cmd/x`) need none.
import { defineRule } from '../defineRule';
import type { ShCommand, ShWord } from '../../shell/commands';
import { PIP_OPTS_WITH_ARG, pipInstallWord, runScript } from '../util/packages';

const NPM_OPTS_WITH_ARG: ReadonlySet<string> = new Set(['--prefix', '--registry', '--cache', '--userconfig', '-w', '--workspace', '--omit', '--include', '--tag', '--loglevel', '-C']);
const GEM_OPTS_WITH_ARG: ReadonlySet<string> = new Set(['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '-s', '--source', '--platform', '-P', '--trust-policy', '--build-root', '--target-rbconfig']);
const GO_OPTS_WITH_ARG: ReadonlySet<string> = new Set([
  '-ldflags', '-gcflags', '-asmflags', '-gccgoflags', '-tags', '-mod', '-modfile', '-overlay', '-pkgdir', '-p', '-o',
  '-installsuffix', '-toolexec', '-buildmode', '-compiler', '-pgo', '-C',
]);

/** Arguments after `from` in argv that are not options or option values. */
function argsAfter(cmd: ShCommand, from: number, optsWithArg: ReadonlySet<string>): ShWord[] {
  const out: ShWord[] = [];
  const a = cmd.argv;
  for (let i = from + 1; i < a.length; i++) {
    const v = a[i].value;
    if (v === '--') { out.push(...a.slice(i + 1)); break; }
    if (v.startsWith('-') && v.length > 1) { if (optsWithArg.has(v)) i++; continue; }
    out.push(a[i]);
  }
  return out;
}

function firstPositional(cmd: ShCommand, optsWithArg: ReadonlySet<string>): number {
  const a = cmd.argv;
  for (let i = 1; i < a.length; i++) {
    const v = a[i].value;
    if (v.startsWith('-') && v.length > 1) { if (optsWithArg.has(v)) i++; continue; }
    return i;
  }
  return -1;
}

const isLocal = (v: string) => v.startsWith('.') || v.startsWith('/') || v.startsWith('~') || /^(https?|file|git\+\w+|git|ssh):/.test(v);

interface Finding { word: ShWord; tool: string; hint: string }

function check(cmd: ShCommand): Finding[] {
  const out: Finding[] = [];
  const pipInstall = pipInstallWord(cmd);
  if (pipInstall) {
    for (const w of argsAfter(cmd, cmd.argv.indexOf(pipInstall), PIP_OPTS_WITH_ARG)) {
      const v = w.value;
      if (w.expansion || isLocal(v) || /\.(whl|zip|tar\.gz|tgz)$/i.test(v) || /[=<>!~@]/.test(v)) continue;
      out.push({ word: w, tool: 'pip', hint: `${v}==<version>` });
    }
    return out;
  }
  if (cmd.name === 'npm') {
    const k = firstPositional(cmd, NPM_OPTS_WITH_ARG);
    if (k < 0 || !['install', 'i', 'add', 'isntall', 'in'].includes(cmd.argv[k].value)) return out;
    for (const w of argsAfter(cmd, k, NPM_OPTS_WITH_ARG)) {
      const v = w.value;
      if (w.expansion || isLocal(v) || /\.(tgz|tar\.gz)$/i.test(v) || /^(github|gitlab|bitbucket|gist|npm):/.test(v) || v.includes('#')) continue;
      const m = /^(@[^/]+\/)?[^@]+@(.+)$/.exec(v);
      if (m && m[2] !== 'latest' && m[2] !== 'next') continue;
      if (/^[^@]+\/[^@]+$/.test(v)) continue; // `user/repo` GitHub shorthand
      out.push({ word: w, tool: 'npm', hint: `${v.replace(/@(latest|next)$/, '')}@<version>` });
    }
    return out;
  }
  if (cmd.name === 'gem') {
    const k = firstPositional(cmd, GEM_OPTS_WITH_ARG);
    if (k < 0 || cmd.argv[k].value !== 'install') return out;
    if (cmd.argv.some((w) => w.value === '-v' || w.value === '--version' || w.value.startsWith('--version='))) return out;
    for (const w of argsAfter(cmd, k, GEM_OPTS_WITH_ARG)) {
      const v = w.value;
      if (w.expansion || isLocal(v) || v.includes(':') || /\.gem$/i.test(v)) continue;
      out.push({ word: w, tool: 'gem', hint: `${v}:<version>` });
    }
    return out;
  }
  if (cmd.name === 'go') {
    const k = firstPositional(cmd, GO_OPTS_WITH_ARG);
    if (k < 0 || cmd.argv[k].value !== 'install') return out;
    for (const w of argsAfter(cmd, k, GO_OPTS_WITH_ARG)) {
      const v = w.value;
      if (w.expansion || isLocal(v) || v === 'std' || v === 'cmd') continue;
      const at = v.lastIndexOf('@');
      if (at > 0 && v.slice(at + 1) !== 'latest') continue;
      if (at < 0 && !v.includes('.')) continue; // a package of the current module (`cmd/tool`)
      out.push({ word: w, tool: 'go install', hint: `${at > 0 ? v.slice(0, at) : v}@<version>` });
    }
  }
  return out;
}

export default defineRule({
  id: 'DF102',
  name: 'lang-package-version-pin',
  category: 'reproducibility',
  severity: 'off',
  aliases: { hadolint: ['DL3013', 'DL3016', 'DL3028', 'DL3062'] },
  fixable: false,
  docs: {
    en: {
      title: 'Pin versions of pip, npm, gem and go packages (opt-in)',
      rationale: 'A package named without a version (`pip install flask`, `npm install -g typescript`, `gem install bundler`, `go install …@latest`) resolves to whatever is newest at build time, so two builds of the same Dockerfile can differ. Off by default: most projects keep versions in a lockfile that the install reads.',
    },
    ko: {
      title: 'pip, npm, gem, go 패키지 버전을 고정하세요(선택)',
      rationale: '버전 없이 적은 패키지(`pip install flask`, `npm install -g typescript`, `gem install bundler`, `go install …@latest`)는 빌드 시점의 최신 버전으로 설치되므로, 같은 Dockerfile이라도 빌드마다 결과가 달라질 수 있습니다. 대부분의 프로젝트는 설치 명령이 읽는 잠금 파일(lockfile)에 버전을 두므로 기본으로는 꺼져 있습니다.',
    },
  },
  scope: 'instruction',
  on: ['RUN'],
  checkInstruction(ins, ctx) {
    const script = runScript(ins, ctx.source, ctx.shell);
    if (!script) return;
    for (const cmd of script.commands) {
      for (const f of check(cmd)) {
        ctx.report({
          span: { start: f.word.start, end: f.word.end },
          message: {
            en: `\`${f.word.value}\` (${f.tool}) has no version: pin it (\`${f.hint}\`) or install from a lockfile`,
            ko: `\`${f.word.value}\`(${f.tool})에 버전이 없습니다. 버전을 고정하거나(\`${f.hint}\`) 잠금 파일로 설치하세요`,
          },
        });
      }
    }
  },
});
