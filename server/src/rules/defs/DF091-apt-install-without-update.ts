//! `apt-get install` with no `apt-get update` before it. The official Debian and Ubuntu images
//! ship with empty `/var/lib/apt/lists` (their build removes the lists), so the first install
//! fails with "E: Unable to locate package …" until an update fetches the index.
//! The state of the lists is followed through the stage (and its parent stages): an update in this
//! RUN or an earlier one fills them, `rm -rf /var/lib/apt/lists/*` (or `apt-get distclean`) empties
//! them again, so an install in a later RUN after such a cleanup is reported too.
//! Cache mounts: an update inside `RUN --mount=type=cache,target=/var/lib/apt` writes the lists
//! into the cache, not the layer, so a later RUN without that mount does not see them; a cache
//! mount starts empty on a fresh builder, so it does not count as "updated" either. That is why
//! the BuildKit reference's apt cache-mount example still runs `apt update && apt-get install`
//! in the same RUN as the mounts (moby/buildkit frontend/dockerfile/docs/reference.md,
//! "RUN --mount=type=cache"). A later RUN that mounts the same cache (same id or target) after an
//! update in the same build sees the lists, and is accepted. A tmpfs mount is always empty.
//! Stages whose base is not a Debian/Ubuntu (or unknown) image are left to DF039.
import { defineRule, type Fix } from '../defineRule';
import { stageFamily } from '../stageFacts';
import { APT_LISTS, aptAction, cacheOrTmpfsMountOver, commandSpan, isApt, removesAptLists, runScript, walkRuns } from '../util/packages';

type Lists = 'empty' | 'fresh' | 'removed';

interface State {
  /** Package lists in the image layer: none yet, fetched, or deleted after a fetch. */
  layer: Lists;
  /** Cache mounts (by id or target) and what they hold. */
  caches: Map<string, Lists>;
}

/** A cache mount that received an update (its id or target), when the layer itself has none. */
function cachedUpdate(state: State): string | null {
  for (const [k, v] of state.caches) if (v === 'fresh') return k;
  return null;
}

const INSTALLS = new Set(['install', 'reinstall', 'build-dep', 'source', 'download', 'satisfy']);
const APT_FAMILIES = new Set(['debian', 'ubuntu', 'unknown']);

export default defineRule({
  id: 'DF091',
  name: 'apt-install-without-update',
  category: 'correctness',
  severity: 'warning',
  aliases: {},
  fixable: true,
  docs: {
    en: {
      title: 'Run `apt-get update` before `apt-get install`',
      rationale: 'The official Debian and Ubuntu images ship with empty package lists (`/var/lib/apt/lists`), so `apt-get install` without an earlier `apt-get update` fails with "E: Unable to locate package". The update must happen in the same RUN or an earlier RUN of the stage, and no `rm -rf /var/lib/apt/lists/*` may have run in between. A cache mount on `/var/lib/apt` keeps the lists out of the layer, so the update belongs in the RUN that has the mount.',
    },
    ko: {
      title: '`apt-get install` 전에 `apt-get update`를 실행하세요',
      rationale: '공식 Debian·Ubuntu 이미지는 패키지 목록(`/var/lib/apt/lists`)이 비어 있는 채로 배포되므로, 앞에서 `apt-get update`를 하지 않은 `apt-get install`은 "E: Unable to locate package" 오류로 실패합니다. update는 같은 RUN이나 스테이지의 앞선 RUN에서 실행되어야 하고, 그 사이에 `rm -rf /var/lib/apt/lists/*`가 실행되면 안 됩니다. `/var/lib/apt`에 캐시 마운트를 쓰면 목록이 레이어에 남지 않으므로, update도 그 마운트가 있는 RUN 안에서 실행해야 합니다.',
    },
  },
  scope: 'file',
  perStage: true,
  check({ tree, model, report }) {
    const source = tree.text;
    walkRuns<State>(
      model,
      () => ({ layer: 'empty', caches: new Map() }),
      (st) => ({ layer: st.layer, caches: new Map(st.caches) }),
      (ins, _run, stage, state) => {
        const mount = cacheOrTmpfsMountOver(ins, [APT_LISTS]);
        const key = mount ? mount.id ?? mount.target : '';
        let lists: Lists = mount ? (mount.type === 'cache' ? state.caches.get(key) ?? 'empty' : 'empty') : state.layer;
        const script = runScript(ins, source, model.shellOf(ins));
        let reported = false;
        if (script) {
          const familyOk = APT_FAMILIES.has(stageFamily(stage));
          for (const cmd of script.commands) {
            // (A removal matters only after an update; what removes lists is not an install either.)
            if (lists === 'fresh' && removesAptLists(cmd)) { lists = 'removed'; continue; }
            if (!isApt(cmd)) continue;
            const action = aptAction(cmd);
            if (!action) continue;
            if (action.value === 'update') { lists = 'fresh'; continue; }
            if (!INSTALLS.has(action.value) || lists === 'fresh' || !familyOk || reported) continue;
            reported = true; // one finding per RUN: one update fixes the rest
            const fixes: Fix[] = [];
            if (script.form !== 'exec' && !cmd.substitution && cmd.opBefore !== '|' && cmd.opBefore !== '|&' && cmd.opBefore !== '||') {
              const prefix = cmd.sudo ? 'sudo apt-get update && ' : 'apt-get update && ';
              fixes.push({
                title: { en: 'Prepend `apt-get update &&`', ko: '앞에 `apt-get update &&` 넣기' },
                edits: [{ start: cmd.start, end: cmd.start, newText: prefix }],
                safe: true,
              });
            }
            const what = `${cmd.name} ${action.value}`;
            const why = lists === 'removed'
              ? { en: 'the package lists were deleted after the last update', ko: '마지막 update 뒤에 패키지 목록이 삭제되었습니다' }
              : mount
                ? mount.type === 'tmpfs'
                  ? { en: `the tmpfs mount on ${mount.target} hides the package lists and starts empty`, ko: `${mount.target}의 tmpfs 마운트가 패키지 목록을 가리고 항상 빈 상태로 시작합니다` }
                  : { en: `the cache mount on ${mount.target} hides the layer's package lists and is empty on a fresh builder`, ko: `${mount.target}의 캐시 마운트가 레이어의 패키지 목록을 가리며, 새 빌더에서는 비어 있습니다` }
                : cachedUpdate(state)
                  ? { en: `the earlier update ran with a cache mount on ${cachedUpdate(state)}, so its lists are not in the image layer`, ko: `앞선 update는 ${cachedUpdate(state)} 캐시 마운트에서 실행되어 그 목록이 이미지 레이어에 없습니다` }
                  : { en: 'official Debian/Ubuntu images ship with empty package lists', ko: '공식 Debian/Ubuntu 이미지는 패키지 목록이 빈 채로 배포됩니다' };
            report({
              span: commandSpan(cmd, action),
              message: {
                en: `\`${what}\` runs without an earlier \`apt-get update\` in this RUN or the stage (${why.en}), so it fails with "E: Unable to locate package"`,
                ko: `\`${what}\` 앞에 이 RUN이나 스테이지에서 실행한 \`apt-get update\`가 없습니다(${why.ko}). "E: Unable to locate package" 오류로 실패합니다`,
              },
              fixes,
            });
          }
        }
        if (!mount) state.layer = lists;
        else if (mount.type === 'cache') state.caches.set(key, lists);
      },
    );
  },
});
