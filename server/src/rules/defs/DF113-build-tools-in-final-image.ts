//! Heuristic: a single-stage Dockerfile (one FROM) that installs compilers or build headers
//! (`build-essential`, `gcc`, `g++`, `make`, `*-dev`/`*-devel`, `build-base`…) or runs a
//! build (`go build`, `npm run build`, `mvn package`, `cargo build`, …): the toolchain and
//! intermediate files stay in the image that ships. Docker docs, "Multi-stage builds":
//! build in one stage, copy only the artifacts into a small final stage.
//! Reported once, at the first such RUN. Packages removed again in the same RUN
//! (`apk add --virtual .build-deps … && apk del .build-deps`, `apt-get purge`) do not count.
import { defineRule } from '../defineRule';
import { positionals, type ShCommand, type ShWord } from '../../shell/commands';
import { runCommands, stageSequences } from '../util/buildCacheSize';

const COMPILERS = /^(build-essential|gcc|g\+\+|gcc-c\+\+|cc|c\+\+|clang|make|cmake|autoconf|automake|libtool|build-base|alpine-sdk|(gcc|g\+\+|clang|cpp)-\d+(\.\d+)?)$/;
const DEV_PKG = /^[a-z0-9][a-z0-9.+]*-(dev|devel)$/;

const APT = new Set(['apt-get', 'apt', 'aptitude']);
const YUM = new Set(['yum', 'dnf', 'microdnf', 'tdnf']);
const VALUE_OPTS = new Set(['-o', '-c', '-t', '--target-release', '--option', '-X', '--repository', '--root', '-p', '--setopt', '--enablerepo', '--disablerepo', '--installroot']);

const stripVersion = (p: string) => p.replace(/[=~<>].*$/, '').replace(/:[a-z0-9]+$/, '');

interface Hit {
  words: ShWord[];
  what: string;
  kind: 'package' | 'build';
}

/** Packages the command installs (with the apk `--virtual` group name, if any). */
function installed(c: ShCommand): { pkgs: ShWord[]; group: string | null } | null {
  const pos = positionals(c, new Set([...VALUE_OPTS, '-t', '--virtual']));
  const sub = pos[0]?.value;
  const a = c.argv.map((w) => w.value);
  let group: string | null = null;
  for (let i = 1; i < a.length; i++) {
    if ((a[i] === '-t' || a[i] === '--virtual') && a[i + 1]) group = a[i + 1];
    const m = /^--virtual=(.+)$/.exec(a[i]);
    if (m) group = m[1];
  }
  if ((APT.has(c.name) || YUM.has(c.name) || c.name === 'zypper') && (sub === 'install' || sub === 'in')) return { pkgs: pos.slice(1), group };
  if (c.name === 'apk' && sub === 'add') return { pkgs: pos.slice(1), group };
  return null;
}

/** Names the command removes again (apt purge/remove, yum remove, apk del). */
function removed(c: ShCommand): string[] {
  const pos = positionals(c, VALUE_OPTS);
  const sub = pos[0]?.value;
  if ((APT.has(c.name) && ['purge', 'remove', 'autopurge'].includes(sub ?? '')) || (YUM.has(c.name) && ['remove', 'erase'].includes(sub ?? '')) || (c.name === 'apk' && sub === 'del')) {
    return pos.slice(1).map((w) => stripVersion(w.value));
  }
  return [];
}

function buildCommand(c: ShCommand): ShWord[] | null {
  const a = c.argv;
  const v = (i: number) => a[i]?.value;
  switch (c.name) {
    case 'go': return v(1) === 'build' || v(1) === 'install' ? a.slice(0, 2) : null;
    case 'npm': return v(1) === 'run' && v(2) === 'build' ? a.slice(0, 3) : null;
    case 'yarn':
    case 'pnpm': return v(1) === 'build' ? a.slice(0, 2) : v(1) === 'run' && v(2) === 'build' ? a.slice(0, 3) : null;
    case 'mvn':
    case 'mvnw': { const g = a.find((w) => w.value === 'package' || w.value === 'install' || w.value === 'verify'); return g ? [a[0], g] : null; }
    case 'gradle':
    case 'gradlew': { const t = a.find((w, i) => i > 0 && /^(build|assemble|bootJar|jar|shadowJar|installDist)$/.test(w.value)); return t ? [a[0], t] : null; }
    case 'cargo': return v(1) === 'build' || v(1) === 'install' ? a.slice(0, 2) : null;
    case 'dotnet': return v(1) === 'publish' || v(1) === 'build' ? a.slice(0, 2) : null;
    default: return null;
  }
}

