//! `apt-get update` in a RUN that does not delete `/var/lib/apt/lists` afterwards (hadolint
//! DL3009). The lists (tens of MB) stay in that layer for good; deleting them in a later RUN does
//! not shrink the image.
//! Like hadolint, only stages that end up in an image are checked: the last stage and any stage
//! another stage is built FROM (a builder stage whose files are copied out does not ship its
//! lists); `ONBUILD RUN` always counts. A `RUN --mount=type=cache|tmpfs` over
//! `/var/lib/apt/lists` or `/var/lib/apt` keeps the lists out of the layer and is accepted
//! (hadolint accepts `/var/lib/apt` only together with `/var/cache/apt`; the lists live under
//! `/var/lib/apt` alone). Cleanups recognised: `rm -rf /var/lib/apt/lists/*` (or the directory or a
//! parent), `find /var/lib/apt/lists … -delete`, `apt-get distclean` (apt ≥ 2.7.8).
//! The fix appends `&& rm -rf /var/lib/apt/lists/*` after the `&&` chain of the RUN's last apt
//! command, so it runs once every apt step of that chain is done.
import { defineRule, type Fix } from '../defineRule';
import { stageFamily, wholeModel } from '../stageFacts';
import { APT_LISTS, aptAction, cacheOrTmpfsMountOver, chainEndOffset, commandSpan, isApt, removesAptLists, runScript, shippedStages, walkRuns } from '../util/packages';

export default defineRule({
  id: 'DF094',
  name: 'apt-lists-not-removed',
  category: 'image-size',
  severity: 'info',
  aliases: { hadolint: ['DL3009'] },
  fixable: true,
  docs: {
    en: {
      title: 'Delete the apt lists in the RUN that ran `apt-get update`',
      rationale: '`apt-get update` downloads the package index into `/var/lib/apt/lists` (often 20–50 MB). Unless the same RUN ends with `rm -rf /var/lib/apt/lists/*`, the index is stored in that layer forever; removing it in a later RUN does not make the image smaller. A cache or tmpfs mount on `/var/lib/apt` (BuildKit `RUN --mount`) keeps the lists out of the layer instead.',
    },
    ko: {
      title: '`apt-get update`를 실행한 RUN에서 apt 목록을 지우세요',
      rationale: '`apt-get update`는 패키지 색인을 `/var/lib/apt/lists`에 내려받습니다(보통 20~50MB). 같은 RUN 끝에서 `rm -rf /var/lib/apt/lists/*`로 지우지 않으면 색인이 그 레이어에 영원히 남고, 나중 RUN에서 지워도 이미지는 작아지지 않습니다. BuildKit `RUN --mount`로 `/var/lib/apt`에 캐시나 tmpfs 마운트를 쓰면 목록이 레이어에 남지 않습니다.',
    },
  },
  scope: 'file',
  perStage: true,
  check({ tree, model, report }) {
    const source = tree.text;
    // Per stage: which stages are shipped is a file-wide fact (the engine keys the cache by it).
    const shipped = shippedStages(wholeModel(model));
    walkRuns(model, () => null, () => null, (ins, _run, stage, _state, onbuild) => {
      if (!onbuild && !shipped.has(stage)) return;
      // On a base without apt, DF039 already says the command cannot run at all.
      const fam = stageFamily(stage);
      if (fam !== 'debian' && fam !== 'ubuntu' && fam !== 'unknown') return;
      if (cacheOrTmpfsMountOver(ins, [APT_LISTS])) return;
      const script = runScript(ins, source, model.shellOf(ins));
      if (!script) return;
      const cmds = script.commands;
      let update = -1;
      for (let i = 0; i < cmds.length; i++) if (isApt(cmds[i]) && aptAction(cmds[i])?.value === 'update') update = i;
      if (update < 0) return;
      for (let i = update + 1; i < cmds.length; i++) if (removesAptLists(cmds[i])) return;
      let lastApt = update;
      for (let i = update + 1; i < cmds.length; i++) if (isApt(cmds[i])) lastApt = i;
      const cmd = cmds[update];
      const fixes: Fix[] = [];
      const at = chainEndOffset(script, lastApt);
      if (at !== null) {
        fixes.push({
          title: { en: 'Append `&& rm -rf /var/lib/apt/lists/*`', ko: '끝에 `&& rm -rf /var/lib/apt/lists/*` 붙이기' },
          edits: [{ start: at, end: at, newText: ` && ${cmds[lastApt].sudo ? 'sudo ' : ''}rm -rf /var/lib/apt/lists/*` }],
          safe: true,
        });
      }
      report({
        span: commandSpan(cmd, aptAction(cmd)),
        message: {
          en: `\`${cmd.name} update\` leaves the package index in /var/lib/apt/lists in this layer; end the RUN with \`rm -rf /var/lib/apt/lists/*\` (a later RUN cannot shrink the layer)`,
          ko: `\`${cmd.name} update\`가 받은 패키지 색인이 /var/lib/apt/lists에 남아 이 레이어에 저장됩니다. RUN 끝에 \`rm -rf /var/lib/apt/lists/*\`를 붙이세요(나중 RUN에서 지우면 레이어가 줄지 않습니다)`,
        },
        fixes,
      });
    });
  },
});
