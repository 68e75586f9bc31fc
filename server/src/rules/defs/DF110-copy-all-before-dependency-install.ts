//! `COPY . .` followed later in the stage by a dependency install (`npm ci`, `pip install -r`,
//! `go mod download`, `bundle install`, …) with no earlier COPY of the manifest: any source
//! change invalidates the COPY layer and every layer after it, so all dependencies are
//! reinstalled. Docker's "Optimize cache usage" guide (build/cache/optimize.md, "Order your
//! layers") copies the manifest and lock file first, installs, then copies the rest.
//! ONBUILD triggers form their own sequence (they run in the downstream build).
import { defineRule } from '../defineRule';
import type { Instruction, Word } from '../../syntax/nodes';
import { positionals, subcommand, type ShCommand, type ShWord } from '../../shell/commands';
import {
  copyOperands, flag, insertBefore, isWholeContext, lineNumber, normalizePath, relativeTo, resolvePath,
  runCommands, shQuote, stageSequences, unwrapModule, workdirAfter, type CPath, type Step,
} from '../util/buildCacheSize';

interface DepInstall {
  /** The command as shown in messages (`npm ci`, `pip install -r requirements.txt`). */
  label: string;
  span: { start: number; end: number };
  /** Files to copy first, relative to the install's working directory; null when no manifest-only install exists. */
  manifests: string[] | null;
  /** File names whose earlier COPY means the manifest is already copied first. */
  names: string[];
  /** Extra advice for the fix title. */
  hint?: { en: string; ko: string };
}

const NPM_OPTS = new Set(['--omit', '--include', '--workspace', '-w', '--prefix', '--registry', '--cache', '--loglevel']);
const PIP_VALUE_OPTS = new Set([
  '-c', '--constraint', '-i', '--index-url', '--extra-index-url', '-t', '--target', '--prefix', '--root', '-f', '--find-links',
  '--trusted-host', '--platform', '--python-version', '--implementation', '--abi', '--src', '--upgrade-strategy',
  '--progress-bar', '--cache-dir', '--log', '--proxy', '--timeout', '--retries', '--no-binary', '--only-binary', '--report',
]);

const span = (words: ShWord[]) => ({ start: words[0].start, end: words[words.length - 1].end });