export default defineRule({
  id: 'DF113',
  name: 'build-tools-in-final-image',
  category: 'image size',
  severity: 'info',
  aliases: {},
  fixable: false,
  docs: {
    en: {
      title: 'Build tools end up in the final image of a single-stage build',
      rationale: 'In a Dockerfile with a single FROM, compilers and headers (`build-essential`, `gcc`, `*-dev`) and build steps (`go build`, `npm run build`, `mvn package`, `cargo build`) leave the toolchain, caches and sources in the image you ship: it is larger and has a bigger attack surface. A multi-stage build compiles in a builder stage and copies only the result into a small runtime stage (Docker docs, "Multi-stage builds").',
    },
    ko: {
      title: '단일 스테이지 빌드에서는 빌드 도구가 최종 이미지에 남습니다',
      rationale: 'FROM이 하나뿐인 Dockerfile에서 컴파일러와 헤더(`build-essential`, `gcc`, `*-dev`)를 설치하거나 빌드(`go build`, `npm run build`, `mvn package`, `cargo build`)를 하면, 툴체인과 캐시와 소스가 배포하는 이미지에 그대로 남아 이미지가 커지고 공격 표면도 넓어집니다. 멀티 스테이지 빌드로 빌더 스테이지에서 컴파일하고 결과물만 작은 런타임 스테이지로 복사하세요(Docker 문서 "Multi-stage builds").',
    },
  },
  scope: 'file',
  touches: 'final',
  check({ tree, model, report }) {
    if (model.stages.length !== 1) return;
    const [own] = stageSequences(model.stages[0]);
    for (const step of own) {
      const cmds = runCommands(model, step, tree.text);
      if (!cmds) continue;
      const hits: Hit[] = [];
      const gone = new Set(cmds.flatMap(removed));
      for (const c of cmds) {
        const inst = installed(c);
        if (inst) {
          if (inst.group && gone.has(inst.group)) continue;
          for (const p of inst.pkgs) {
            const name = stripVersion(p.value);
            if ((COMPILERS.test(name) || DEV_PKG.test(name)) && !gone.has(name)) hits.push({ words: [p], what: name, kind: 'package' });
          }
          continue;
        }
        const b = buildCommand(c);
        if (b) hits.push({ words: b, what: b.map((w) => w.value).join(' '), kind: 'build' });
      }
      if (!hits.length) continue;
      const h = hits[0];
      const others = hits.slice(1).map((x) => x.what).filter((w, i, a) => a.indexOf(w) === i && w !== h.what);
      const more = others.length ? ` (also ${others.slice(0, 4).join(', ')}${others.length > 4 ? ', …' : ''})` : '';
      const moreKo = others.length ? `(그 밖에 ${others.slice(0, 4).join(', ')}${others.length > 4 ? ', …' : ''})` : '';
      report({
        span: { start: h.words[0].start, end: h.words[h.words.length - 1].end },
        message: h.kind === 'package'
          ? {
              en: `this single-stage Dockerfile installs the build dependency \`${h.what}\`${more}, which stays in the final image; compile in a builder stage and copy only the result into a smaller runtime stage`,
              ko: `FROM이 하나뿐인 Dockerfile에서 빌드용 패키지 \`${h.what}\`${moreKo}을(를) 설치하므로 최종 이미지에 그대로 남습니다. 빌더 스테이지에서 컴파일하고 결과물만 더 작은 런타임 스테이지로 복사하세요`,
            }
          : {
              en: `this single-stage Dockerfile runs \`${h.what}\`${more}: the toolchain, caches and sources stay in the final image; build in a builder stage and copy only the output into a smaller runtime stage`,
              ko: `FROM이 하나뿐인 Dockerfile에서 \`${h.what}\`${moreKo}을(를) 실행하므로 툴체인과 캐시, 소스가 최종 이미지에 남습니다. 빌더 스테이지에서 빌드하고 결과물만 더 작은 런타임 스테이지로 복사하세요`,
            },
      });
      return;
    }
  },
});
