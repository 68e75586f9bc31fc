//! `.dockerignore` exists but the context still sends `.git` or `node_modules`.
import { settle } from '../../syntax/incremental';
import { formatBytes } from '../../../../protocol/size';
import { defineRule } from '../defineRule';
import { contextSources } from '../util/contextSources';
import { appendToIgnore, baseName } from '../util/contextFacts';

export default defineRule({
  id: 'DF112',
  name: 'dockerignore-missing-common-entries',
  category: 'performance',
  severity: 'hint',
  aliases: {},
  fixable: true,
  docs: {
    en: { title: '.dockerignore misses .git or node_modules', rationale: 'The build context still contains `.git` or `node_modules` although a `.dockerignore` exists. They are sent on every build (slow) and end up in the image with `COPY . .`; dependencies should be installed inside the image instead. The fix appends them.' },
    ko: { title: '.dockerignore에 .git 또는 node_modules가 빠짐', rationale: '`.dockerignore`가 있는데도 빌드 컨텍스트에 `.git`이나 `node_modules`가 들어 있습니다. 빌드할 때마다 전송되어 느리고, `COPY . .`을 쓰면 이미지에도 들어갑니다. 의존성은 이미지 안에서 설치해야 합니다. 빠른 수정이 항목을 추가합니다.' },
  },
  scope: 'file',
  // Reads source values; a source's `word` settles its instruction (util/contextSources.ts),
  // and the first FROM is settled before use.
  touches: 'none',
  // COPY/ADD outlines, ARG/ENV values and the build-context facts: kept across keystrokes in commands.
  reads: 'outline',
  check(ctx) {
    const facts = ctx.external.context;
    if (!facts || !facts.ignorePath) return;
    const heavy = facts.heavy.filter((h) => h.name === '.git' || h.name === 'node_modules');
    // `**/node_modules` also covers the root one: suggest each name once.
    const patterns = [...new Set(heavy.map((h) => (heavy.some((o) => o.name === h.name && o.suggestedPattern.startsWith('**/')) ? '**/' + h.name : h.suggestedPattern)))];
    if (!heavy.length) return;
    const rootCopy = contextSources(ctx.tree, ctx.model).find((s) => facts.sources[s.source]?.isRoot);
    const first = ctx.tree.instructions.find((i) => i.name === 'FROM');
    if (first) settle(first);
    const span = rootCopy ? { start: rootCopy.word.start, end: rootCopy.word.end } : first ? first.keywordSpan : null;
    if (!span) return;
    const what = heavy.map((h) => `${h.path}/ (${h.files} file${h.files === 1 ? '' : 's'}, ${formatBytes(h.bytes)})`).join(', ');
    const whatKo = heavy.map((h) => `${h.path}/ (파일 ${h.files}개, ${formatBytes(h.bytes)})`).join(', ');
    const name = baseName(facts.ignorePath);
    ctx.report({
      span,
      message: { en: `The build context still sends ${what}; add ${patterns.join(' and ')} to ${name}`, ko: `빌드 컨텍스트가 여전히 ${whatKo}을(를) 보냅니다. ${name}에 ${patterns.join(', ')}을(를) 추가하세요` },
      fixes: [appendToIgnore(facts, patterns, { en: `Add ${patterns.join(', ')} to ${name}`, ko: `${name}에 ${patterns.join(', ')} 추가하기` })],
    });
  },
});