function pipInstall(argv: ShWord[], tool: string): DepInstall | null {
  // argv[0] = pip, argv[1] = install
  const reqs: string[] = [];
  let project = false;
  let dynamic = false;
  let last = argv[1];
  for (let i = 2; i < argv.length; i++) {
    const v = argv[i].value;
    if (v === '-r' || v === '--requirement' || v === '-e' || v === '--editable') {
      const n = argv[i + 1];
      if (!n) break;
      if (v === '-e' || v === '--editable') { if (/^\.\/?$/.test(n.value)) { project = true; last = n; } }
      else { reqs.push(n.value); last = n; }
      i++;
      continue;
    }
    const m = /^(?:-r|--requirement=)(.+)$/.exec(v);
    if (m) { reqs.push(m[1]); last = argv[i]; continue; }
    if (PIP_VALUE_OPTS.has(v)) { i++; continue; }
    if (v.startsWith('-')) continue;
    if (/^\.\/?(\[[^\]]*\])?$/.test(v)) { project = true; last = argv[i]; }
  }
  if (reqs.length) {
    if (reqs.some((r) => r.includes('$') || r.startsWith('/') || normalizePath(r) === null || /^[a-z]+:\/\//i.test(r))) dynamic = true;
    const label = `${tool} install -r ${reqs.join(' -r ')}`;
    return { label, span: { start: argv[0].start, end: last.end }, manifests: dynamic ? null : reqs.map((r) => normalizePath(r)!), names: reqs.map((r) => r.split('/').pop()!).concat(['requirements*.txt']) };
  }
  if (project) {
    return {
      label: `${tool} install .`, span: { start: argv[0].start, end: last.end }, manifests: null,
      names: ['pyproject.toml', 'setup.py', 'setup.cfg', 'requirements*.txt'],
    };
  }
  return null;
}

/** The dependency install a command runs, if any. */
function depInstall(c: ShCommand): DepInstall | null {
  const argv = unwrapModule(c);
  if (!argv.length) return null;
  const name = argv[0].value.split('/').pop()!;
  const sub = argv[1]?.value;
  const cmd: ShCommand = argv === c.argv ? c : { ...c, argv, name };
  switch (name) {
    case 'npm': {
      const s = subcommand(cmd, NPM_OPTS);
      if (!s) return null;
      if (s.value === 'ci' || s.value === 'clean-install') return { label: `npm ${s.value}`, span: span([argv[0], s]), manifests: ['package.json', 'package-lock.json'], names: ['package.json', 'package*.json'] };
      if ((s.value === 'install' || s.value === 'i') && positionals(cmd, NPM_OPTS).length === 1 && !argv.some((w) => w.value === '-g' || w.value === '--global')) {
        return { label: `npm ${s.value}`, span: span([argv[0], s]), manifests: ['package*.json'], names: ['package.json', 'package*.json'] };
      }
      return null;
    }
    case 'yarn': {
      const pos = positionals(cmd);
      if (pos.length === 0 || (pos.length === 1 && pos[0].value === 'install')) {
        return { label: pos.length ? 'yarn install' : 'yarn', span: span([argv[0], ...pos]), manifests: ['package.json', 'yarn.lock'], names: ['package.json', 'package*.json'] };
      }
      return null;
    }
    case 'pnpm': {
      const pos = positionals(cmd);
      if (pos.length === 1 && (pos[0].value === 'install' || pos[0].value === 'i')) {
        return { label: `pnpm ${pos[0].value}`, span: span([argv[0], pos[0]]), manifests: ['package.json', 'pnpm-lock.yaml'], names: ['package.json', 'package*.json', 'pnpm-lock.yaml'] };
      }
      return null;
    }
    case 'uv': {
      if (sub === 'sync') return { label: 'uv sync', span: span(argv.slice(0, 2)), manifests: ['pyproject.toml', 'uv.lock'], names: ['pyproject.toml', 'uv.lock'], hint: { en: 'use `uv sync --no-install-project` there', ko: '그 자리에서는 `uv sync --no-install-project`를 쓰세요' } };
      if (sub === 'pip' && argv[2]?.value === 'install') return pipInstall(argv.slice(1), 'uv pip');
      return null;
    }
    case 'poetry':
      if (sub === 'install') return { label: 'poetry install', span: span(argv.slice(0, 2)), manifests: ['pyproject.toml', 'poetry.lock'], names: ['pyproject.toml', 'poetry.lock'], hint: { en: 'use `poetry install --no-root` there', ko: '그 자리에서는 `poetry install --no-root`를 쓰세요' } };
      return null;
    case 'pipenv':
      if (sub === 'install' && positionals(cmd).length === 1) return { label: 'pipenv install', span: span(argv.slice(0, 2)), manifests: ['Pipfile', 'Pipfile.lock'], names: ['Pipfile', 'Pipfile*'] };
      return null;
    case 'go':
      if (sub === 'mod' && argv[2]?.value === 'download') return { label: 'go mod download', span: span(argv.slice(0, 3)), manifests: ['go.mod', 'go.sum'], names: ['go.mod', 'go.*'] };
      return null;
    case 'bundle':
      if (sub === 'install' || (sub === undefined || sub.startsWith('-'))) {
        if (sub !== 'install' && positionals(cmd).length) return null;
        return { label: sub === 'install' ? 'bundle install' : 'bundle', span: span(argv.slice(0, sub === 'install' ? 2 : 1)), manifests: ['Gemfile', 'Gemfile.lock'], names: ['Gemfile', 'Gemfile*'] };
      }
      return null;
    case 'mvn':
    case 'mvnw': {
      const goal = argv.find((w) => /^(?:org\.apache\.maven\.plugins:maven-)?dependency(?:-plugin)?(?::[\w.-]+)?:(go-offline|resolve|resolve-plugins)$/.test(w.value));
      if (goal) return { label: `${name} ${goal.value}`, span: { start: argv[0].start, end: goal.end }, manifests: ['pom.xml'], names: ['pom.xml'] };
      return null;
    }
    case 'gradle':
    case 'gradlew': {
      const task = argv.find((w, i) => i > 0 && (w.value === 'dependencies' || w.value === '--refresh-dependencies'));
      if (task) return { label: `${name} ${task.value}`, span: { start: argv[0].start, end: task.end }, manifests: null, names: ['build.gradle', 'build.gradle.kts', 'settings.gradle', 'settings.gradle.kts', '*.gradle', '*.gradle.kts'] };
      return null;
    }
    case 'cargo':
      if (sub === 'fetch') return { label: 'cargo fetch', span: span(argv.slice(0, 2)), manifests: ['Cargo.toml', 'Cargo.lock'], names: ['Cargo.toml', 'Cargo.*'] };
      if (sub === 'build') {
        return {
          label: 'cargo build', span: span(argv.slice(0, 2)), manifests: ['Cargo.toml', 'Cargo.lock'], names: ['Cargo.toml', 'Cargo.*'],
          hint: { en: 'build the dependencies there, e.g. against a stub src/main.rs or with cargo-chef', ko: '그 자리에서 의존성을 빌드하세요. 예를 들어 임시 src/main.rs를 두거나 cargo-chef를 쓰면 됩니다' },
        };
      }
      return null;
    case 'composer':
    case 'composer.phar':
      if (sub === 'install') return { label: 'composer install', span: span(argv.slice(0, 2)), manifests: ['composer.json', 'composer.lock'], names: ['composer.json', 'composer.*'], hint: { en: 'use `composer install --no-scripts --no-autoloader` there', ko: '그 자리에서는 `composer install --no-scripts --no-autoloader`를 쓰세요' } };
      return null;
    case 'php':
      if (argv[1] && /(^|\/)composer(\.phar)?$/.test(argv[1].value) && argv[2]?.value === 'install') {
        return { label: 'composer install', span: span(argv.slice(0, 3)), manifests: ['composer.json', 'composer.lock'], names: ['composer.json', 'composer.*'] };
      }
      return null;
    default:
      if (/^pip[0-9.]*$/.test(name) && sub === 'install') return pipInstall(argv, name);
      return null;
  }
}

/** Does a COPY source pattern (basename, possibly a glob) name one of `names` (possibly globs)? */
function copiesManifest(sourceValue: string, names: string[]): boolean {
  const base = sourceValue.replace(/\/+$/, '').split('/').pop() ?? '';
  const toRe = (g: string) => new RegExp('^' + g.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
  return names.some((n) => toRe(base).test(n.replace(/\*/g, '')) || toRe(n).test(base));
}

interface Found {
  step: Step;
  install: DepInstall;
  /** Working directory of the install relative to the COPY destination, or null when unknown. */
  rel: string | null;
}

export default defineRule({
  id: 'DF110',
  name: 'copy-all-before-dependency-install',
  category: 'performance/cache',
  severity: 'warning',
  aliases: {},
  fixable: true,
  docs: {
    en: {
      title: 'Copy the dependency manifest and install before `COPY . .`',
      rationale: 'When the whole build context is copied before the dependency install (`npm ci`, `pip install -r`, `go mod download`, `bundle install`, …), any change to any source file invalidates the cache for that COPY and every layer after it, so all dependencies are downloaded and installed again. Copy only the manifest and lock file first, run the install, then copy the rest (Docker docs, "Optimize cache usage in builds", Order your layers).',
    },
    ko: {
      title: '`COPY . .` 전에 의존성 매니페스트를 복사하고 설치하세요',
      rationale: '의존성 설치(`npm ci`, `pip install -r`, `go mod download`, `bundle install` 등)보다 먼저 빌드 컨텍스트 전체를 복사하면, 소스 파일 하나만 바뀌어도 그 COPY와 이후 모든 레이어의 캐시가 무효화되어 의존성을 전부 다시 내려받고 설치합니다. 매니페스트와 잠금 파일만 먼저 복사해 설치한 뒤 나머지를 복사하세요(Docker 문서 "Optimize cache usage in builds"의 레이어 순서 정하기).',
    },
  },
  scope: 'file',
  perStage: true,
  citesLines: true,
  check({ tree, model, report }) {
    const source = tree.text;
    for (const stage of model.stages) {
      for (const seq of stageSequences(stage)) {
        let copyAll: { step: Step; sourceWord: Word; destDir: CPath; destRaw: string } | null = null;
        const earlier: Instruction[] = [];
        const found: Found[] = [];
        let cwd: CPath = '';
        for (const step of seq) {
          const ins = step.ins;
          if (!copyAll) {
            // (Cheap test first: a single source that is the whole context.)
            const op = ins.args.length === 2 && isWholeContext(ins.args[0]) ? copyOperands(ins) : null;
            if (op && !flag(ins, 'from')) {
              copyAll = { step, sourceWord: op.sources[0], destDir: resolvePath(cwd, op.dest.value), destRaw: op.dest.value };
            } else if (ins.name === 'COPY' || ins.name === 'ADD') earlier.push(ins);
            cwd = workdirAfter(cwd, ins);
            continue;
          }
          cwd = workdirAfter(cwd, ins);
          const cmds = runCommands(model, step, source);
          if (!cmds) continue;
          // Track `cd` per subshell depth so `cd web && npm ci` installs in web/.
          const cds: CPath[] = [cwd];
          for (const c of cmds) {
            if (c.substitution) continue;
            cds.length = Math.min(cds.length, c.subshell + 1);
            while (cds.length < c.subshell + 1) cds.push(cds[cds.length - 1]);
            const here = cds[c.subshell];
            if (c.name === 'cd' && c.argv.length <= 2) {
              cds[c.subshell] = c.argv[1] ? resolvePath(here, c.argv[1].value) : null;
              continue;
            }
            const install = depInstall(c);
            if (!install) continue;
            const names = install.names;
            if (earlier.some((e) => copyOperands(e)?.sources.some((s) => copiesManifest(s.value, names)))) continue;
            found.push({ step, install, rel: relativeTo(copyAll.destDir, here) });
          }
        }
        if (!copyAll || !found.length) continue;
        const first = found[0];
        const c = copyAll;
        const copyText = `${c.step.ins.keyword} ${c.step.ins.argsText.trim()}`.replace(/\s+/g, ' ');
        const line = lineNumber(tree, first.install.span.start);
        // One COPY line per directory, manifests of every install found (first one first).
        const byDir = new Map<string, string[]>();
        let fixable = true;
        const hints: { en: string; ko: string }[] = [];
        for (const f of found) {
          if (!f.install.manifests || f.rel === null) { if (f === first) fixable = false; continue; }
          if (f.install.hint && !hints.includes(f.install.hint)) hints.push(f.install.hint);
          for (const m of f.install.manifests) {
            const full = normalizePath(f.rel ? `${f.rel}/${m}` : m);
            if (full === null) continue;
            const dir = full.includes('/') ? full.slice(0, full.lastIndexOf('/')) : '';
            const list = byDir.get(dir) ?? [];
            if (!list.includes(full)) list.push(full);
            byDir.set(dir, list);
          }
        }
        const allFiles = [...byDir.values()].flat();
        const firstFiles = (first.install.manifests ?? first.install.names.filter((n) => !n.includes('*')).slice(0, 2)).map((m) => (first.rel ? `${first.rel}/${m}` : m));
        const fileList = (fs: string[], and: string) => fs.length <= 1 ? fs.join('') : `${fs.slice(0, -1).join(', ')} ${and} ${fs[fs.length - 1]}`;
        const advice = first.install.manifests
          ? { en: `copy ${fileList(firstFiles, 'and')} first, install, then copy the rest`, ko: `${firstFiles.join(', ')}을(를) 먼저 복사해 설치한 다음 나머지를 복사하세요` }
          : { en: `install the dependencies from their manifest (${fileList(firstFiles, 'or')}) before copying the sources`, ko: `소스를 복사하기 전에 매니페스트(${firstFiles.join(', ')})로 의존성을 먼저 설치하세요` };
        const fixes = [];
        if (fixable && allFiles.length) {
          const ins = c.step.ins;
          const flags = ins.flags.filter((f) => ['chown', 'chmod', 'link'].includes(f.name.toLowerCase())).map((f) => source.slice(f.start, f.end));
          const prefix = (c.step.onbuild ? 'ONBUILD ' : '') + 'COPY ' + (flags.length ? flags.join(' ') + ' ' : '');
          const destBase = c.destRaw === '.' || c.destRaw === './' ? './' : c.destRaw.endsWith('/') ? c.destRaw : c.destRaw + '/';
          const lines = [...byDir].map(([dir, files]) => prefix + files.map(shQuote).join(' ') + ' ' + shQuote(dir ? (destBase === './' ? `./${dir}/` : `${destBase}${dir}/`) : destBase));
          const installs = [...new Set(found.filter((f) => f.install.manifests && f.rel !== null).map((f) => f.install.label))];
          const hintEn = hints.length ? `; ${hints.map((h) => h.en).join('; ')}` : '';
          const hintKo = hints.length ? `. ${hints.map((h) => h.ko).join('. ')}` : '';
          fixes.push({
            title: {
              en: `Copy ${allFiles.join(' ')} before \`${copyText}\` (then move \`${installs.join('`, `')}\` between the two COPYs${hintEn})`,
              ko: `\`${copyText}\` 앞에 ${allFiles.join(' ')} 복사 추가 (그다음 \`${installs.join('`, `')}\`을(를) 두 COPY 사이로 옮기세요${hintKo})`,
            },
            edits: [insertBefore(tree, c.step.outer, lines)],
            safe: false,
          });
        }
        report({
          span: { start: c.sourceWord.start, end: c.sourceWord.end },
          message: {
            en: `\`${copyText}\` copies the whole build context before \`${first.install.label}\` on line ${line}: any source change invalidates the cache and reinstalls all dependencies; ${advice.en}`,
            ko: `\`${copyText}\`가 ${line}번째 줄의 \`${first.install.label}\`보다 먼저 빌드 컨텍스트 전체를 복사합니다. 소스가 조금만 바뀌어도 캐시가 무효화되어 의존성을 모두 다시 설치합니다. ${advice.ko}`,
          },
          related: found.slice(0, 5).map((f) => ({
            span: f.install.span,
            message: { en: `dependency install \`${f.install.label}\``, ko: `의존성 설치 \`${f.install.label}\`` },
          })),
          fixes,
        });
      }
    }
  },
});
