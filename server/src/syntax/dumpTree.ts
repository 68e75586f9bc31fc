//! Stable, human-readable dump of a parse result, used by snapshot tests.
//! Spans print as `line:col-line:col` (0-based, UTF-16), strings as JSON.

import type { DockerfileTree, Instruction, ParseError, Span, TopNode } from './nodes';
import { positionAt } from './lineIndex';

export function dumpTree(tree: DockerfileTree, errors: ParseError[] = []): string {
  const out: string[] = [];
  const sp = (s: Span | null): string => {
    if (!s) return '-';
    const a = positionAt(tree.lineStarts, tree.text.length, s.start);
    const b = positionAt(tree.lineStarts, tree.text.length, s.end);
    return `${a.line}:${a.character}-${b.line}:${b.character}`;
  };
  const q = (s: string | null): string => (s === null ? 'null' : JSON.stringify(s));
  out.push(`escape ${q(tree.escape)}${tree.bom ? ' bom' : ''}`);
  const dumpIns = (n: Instruction, ind: string): void => {
    out.push(`${ind}${n.name}${n.known ? '' : ' (unknown)'} ${sp(n)} kw=${q(n.keyword)}@${sp(n.keywordSpan)}`);
    const i2 = ind + '  ';
    for (const f of n.flags) out.push(`${i2}flag ${q(f.name)}@${sp(f.nameSpan)} = ${q(f.value)}@${sp(f.valueSpan)}`);
    if (n.argsSpan) out.push(`${i2}argsText ${q(n.argsText)}@${sp(n.argsSpan)}`);
    for (const a of n.args) out.push(`${i2}arg ${q(a.raw)} -> ${q(a.value)}@${sp(a)}`);
    if (n.command) {
      const c = n.command;
      out.push(`${i2}command ${c.form}${c.jsonProblem ? ` (${c.jsonProblem})` : ''}@${sp(c.span)}`);
      for (const j of c.json) out.push(`${i2}  json ${q(j.value)}@${sp(j)}`);
    }
    if (n.from) {
      out.push(`${i2}from image=${q(n.from.image?.raw ?? null)} as=${q(n.from.asKeyword?.raw ?? null)} stage=${q(n.from.stageName?.raw ?? null)}`);
    }
    for (const kv of n.keyValues) {
      out.push(`${i2}kv ${q(kv.key)}@${sp(kv.keySpan)} ${kv.hasEquals ? '=' : '~'} ${q(kv.value)} raw=${q(kv.rawValue)}@${sp(kv.valueSpan)}`);
    }
    if (n.healthcheck) {
      const h = n.healthcheck;
      out.push(`${i2}healthcheck ${h.type ?? 'null'}${h.command ? ` command ${h.command.form}@${sp(h.command.span)}` : ''}`);
      for (const j of h.command?.json ?? []) out.push(`${i2}  json ${q(j.value)}@${sp(j)}`);
    }
    for (const v of n.vars) {
      out.push(`${i2}var ${q(v.name)}@${sp(v)}${v.braced ? ' braced' : ''}${v.modifier !== null ? ` mod=${q(v.modifier)} word=${q(v.modifierWord)}` : ''}`);
    }
    for (const c of n.comments) out.push(`${i2}comment ${q(c.text)}@${sp(c)}`);
    for (const e of n.emptyContinuationLines) out.push(`${i2}empty-continuation @${sp(e)}`);
    for (const h of n.heredocs) {
      out.push(`${i2}heredoc ${q(h.name)}${h.chomp ? ' chomp' : ''}${h.expand ? '' : ' noexpand'} marker@${sp(h.markerSpan)} body@${sp(h.bodySpan)} term@${sp(h.terminatorSpan)}`);
      out.push(`${i2}  content ${q(h.content)}`);
    }
    if (n.trigger) dumpIns(n.trigger, i2 + 'trigger ');
    for (const e of n.errors) out.push(`${i2}error ${e.code}@${sp(e)}: ${e.message}`);
  };
  const dumpNode = (n: TopNode): void => {
    if (n.kind === 'directive') out.push(`directive ${q(n.name)}=${q(n.value)} ${sp(n)} value@${sp(n.valueSpan)}`);
    else if (n.kind === 'comment') out.push(`comment ${q(n.text)} ${sp(n)}`);
    else dumpIns(n, '');
  };
  for (const n of tree.nodes) dumpNode(n);
  const nodeErrors = new Set<ParseError>();
  for (const n of tree.instructions) for (const e of n.errors) nodeErrors.add(e);
  for (const e of errors) if (!nodeErrors.has(e)) out.push(`error ${e.code}@${sp(e)}: ${e.message}`);
  return out.join('\n') + '\n';
}
