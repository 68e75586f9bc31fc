//! A RUN whose only package command is `apt-get update`, followed by a separate RUN that runs
//! `apt-get install` (Trivy DS017 "update instruction alone"; CIS Docker 4.7). Docker's
//! best-practices guide: "Using `apt-get update` alone in a `RUN` statement causes caching issues
//! and subsequent `apt-get install` instructions to fail" — the update layer stays cached while
//! the install line changes, so the install runs against an old index whose package versions may
//! no longer exist on the mirror. (docker/docs content/manuals/build/building/best-practices.md, "apt-get")
//! The fix (unsafe: it moves commands) merges the update RUN into the install RUN, when both are
//! plain shell form with the same flags and no other RUN lies between them.
import { defineRule, type Fix } from '../defineRule';
import type { Instruction } from '../../syntax/nodes';
import { lineOfOffset } from '../../syntax/lineIndex';
import { deleteInstructionLines } from '../util/instructionSemantics';
import { aptAction, commandSpan, isApt, runScript } from '../util/packages';

const INSTALLS = new Set(['install', 'reinstall', 'build-dep', 'upgrade', 'dist-upgrade', 'full-upgrade', 'satisfy']);

function flagsKey(ins: Instruction): string {
  return ins.flags.map((f) => `${f.name}=${f.value ?? ''}`).join('\0');
}

export default defineRule({
  id: 'DF090',
  name: 'apt-update-alone',
  category: 'cache',
  severity: 'warning',
  aliases: {},
  fixable: true,
  docs: {
    en: {
      title: 'Do not run `apt-get update` in its own RUN',
      rationale: 'When `apt-get update` has a RUN of its own, its layer is cached: later, when you change the `apt-get install` line, Docker reuses the old update layer and the install runs against a stale package index, which can fail or install outdated packages (Docker best practices: "Using apt-get update alone in a RUN statement causes caching issues and subsequent apt-get install instructions to fail"). Run `apt-get update && apt-get install …` in the same RUN.',
    },
    ko: {
      title: '`apt-get update`를 별도의 RUN으로 실행하지 마세요',
      rationale: '`apt-get update`만 따로 RUN으로 실행하면 그 레이어가 캐시됩니다. 나중에 `apt-get install` 줄을 고쳐도 Docker는 예전 update 레이어를 재사용하므로, 오래된 패키지 색인으로 설치하다가 실패하거나 낡은 패키지가 설치될 수 있습니다(Docker 모범 사례: "apt-get update를 RUN에 단독으로 쓰면 캐시 문제가 생기고 이후 apt-get install이 실패한다"). `apt-get update && apt-get install …`을 같은 RUN에서 실행하세요.',
    },
  },
  scope: 'file',
  perStage: true,
  citesLines: true,
  check({ tree, model, report }) {
    const source = tree.text;
    for (const st of model.stages) {
      const runs = st.instructions.filter((x) => x.name === 'RUN');
      const info = runs.map((ins) => {
        const script = runScript(ins, source, model.shellOf(ins));
        let update: import('../../shell/commands').ShCommand | null = null;
        let other = false;
        let install = false;
        for (const c of script?.commands ?? []) {
          if (!isApt(c)) continue;
          const a = aptAction(c)?.value;
          if (a === 'update') update ??= c;
          else if (a) other = true;
          if (a && INSTALLS.has(a)) install = true;
        }
        return { ins, script, update: other ? null : update, install };
      });
      for (let i = 0; i < info.length; i++) {
        const a = info[i];
        if (!a.update) continue;
        const j = info.findIndex((x, k) => k > i && x.install);
        if (j < 0) continue;
        const b = info[j];
        const line = lineOfOffset(tree.lineStarts, b.ins.start) + 1;
        const fixes: Fix[] = [];
        const aCmd = a.ins.command;
        const bCmd = b.ins.command;
        if (
          j === i + 1 && aCmd && bCmd && aCmd.form === 'shell' && bCmd.form === 'shell' &&
          !a.ins.heredocs.length && !b.ins.heredocs.length && flagsKey(a.ins) === flagsKey(b.ins) &&
          !aCmd.text.includes('#') && a.script?.form === 'shell'
        ) {
          const text = source.slice(aCmd.span.start, aCmd.span.end);
          fixes.push({
            title: { en: `Merge into the RUN on line ${line}`, ko: `${line}번째 줄의 RUN과 합치기` },
            edits: [
              deleteInstructionLines(tree, a.ins),
              { start: bCmd.span.start, end: bCmd.span.start, newText: `${text} && ${b.ins.escape}\n    ` },
            ],
            safe: false,
          });
        }
        const name = a.update.name;
        report({
          span: commandSpan(a.update, aptAction(a.update)),
          message: {
            en: `\`${name} update\` runs alone in this RUN while the install runs in the RUN on line ${line}: the cached update layer is reused when the install line changes, so the install may use a stale index and fail; run \`${name} update && ${name} install …\` in one RUN`,
            ko: `\`${name} update\`가 이 RUN에서 단독으로 실행되고 설치는 ${line}번째 줄의 RUN에서 실행됩니다. 설치 줄을 바꿔도 캐시된 update 레이어가 재사용되어 오래된 색인으로 설치하다 실패할 수 있습니다. \`${name} update && ${name} install …\`을 한 RUN에서 실행하세요`,
          },
          related: [{ span: b.ins.keywordSpan, message: { en: 'the separate install RUN', ko: '따로 떨어진 설치 RUN' } }],
          fixes,
        });
      }
    }
  },
});
