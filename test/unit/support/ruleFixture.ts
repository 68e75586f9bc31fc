//! Renders a rule's findings on a fixture as stable text: one line per finding, then each
//! fix as the fixed file (so snapshots show before/after text).
import { parse } from '../../../server/src/syntax/parser';
import { buildModel } from '../../../server/src/semantics/model';
import { resolveSeverities, runRules, type Finding } from '../../../server/src/rules/engine';
import type { Rule } from '../../../server/src/rules/defineRule';
import type { ExternalFacts } from '../../../server/src/rules/defineRule';
import { positionAt } from '../../../server/src/syntax/lineIndex';
import { applyEdits } from '../../../server/src/service/fixAll';

export function findingsFor(text: string, rule: Rule | null, external: ExternalFacts = {}, enableAll = true): Finding[] {
  const { tree } = parse(text);
  const overrides: Record<string, string> = {};
  if (rule && rule.severity === 'off') overrides[rule.id] = 'warning';
  const sev = resolveSeverities(overrides);
  if (enableAll) for (const [r, s] of sev) if (s === 'off' && r === rule) sev.set(r, 'warning');
  const all = runRules(tree, buildModel(tree), { severities: sev, external });
  return rule ? all.filter((f) => f.rule === rule) : all;
}

export function renderFindings(text: string, findings: Finding[]): string {
  const { tree } = parse(text);
  const pos = (o: number) => {
    const p = positionAt(tree.lineStarts, text.length, o);
    return `${p.line + 1}:${p.character + 1}`;
  };
  const out: string[] = [];
  for (const f of findings) {
    out.push(`${pos(f.span.start)}-${pos(f.span.end)} ${f.severity} ${f.rule.id} ${f.rule.name}: ${f.message.en}`);
    out.push(`    ko: ${f.message.ko}`);
    for (const fix of f.fixes) {
      out.push(`  fix${fix.safe ? ' (safe)' : ''}: ${fix.title.en} | ${fix.title.ko}${fix.disabled ? ` (disabled: ${fix.disabled.en} | ${fix.disabled.ko})` : ''}`);
      if (fix.edits.length) {
        const after = applyEdits(text, fix.edits);
        for (const l of after.split('\n')) out.push(`    | ${l}`);
      }
      if (fix.otherFile) out.push(`    ${fix.otherFile.create ? "create" : "edit"} ${fix.otherFile.path} at ${fix.otherFile.insertAt.line}:${fix.otherFile.insertAt.character}${fix.otherFile.replaceTo ? `-${fix.otherFile.replaceTo.line}:${fix.otherFile.replaceTo.character}` : ""}: ${JSON.stringify(fix.otherFile.text)}`);
    }
  }
  return out.join('\n') + '\n';
}
