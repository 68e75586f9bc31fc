//! Suggests BuildKit cache mounts for package downloads instead of re-downloading (and then
//! deleting) them on every build, off by default (hadolint #1139 asks for it; Docker's
//! "Optimize cache usage in builds" guide, docs content/manuals/build/cache/optimize.md, "Use
//! cache mounts").
//! * apt: the BuildKit reference's recipe (moby/buildkit frontend/dockerfile/docs/reference.md,
//!   "RUN --mount=type=cache"): mount /var/cache/apt and /var/lib/apt with `sharing=locked` ("Apt
//!   needs exclusive access to its data"), and turn off the docker-clean hook of the official
//!   images (`rm -f /etc/apt/apt.conf.d/docker-clean; echo 'Binary::apt::APT::Keep-Downloaded-Packages
//!   "true";' > /etc/apt/apt.conf.d/keep-cache`), which would otherwise delete the cached .deb files.
//!   The fix adds the mounts, that preparatory RUN when the stage has none, and drops
//!   `rm -rf /var/lib/apt/lists/*` and `apt-get clean` from the RUN (they would only empty the cache).
//! * pip: mount /root/.cache/pip and drop `--no-cache-dir` (only while the stage runs as root: no
//!   USER before the RUN, since the cache lives in the user's home).
//! The fix is unsafe: it changes the image (docker-clean is off in later RUNs too) and needs BuildKit.
import { defineRule, type Fix, type TextEditSpan } from '../defineRule';
import { stageFamily } from '../stageFacts';
import { insertLinesBefore, instructionsBefore } from '../util/instructionSemantics';
import { aptAction, cacheOrTmpfsMountOver, commandSpan, isApt, pipInstallWord, removeCommandEdit, removesAptLists, runScript, runText, walkRuns } from '../util/packages';

const APT_MOUNTS = '--mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked';
const KEEP_CACHE = `RUN rm -f /etc/apt/apt.conf.d/docker-clean; echo 'Binary::apt::APT::Keep-Downloaded-Packages "true";' > /etc/apt/apt.conf.d/keep-cache`;
const PIP_MOUNT = '--mount=type=cache,target=/root/.cache/pip';

export default defineRule({
  id: 'DF104',
  name: 'prefer-cache-mount',
  category: 'performance',
  severity: 'off',
  aliases: {},
  fixable: true,
  docs: {
    en: {
      title: 'Use a BuildKit cache mount for package downloads (opt-in)',
      rationale: 'Deleting caches keeps layers small, but every rebuild then downloads all packages again. A cache mount (`RUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked …`, or `target=/root/.cache/pip`) keeps downloads between builds without storing them in the image. For apt, the docker-clean hook of the official images must be turned off so the downloaded packages stay in the cache. Off by default: it needs BuildKit and changes how the Dockerfile is written.',
    },
    ko: {
      title: '패키지 다운로드에 BuildKit 캐시 마운트를 쓰세요(선택)',
      rationale: '캐시를 지우면 레이어는 작아지지만 다시 빌드할 때마다 모든 패키지를 새로 내려받습니다. 캐시 마운트(`RUN --mount=type=cache,target=/var/cache/apt,sharing=locked --mount=type=cache,target=/var/lib/apt,sharing=locked …`, 또는 `target=/root/.cache/pip`)를 쓰면 내려받은 파일을 이미지에 저장하지 않고도 빌드 사이에 재사용합니다. apt의 경우 공식 이미지의 docker-clean 설정을 꺼야 내려받은 패키지가 캐시에 남습니다. BuildKit이 필요하고 Dockerfile 작성 방식이 바뀌므로 기본으로는 꺼져 있습니다.',
    },
  },
  scope: 'file',
  perStage: true,
  check({ tree, model, report }) {
    const source = tree.text;
    walkRuns(model, () => ({ keepCache: false }), (s) => ({ ...s }), (ins, run, stage, state, onbuild) => {
      const text = runText(run);
      const script = runScript(ins, source, model.shellOf(ins));
      if (script) {
        const cmds = script.commands;
        // apt
        const aptInstall = cmds.find((c) => isApt(c) && aptAction(c)?.value === 'install');
        if (aptInstall && !cacheOrTmpfsMountOver(ins, ['/var/cache/apt', '/var/lib/apt'])) {
          const edits: TextEditSpan[] = [{ start: run.keywordSpan.end, end: run.keywordSpan.end, newText: ' ' + APT_MOUNTS }];
          const family = stageFamily(stage);
          if (!state.keepCache && (family === 'debian' || family === 'ubuntu')) edits.push(insertLinesBefore(tree, ins, [KEEP_CACHE]));
          for (let i = 0; i < cmds.length; i++) {
            const c = cmds[i];
            if (removesAptLists(c) || (isApt(c) && aptAction(c)?.value === 'clean')) {
              const e = removeCommandEdit(script, i, source, run.escape);
              if (e) edits.push(e);
            }
          }
          const fixes: Fix[] = onbuild ? [] : [{
            title: { en: 'Use apt cache mounts', ko: 'apt 캐시 마운트 쓰기' },
            edits,
            safe: false,
          }];
          report({
            span: commandSpan(aptInstall, aptAction(aptInstall)),
            message: {
              en: `\`${aptInstall.name} install\` downloads every package again on each rebuild; a cache mount (\`RUN ${APT_MOUNTS}\`) keeps them between builds without storing them in the image`,
              ko: `\`${aptInstall.name} install\`은(는) 다시 빌드할 때마다 모든 패키지를 새로 내려받습니다. 캐시 마운트(\`RUN ${APT_MOUNTS}\`)를 쓰면 이미지에 저장하지 않고도 빌드 사이에 재사용합니다`,
            },
            fixes,
          });
        }
        // pip
        const pip = cmds.find((c) => pipInstallWord(c));
        const asRoot = !instructionsBefore(model, ins).some((x) => x.name === 'USER');
        if (pip && asRoot && !cacheOrTmpfsMountOver(ins, ['/root/.cache/pip']) && !/PIP_NO_CACHE_DIR/.test(text) && !model.scopeAt(ins).has('PIP_NO_CACHE_DIR')) {
          const edits: TextEditSpan[] = [{ start: run.keywordSpan.end, end: run.keywordSpan.end, newText: ' ' + PIP_MOUNT }];
          for (const c of cmds) {
            if (!pipInstallWord(c)) continue;
            c.argv.forEach((w, k) => {
              if (k > 0 && w.value === '--no-cache-dir') edits.push({ start: c.argv[k - 1].end, end: w.end, newText: '' });
            });
          }
          const install = pipInstallWord(pip);
          report({
            span: commandSpan(pip, install),
            message: {
              en: `pip downloads every package again on each rebuild; a cache mount (\`RUN ${PIP_MOUNT}\`) keeps the wheels between builds without storing them in the image`,
              ko: `pip가 다시 빌드할 때마다 모든 패키지를 새로 내려받습니다. 캐시 마운트(\`RUN ${PIP_MOUNT}\`)를 쓰면 이미지에 저장하지 않고도 wheel을 빌드 사이에 재사용합니다`,
            },
            fixes: onbuild ? [] : [{ title: { en: 'Use a pip cache mount', ko: 'pip 캐시 마운트 쓰기' }, edits, safe: false }],
          });
        }
      }
      if (/docker-clean|Keep-Downloaded-Packages/.test(text)) state.keepCache = true;
    });
  },
});
