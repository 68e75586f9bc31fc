//! `COPY src /dst` followed by a RUN that only runs `chmod <mode> /dst…` on what was copied.
//! A mode change in a later layer copies each changed file into that layer again, so the
//! files are stored twice; `COPY --chmod=<mode>` sets the mode while copying (Dockerfile
//! reference, COPY --chmod; BuildKit). The fix is offered for octal modes only: `--chmod`
//! sets an absolute mode, while symbolic chmod modes (`+x`) adjust the existing one.
//! The fix is unsafe: `--chmod` also applies to directories the COPY creates, and it only
//! works with BuildKit (not the legacy builder or Windows containers).
import { defineRule, type Fix } from '../defineRule';
import type { ShCommand } from '../../shell/commands';
import {
  copiedPath, copyOperands, deleteLines, flag, isWholeContext, lineNumber, resolvePath, runCommands, stageSequences,
  workdirAfter, type CopyOperands, type CPath, type Step,
} from '../util/buildCacheSize';

const CHMOD_FLAGS = /^-(?:[Rvcf]+|-recursive|-verbose|-changes|-silent|-quiet)$/;

interface Chmod {
  cmd: ShCommand;
  mode: string;
  recursive: boolean;
  targets: { raw: string; path: CPath }[];
}

function parseChmod(cmds: ShCommand[], cwd: CPath): Chmod | null {
  // The one command that is not `set`, `true` or `:`.
  let c: ShCommand | null = null;
  for (const x of cmds) {
    if (x.name === 'set' || x.name === 'true' || x.name === ':') continue;
    if (c) return null;
    c = x;
  }
  if (!c) return null;
  if (c.name !== 'chmod' || c.subshell || c.substitution || c.compound || c.redirects.length) return null;
  let recursive = false;
  let mode: string | null = null;
  const targets: Chmod['targets'] = [];
  let ended = false;
  for (const w of c.argv.slice(1)) {
    const v = w.value;
    if (!ended && v === '--') { ended = true; continue; }
    if (!ended && mode === null && CHMOD_FLAGS.test(v)) { if (/R|recursive/.test(v)) recursive = true; continue; }
    if (mode === null) { mode = v; continue; }
    targets.push({ raw: v, path: v.includes('$') || /[*?[]/.test(v) ? null : resolvePath(cwd, v) });
  }
  if (mode === null || !targets.length) return null;
  return { cmd: c, mode, recursive, targets };
}

interface Copied {
  step: Step;
  paths: { path: CPath; dir: boolean }[];
}

/** A COPY/ADD seen since the last RUN, with the WORKDIR it ran in (its paths are worked out only for a chmod RUN). */
interface PendingCopy {
  step: Step;
  op: CopyOperands;
  cwd: CPath;
}

function copiedOf(p: PendingCopy): Copied {
  const { op, cwd } = p;
  return { step: p.step, paths: op.sources.map((s) => ({ path: copiedPath(cwd, op, s), dir: s.value.endsWith('/') || isWholeContext(s) })) };
}

export default defineRule({
  id: 'DF117',
  name: 'chmod-after-copy',
  category: 'image size',
  severity: 'info',
  aliases: {},
  fixable: true,
  docs: {
    en: {
      title: 'Set the mode with `COPY --chmod` instead of a later `RUN chmod`',
      rationale: 'Changing the mode of copied files in a separate RUN writes every changed file again into the new layer, so the image stores them twice. `COPY --chmod=<mode>` (BuildKit) sets the permissions while copying, in one layer.',
    },
    ko: {
      title: '나중에 `RUN chmod` 하지 말고 `COPY --chmod`로 권한을 지정하세요',
      rationale: '복사한 파일의 권한을 별도의 RUN에서 바꾸면 바뀐 파일이 새 레이어에 통째로 다시 기록되어 이미지에 두 번 저장됩니다. `COPY --chmod=<mode>`(BuildKit)를 쓰면 복사하면서 한 레이어 안에서 권한을 지정할 수 있습니다.',
    },
  },
  scope: 'file',
  perStage: true,
  citesLines: true,
  check({ tree, model, report }) {
    const source = tree.text;
    for (const stage of model.stages) {
      for (const seq of stageSequences(stage)) {
        let cwd: CPath = '';
        let pending: PendingCopy[] = [];
        for (const step of seq) {
          const ins = step.ins;
          if (ins.name === 'COPY' || ins.name === 'ADD') {
            const op = copyOperands(ins);
            if (op) pending.push({ step, op, cwd });
          } else if (ins.name === 'RUN') {
            const cmds = runCommands(model, step, source);
            const ch = cmds ? parseChmod(cmds, cwd) : null;
            if (ch) check(step, ch, pending.map(copiedOf));
            if (pending.length) pending = [];
          }
          cwd = workdirAfter(cwd, ins);
        }
      }
    }

    function check(run: Step, ch: Chmod, pending: Copied[]) {
      // Every chmod target must be something one of the COPYs since the previous RUN wrote.
      const used = new Map<Copied, Set<number>>();
      for (const t of ch.targets) {
        if (t.path === null) return;
        let hit = false;
        for (let k = pending.length - 1; k >= 0 && !hit; k--) {
          const cp = pending[k];
          cp.paths.forEach((p, i) => {
            if (hit || p.path === null || p.path !== t.path) return;
            if (p.dir && !ch.recursive) return; // `chmod 755 /app` on a copied directory only changes the directory itself
            hit = true;
            const s = used.get(cp) ?? new Set<number>();
            s.add(i);
            used.set(cp, s);
          });
        }
        if (!hit) return;
      }
      const copies = [...used.keys()].sort((a, b) => a.step.outer.start - b.step.outer.start);
      const octal = /^[0-7]{3,4}$/.test(ch.mode);
      const where = copies.map((c) => lineNumber(tree, c.step.outer.start)).join(', ');
      const copyWord = copies.length > 1 ? 'COPYs' : copies[0].step.ins.name;
      const covered = copies.every((c) => used.get(c)!.size === c.paths.length);
      const fixes: Fix[] = [];
      if (octal && covered && !run.ins.flags.length && !run.ins.heredocs.length) {
        const edits: Fix['edits'] = copies.map((c) => {
          const existing = flag(c.step.ins, 'chmod');
          if (existing && existing.valueSpan) return { start: existing.valueSpan.start, end: existing.valueSpan.end, newText: ch.mode };
          return { start: c.step.ins.keywordSpan.end, end: c.step.ins.keywordSpan.end, newText: ` --chmod=${ch.mode}` };
        });
        if (!copies.some((c) => { const f = flag(c.step.ins, 'chmod'); return f && !f.valueSpan; })) {
          edits.push(deleteLines(tree, run.outer));
          fixes.push({
            title: { en: `Use ${copies.map((c) => c.step.ins.name).filter((v, i, a) => a.indexOf(v) === i).join('/')} --chmod=${ch.mode} and delete this RUN`, ko: `${copies.map((c) => c.step.ins.name).filter((v, i, a) => a.indexOf(v) === i).join('/')} --chmod=${ch.mode}를 쓰고 이 RUN 삭제` },
            edits,
            safe: false,
          });
        }
      }
      const cmdText = ch.cmd.argv.map((w) => w.value).join(' ');
      const how = octal
        ? { en: `set it while copying with \`--chmod=${ch.mode}\``, ko: `복사할 때 \`--chmod=${ch.mode}\`로 지정하세요` }
        : { en: 'set it while copying with `--chmod=<octal mode>` (e.g. `--chmod=755`)', ko: '복사할 때 `--chmod=<8진수 모드>`(예: `--chmod=755`)로 지정하세요' };
      report({
        span: { start: ch.cmd.start, end: ch.cmd.end },
        message: {
          en: `\`${cmdText}\` only changes the mode of what the ${copyWord} on line ${where} copied: each changed file is written again into this RUN's layer and stored twice; ${how.en}`,
          ko: `\`${cmdText}\`는 ${where}번째 줄의 ${copyWord}가 복사한 파일의 권한만 바꿉니다. 바뀐 파일마다 이 RUN의 레이어에 다시 기록되어 두 번 저장되므로, ${how.ko}`,
        },
        related: copies.map((c) => ({ span: { start: c.step.outer.start, end: c.step.ins.keywordSpan.end }, message: { en: `the ${c.step.ins.name} that copied it`, ko: `파일을 복사한 ${c.step.ins.name}` } })),
        fixes,
      });
    }
  },
});
