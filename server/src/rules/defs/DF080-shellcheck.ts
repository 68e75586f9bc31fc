//! ShellCheck inside RUN, the hadolint way (rules.md §2.2): shell-form RUN (and ONBUILD RUN,
//! and `RUN <<EOF` script bodies) with a preamble of `#!<SHELL>` and `export NAME=1` for every
//! ARG/ENV visible, so ShellCheck knows the Dockerfile's variables (and can say "did you mean
//! NODE_VERSION?"). Each finding keeps ShellCheck's severity and code (`# hadolint ignore=SC2086`
//! suppresses just that code) and its fix as edits. Needs the `shellcheck` binary, passed in
//! as `external.shellcheck`; without it the rule is silent.
import { defineRule, type Fix, type ShellcheckComment } from '../defineRule';
import type { Instruction } from '../../syntax/nodes';
import { cleanContinuations, identityText, type MappedText } from '../../shell/parser';
import { shellKind } from '../../shell/commands';
import { PROXY_ARGS } from '../../semantics/model';

const LEVEL = { error: 'error', warning: 'warning', info: 'info', style: 'hint' } as const;

function dialectOf(shell: readonly string[]): 'sh' | 'bash' | 'dash' | 'ksh' {
  const exe = (shell[0] ?? '').split('/').pop() ?? '';
  if (exe === 'bash' || exe === 'zsh') return 'bash';
  if (exe === 'dash') return 'dash';
  if (exe === 'ksh' || exe === 'mksh') return 'ksh';
  return 'sh';
}

function lineStarts(t: string): number[] {
  const out = [0];
  for (let i = 0; i < t.length; i++) if (t.charCodeAt(i) === 10) out.push(i + 1);
  return out;
}

export default defineRule({
  id: 'DF080',
  name: 'shellcheck',
  category: 'correctness',
  severity: 'warning',
  aliases: {},
  fixable: true,
  docs: {
    en: { title: 'ShellCheck finding in RUN', rationale: 'ShellCheck finds real shell bugs inside RUN: unquoted variables that split, `cd` without `|| exit`, misspelt variables, useless `cat`. Dockwise runs it like hadolint does (SHELL as the shebang, ARG/ENV names exported) and keeps its severity, code and fix. Needs the `shellcheck` binary (Debian package `shellcheck`).' },
    ko: { title: 'RUN 안의 ShellCheck 지적', rationale: 'ShellCheck는 RUN 안의 실제 셸 버그를 찾습니다: 따옴표 없는 변수의 단어 분리, `|| exit` 없는 `cd`, 변수 이름 오타, 불필요한 `cat` 등. Dockwise는 hadolint와 같은 방식(SHELL을 셔뱅으로, ARG/ENV 이름을 export)으로 실행하고 심각도, 코드, 수정안을 그대로 씁니다. `shellcheck` 실행 파일(Debian 패키지 `shellcheck`)이 필요합니다.' },
  },
  scope: 'file',
  check(ctx) {
    const run = ctx.external.shellcheck;
    if (!run) return;
    const source = ctx.tree.text;
    for (const top of ctx.tree.instructions) {
      const ins: Instruction | null = top.name === 'ONBUILD' ? top.trigger : top;
      if (!ins || ins.name !== 'RUN' || !ins.command || ins.command.form !== 'shell') continue;
      const shell = ctx.model.shellOf(top);
      if (shellKind(shell) !== 'posix') continue;
      const scripts: MappedText[] = [];
      const onlyHeredoc = ins.heredocs.length > 0 && /^(\s*<<-?\s*['"]?[\w.-]+['"]?\s*)+$/.test(ins.command.text);
      if (onlyHeredoc) {
        for (const h of ins.heredocs) {
          if (h.content.startsWith('#!') && !/^#!\s*\S*\b(sh|bash|dash|ksh|ash)\b/.test(h.content)) continue;
          scripts.push(identityText(source, h.bodySpan.start, h.bodySpan.end));
        }
      } else if (ins.heredocs.length === 0) {
        scripts.push(cleanContinuations(source, ins.command.span.start, ins.command.span.end, ins.escape));
      }
      const names = [...ctx.model.scopeAt(top).keys(), ...PROXY_ARGS].filter((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n));
      const dialect = dialectOf(shell);
      const preamble = [`#!${shell[0] ?? '/bin/sh'}`, ...[...new Set(names)].map((n) => `export ${n}=1`)];
      for (const mt of scripts) {
        const body = mt.text.startsWith('#!') ? mt.text.replace(/^#![^\n]*/, '') : mt.text;
        const script = preamble.join('\n') + '\n' + body + '\n';
        const comments = run(script, dialect);
        if (!comments) continue;
        const ls = lineStarts(body);
        const offset = mt.text.length - body.length;
        const pos = (line: number, col: number): number | null => {
          const l = line - preamble.length - 1;
          if (l < 0 || l >= ls.length) return null;
          const i = Math.min(ls[l] + col - 1, body.length) + offset;
          return mt.map[Math.max(0, Math.min(i, mt.map.length - 1))];
        };
        for (const c of comments as ShellcheckComment[]) {
          const start = pos(c.line, c.column);
          const end = pos(c.endLine, c.endColumn);
          if (start === null || end === null) continue;
          const fixes: Fix[] = [];
          if (c.fix?.replacements?.length) {
            const edits = c.fix.replacements.map((r) => ({ start: pos(r.line, r.column), end: pos(r.endLine, r.endColumn), newText: r.replacement }));
            if (edits.every((e) => e.start !== null && e.end !== null)) {
              fixes.push({ title: { en: `Apply ShellCheck's fix for SC${c.code}`, ko: `SC${c.code}에 대한 ShellCheck 수정 적용` }, edits: edits as { start: number; end: number; newText: string }[], safe: false });
            }
          }
          ctx.report({
            span: { start, end: Math.max(start, end) },
            subcode: `SC${c.code}`,
            severity: LEVEL[c.level] ?? 'warning',
            message: { en: `SC${c.code}: ${c.message}`, ko: `SC${c.code}: ${c.message} (ShellCheck, 영문 메시지)` },
            fixes,
          });
        }
      }
    }
  },
});
