//! Consecutive RUN instructions (hadolint DL3059): each RUN is a layer; chaining with `&&`
//! gives fewer layers. The fix merges this RUN into the previous one with ` && \` and aligned
//! continuation lines, keeping the comments in between; it refuses (greyed out, with the reason)
//! when the flags differ, a heredoc or exec form is involved, or joining with `&&` would change
//! what runs (a trailing `&` or comment, or `;`/`||` at the top level of the later RUN).
import { defineRule, type Bilingual, type Fix } from '../defineRule';
import type { Instruction } from '../../syntax/nodes';
import { commandScript } from '../../shell/commands';

const TITLE: Bilingual = { en: 'Merge consecutive RUN instructions', ko: '연속된 RUN 명령어 합치기' };

function flagsKey(ins: Instruction): string {
  return ins.flags.map((f) => `${f.name.toLowerCase()}=${f.value ?? ''}`).sort().join(' ');
}

function columnOf(source: string, offset: number): number {
  const ls = source.lastIndexOf('\n', offset - 1) + 1;
  return offset - ls;
}

/** How many top-level commands a RUN has (pipelines count once; substitutions do not count). */
function topLevelCommands(ins: Instruction, source: string): number {
  const sc = commandScript(ins, source);
  if (!sc) return 0;
  let n = 0;
  for (const c of sc.commands) if (!c.substitution && c.opBefore !== '|' && c.opBefore !== '|&') n++;
  return n;
}

function mergeFix(prev: Instruction, ins: Instruction, source: string): Fix {
  const refuse = (en: string, ko: string): Fix => ({ title: TITLE, edits: [], safe: false, disabled: { en, ko } });
  if (flagsKey(prev) !== flagsKey(ins)) return refuse('the RUN flags differ (--mount, --network, --security); merging would change them', 'RUN 플래그(--mount, --network, --security)가 서로 달라 합치면 동작이 바뀝니다');
  if (prev.heredocs.length || ins.heredocs.length) return refuse('a heredoc is involved; merge the scripts by hand', 'heredoc이 있어 자동으로 합칠 수 없습니다. 직접 스크립트를 합치세요');
  const a = prev.command, b = ins.command;
  if (!a || !b || a.form !== 'shell' || b.form !== 'shell') return refuse('exec-form RUN (JSON array) cannot be chained with &&', 'exec 형식(JSON 배열) RUN은 &&로 이을 수 없습니다');
  const sa = commandScript(prev, source), sb = commandScript(ins, source);
  if (!sa || !sb || sa.errors.length || sb.errors.length) return refuse('the shell command could not be parsed', '셸 명령을 해석할 수 없습니다');
  const topA = sa.commands.filter((c) => !c.substitution);
  const topB = sb.commands.filter((c) => !c.substitution);
  const lastA = topA[topA.length - 1];
  if (!lastA || !topB.length) return refuse('one of the RUN instructions is empty', 'RUN 명령어 하나가 비어 있습니다');
  let cut = a.span.end;
  if (lastA.opAfter === '&') return refuse('the earlier RUN ends with a background job (&)', '앞 RUN이 백그라운드 작업(&)으로 끝납니다');
  if (lastA.opAfter === ';' && lastA.opAfterSpan) cut = lastA.opAfterSpan.start;
  const tail = source.slice(lastA.end, a.span.end);
  if (tail.includes('#')) return refuse('the earlier RUN ends with a shell comment; && would be commented out', '앞 RUN이 셸 주석으로 끝나 &&가 주석 안에 들어갑니다');
  if (topB.some((c) => c.subshell === 0 && c.opBefore !== null && c.opBefore !== '&&' && c.opBefore !== '|' && c.opBefore !== '|&'))
    return refuse('the later RUN uses ; || & or newlines at the top level, so && would not guard all of it', '뒤 RUN이 최상위에서 ; || & 또는 줄바꿈을 써서 &&로 이으면 실행 조건이 바뀝니다');
  const esc = ins.escape;
  const col = columnOf(source, a.span.start);
  const indent = ' '.repeat(col > 0 && col <= 12 ? col : 4);
  const between = source.slice(prev.end, ins.start);
  const comments = between
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.startsWith('#'))
    .map((l) => indent + l + '\n')
    .join('');
  let newText = ` && ${esc}\n${comments}${indent}`;
  const gapStart = cut;
  // Trim whitespace before the cut so the result reads `update && \`.
  let s = gapStart;
  while (s > a.span.start && (source[s - 1] === ' ' || source[s - 1] === '\t')) s--;
  if (cut !== a.span.end) newText = newText; // the trailing `;` is dropped by the edit range
  return { title: TITLE, edits: [{ start: s, end: b.span.start, newText }], safe: false };
}

export default defineRule({
  id: 'DF077',
  name: 'consecutive-run',
  category: 'performance',
  severity: 'info',
  aliases: { hadolint: ['DL3059'] },
  fixable: true,
  docs: {
    en: { title: 'Consecutive RUN instructions', rationale: 'Every RUN adds a layer. Short consecutive RUNs with the same flags are usually better as one RUN chained with `&&` (fewer layers, and `apt-get update` stays in the same cache entry as the install). RUNs with different flags or with more than two commands are left alone: splitting them is often a deliberate cache boundary.' },
    ko: { title: '연속된 RUN 명령어', rationale: 'RUN 하나마다 레이어가 하나 생깁니다. 플래그가 같은 짧은 RUN이 연달아 있으면 `&&`로 이어 하나의 RUN으로 만드는 편이 낫습니다(레이어가 줄고 `apt-get update`가 설치와 같은 캐시에 묶입니다). 플래그가 다르거나 명령이 셋 이상인 RUN은 일부러 캐시를 나눈 경우가 많아 알리지 않습니다.' },
  },
  scope: 'file',
  perStage: true,
  check(ctx) {
    const source = ctx.tree.text;
    for (const st of ctx.model.stages) {
      const list = st.instructions;
      for (let i = 1; i < list.length; i++) {
        const ins = list[i], prev = list[i - 1];
        if (ins.name !== 'RUN' || prev.name !== 'RUN') continue;
        if (flagsKey(prev) !== flagsKey(ins)) continue;
        if (topLevelCommands(ins, source) > 2) continue;
        // The whole first line of the later RUN, so the quick fix is at hand anywhere on it.
        const nl = source.indexOf('\n', ins.start);
        const lineEnd = Math.min(nl < 0 ? ins.end : nl, ins.end);
        let end = lineEnd;
        while (end > ins.keywordSpan.end && /[\s\\`]/.test(source[end - 1])) end--;
        ctx.report({
          span: { start: ins.start, end },
          message: {
            en: 'Consecutive RUN instructions: chain this command onto the previous RUN with && to save a layer',
            ko: 'RUN이 연달아 있습니다: 이 명령을 앞 RUN에 &&로 이어 레이어를 하나 줄이세요',
          },
          fixes: [mergeFix(prev, ins, source)],
        });
      }
    }
  },
});
