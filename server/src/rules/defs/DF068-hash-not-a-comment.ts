//! `COPY --from=builder /app/dist ./dist  # build output`: Docker only treats a line whose first
//! non-blank character is `#` as a comment (Dockerfile reference, "Format": "Docker treats lines
//! that begin with # as a comment … A # marker anywhere else in a line is treated as an
//! argument"). The trailing text becomes arguments: for COPY/ADD the last word is taken as the
//! destination, so this is escalated to an error. Shell-form RUN/CMD/ENTRYPOINT/HEALTHCHECK are
//! not checked: there the shell itself treats ` #` as the start of a comment.
import { defineRule } from '../defineRule';
import type { Fix, InstructionRuleContext } from '../defineRule';
import type { Instruction } from '../../syntax/nodes';

const SHELL_RUN = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'ONBUILD']);

interface Hash { hash: number; wsStart: number; end: number; continues: boolean; text: string }

/** The first unquoted ` #` in the argument text of `i` (not a full comment line inside a continuation). */
function findHash(i: Instruction, src: string): Hash | null {
  if (!i.argsSpan) return null;
  const from = i.argsSpan.start;
  const to = Math.min(i.argsSpan.end, Math.max(i.headSpan.end, from));
  // No `#` after the first character: nothing to find (a quick scan before the quote-aware one).
  const first = src.indexOf('#', from + 1);
  if (first < 0 || first >= to) return null;
  const esc = i.escape;
  let q: string | null = null;
  for (let p = from; p < to; p++) {
    const c = src[p];
    if (q) {
      if (c === esc && q === '"') p++;
      else if (c === q) q = null;
      continue;
    }
    if (c === '"' || c === "'") { q = c; continue; }
    if (c === esc) { p++; continue; }
    if (c !== '#' || p === from) continue;
    const prev = src[p - 1];
    if (prev !== ' ' && prev !== '\t') continue;
    if (i.comments.some((cm) => p >= cm.start && p < cm.end)) continue;
    // Whole-line comment inside a continuation: only blanks since the line start.
    const ls = src.lastIndexOf('\n', p - 1) + 1;
    if (ls > from && /^[ \t]*$/.test(src.slice(ls, p))) continue;
    let wsStart = p;
    while (wsStart > from && (src[wsStart - 1] === ' ' || src[wsStart - 1] === '\t')) wsStart--;
    let end = src.indexOf('\n', p);
    if (end < 0 || end > i.argsSpan.end) end = i.argsSpan.end;
    let text = src.slice(p, end).replace(/\r$/, '').replace(/\s+$/, '');
    end = p + text.length;
    const continues = end < i.argsSpan.end;
    if (continues && text.endsWith(esc)) text = text.slice(0, -1).replace(/\s+$/, '');
    return { hash: p, wsStart, end, continues, text };
  }
  return null;
}

function checkOne(i: Instruction, top: Instruction, ctx: InstructionRuleContext): void {
  if (!i.known || SHELL_RUN.has(i.name)) return;
  const h = findHash(i, ctx.source);
  if (!h) return;
  const copy = i.name === 'COPY' || i.name === 'ADD';
  if (!copy && !h.continues && /^#[0-9A-Fa-f]{3,8}$/.test(h.text)) return; // a colour value such as #fff
  const shown = h.text.length > 40 ? h.text.slice(0, 39) + '…' : h.text;
  let en: string;
  let ko: string;
  if (copy) {
    const k = i.args.findIndex((w) => w.start >= h.hash);
    const extra = k >= 0 ? i.args.slice(k).map((w) => w.value) : [];
    const dest = i.args.length ? i.args[i.args.length - 1].value : '';
    const meant = k > 0 ? i.args[k - 1].value : '';
    const list = extra.map((w) => `"${w}"`).join(', ');
    en = `"${shown}" is not a comment: only a # at the start of a line starts one, so ${i.name} gets ${list} as ${extra.length} more argument${extra.length === 1 ? '' : 's'}; "${dest}" becomes the destination${meant ? ` and "${meant}" is treated as a source` : ''}`;
    ko = `"${shown}"은(는) 주석이 아닙니다. 줄 맨 앞의 #만 주석이 되므로 ${i.name} 명령은 ${list}을(를) 인자 ${extra.length}개로 더 받습니다. "${dest}"이(가) 대상 경로가 되고${meant ? ` "${meant}"은(는) 복사할 원본으로 취급됩니다` : ''}`;
  } else {
    en = `"${shown}" is not a comment: only a # at the start of a line starts one, so ${i.name} receives it as part of its arguments`;
    ko = `"${shown}"은(는) 주석이 아닙니다. 줄 맨 앞의 #만 주석이 되므로 ${i.name} 명령은 이 텍스트를 인자의 일부로 받습니다`;
  }
  const fixes: Fix[] = [];
  if (!h.continues && h.wsStart > i.argsSpan!.start) {
    fixes.push({
      title: { en: 'Move the text to a comment line above', ko: '텍스트를 위쪽 주석 줄로 옮기기' },
      edits: [
        { start: top.start, end: top.start, newText: `${h.text}${ctx.source[h.end] === '\r' ? '\r\n' : '\n'}` },
        { start: h.wsStart, end: h.end, newText: '' },
      ],
      safe: true,
    });
  }
  ctx.report({
    span: { start: h.hash, end: h.end },
    message: { en, ko },
    ...(copy ? { severity: 'error' as const } : {}),
    fixes,
  });
}

export default defineRule({
  id: 'DF068',
  name: 'hash-not-a-comment',
  category: 'correctness',
  severity: 'warning',
  aliases: {},
  fixable: true,
  docs: {
    en: {
      title: '# in the middle of a line is not a comment',
      rationale: 'Only a line whose first non-blank character is # is a comment. `COPY --from=builder /app/dist ./dist  # build output` passes "#", "build" and "output" as extra sources and makes "output" the destination; in WORKDIR, USER, ENV, LABEL or EXPOSE the text becomes part of the value. Shell-form RUN, CMD and ENTRYPOINT are fine: the shell ignores the rest of the line.',
    },
    ko: {
      title: '줄 중간의 #은 주석이 아닙니다',
      rationale: '첫 번째 공백 아닌 문자가 #인 줄만 주석입니다. `COPY --from=builder /app/dist ./dist  # build output`은 "#", "build", "output"을 원본 인자로 더 넘기고 "output"을 대상 경로로 만듭니다. WORKDIR, USER, ENV, LABEL, EXPOSE에서는 그 텍스트가 값의 일부가 됩니다. 셸 형식의 RUN, CMD, ENTRYPOINT는 셸이 나머지를 주석으로 무시하므로 괜찮습니다.',
    },
  },
  scope: 'instruction',
  checkInstruction(ins, ctx) {
    checkOne(ins, ins, ctx);
    if (ins.trigger) checkOne(ins.trigger, ins, ctx);
  },
});
