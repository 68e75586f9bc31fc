//! `FROM node:22${VARIANT}` without a global `ARG VARIANT` (BuildKit UndefinedArgInFrom): FROM
//! lines (image and --platform) are expanded with the global ARGs only — those declared before
//! the first FROM — plus the predefined platform ARGs. As in BuildKit's `reportUnusedFromArgs`,
//! a reference counts even with a `${X:-default}` modifier (a --build-arg cannot reach it), the
//! did-you-mean candidates are the global ARGs and platform ARGs (case-sensitive), and each name
//! is reported once per FROM.
import { defineRule, type Fix } from '../defineRule';
import { PLATFORM_ARGS } from '../../semantics/model';
import type { VarRef } from '../../syntax/nodes';
import { suggest } from '../suggest';
import { globalArgMap, lineNo } from '../util/images-stages';

export default defineRule({
  id: 'DF035',
  name: 'undefined-arg-in-from',
  category: 'correctness',
  severity: 'warning',
  aliases: { buildkit: ['UndefinedArgInFrom'] },
  fixable: true,
  docs: {
    en: {
      title: 'FROM uses an ARG that is not declared globally',
      rationale: 'FROM only sees ARGs declared before the first FROM (and the predefined platform ARGs such as `$BUILDPLATFORM`). Any other variable expands to an empty string, and `--build-arg` cannot set it, so `FROM node:22${VARIANT}` silently becomes `node:22`. Typos such as `$BULIDPLATFORM` get a did-you-mean; the fix can also declare the ARG at the top.',
    },
    ko: {
      title: 'FROM에서 전역으로 선언되지 않은 ARG 사용',
      rationale: 'FROM은 첫 번째 FROM보다 앞에 선언된 ARG(그리고 `$BUILDPLATFORM` 같은 미리 정의된 플랫폼 ARG)만 볼 수 있습니다. 그 밖의 변수는 빈 문자열로 치환되고 `--build-arg`로도 값을 줄 수 없어서, `FROM node:22${VARIANT}`는 소리 없이 `node:22`가 됩니다. `$BULIDPLATFORM` 같은 오타에는 비슷한 이름을 제안하고, 파일 맨 위에 ARG를 선언하는 빠른 수정도 제공합니다.',
    },
  },
  scope: 'file',
  reads: 'outline',
  check({ model, tree, report }) {
    if (model.stages.length === 0) return;
    const globals = globalArgMap(model);
    const candidates = [...globals.keys(), ...PLATFORM_ARGS];
    const lastGlobalArg = [...model.globalArgs].reverse().find((d) => d.instruction)?.instruction ?? null;
    const firstFrom = model.stages[0].from;
    // The new line ends like the line it goes next to (the engine's outline of a node includes
    // its line ending, so cached results follow a CRLF change there).
    const eolNode = lastGlobalArg ?? firstFrom;
    const eol = tree.text.charCodeAt(eolNode.end) === 13 ? '\r\n' : '\n';
    for (const st of model.stages) {
      const ins = st.from;
      const from = ins.from;
      if (!from) continue;
      const inScope = (v: VarRef) =>
        (from.image !== null && v.start >= from.image.start && v.end <= from.image.end) ||
        ins.flags.some((f) => v.start >= f.start && v.end <= f.end);
      const seen = new Set<string>();
      for (const v of ins.vars) {
        if (!inScope(v) || globals.has(v.name) || model.predefined.has(v.name) || seen.has(v.name)) continue;
        seen.add(v.name);
        const s = suggest(v.name, candidates, true);
        const hasDefault = (v.modifier === ':-' || v.modifier === '-') && v.modifierWord !== null;
        const stageArg = model.defs.find((d) => d.kind === 'ARG' && d.stage && d.name === v.name && d.instruction && d.instruction.start < ins.start);
        let en = `FROM argument '${v.name}' is not declared${s ? ` (did you mean ${s}?)` : ''}`;
        let ko = `FROM 인자 '${v.name}'이(가) 선언되지 않았습니다${s ? ` (${s}의 오타인가요?)` : ''}`;
        if (hasDefault) {
          en += `: it always falls back to '${v.modifierWord}', because --build-arg only sets ARGs declared before the first FROM`;
          ko += `. --build-arg는 첫 FROM보다 앞에 선언된 ARG에만 값을 주므로 항상 기본값 '${v.modifierWord}'이(가) 쓰입니다`;
        } else {
          en += ': it expands to an empty string here, because FROM only sees ARGs declared before the first FROM';
          ko += '. FROM은 첫 FROM보다 앞에 선언된 ARG만 볼 수 있으므로 여기서는 빈 문자열로 치환됩니다';
        }
        if (stageArg?.instruction) {
          const line = lineNo(tree, stageArg.instruction.start);
          en += ` (ARG ${v.name} on line ${line} is inside a stage, where FROM cannot see it)`;
          ko += ` (${line}번째 줄의 ARG ${v.name}은(는) 스테이지 안에 있어 FROM에서 보이지 않습니다)`;
        }
        const fixes: Fix[] = [];
        if (s) fixes.push({ title: { en: `Change to ${s}`, ko: `${s}(으)로 바꾸기` }, edits: [{ start: v.nameSpan.start, end: v.nameSpan.end, newText: s }], safe: false });
        const stageDefault = stageArg?.keyValue?.rawValue ?? null;
        const decl = hasDefault && !v.modifierWord!.includes('$') && !/\s/.test(v.modifierWord!)
          ? `ARG ${v.name}=${v.modifierWord}`
          : stageDefault !== null && !stageDefault.includes('$') && !/\s/.test(stageDefault) ? `ARG ${v.name}=${stageDefault}` : `ARG ${v.name}`;
        const edit = lastGlobalArg
          ? { start: lastGlobalArg.end, end: lastGlobalArg.end, newText: `${eol}${decl}` }
          : { start: tree.lineStarts[lineNo(tree, firstFrom.start) - 1], end: tree.lineStarts[lineNo(tree, firstFrom.start) - 1], newText: `${decl}${eol}` };
        fixes.push({ title: { en: `Declare '${decl}' before the first FROM`, ko: `첫 FROM 앞에 '${decl}' 선언하기` }, edits: [edit], safe: false });
        report({ span: { start: v.start, end: v.end }, message: { en, ko }, fixes });
      }
    }
  },
});
