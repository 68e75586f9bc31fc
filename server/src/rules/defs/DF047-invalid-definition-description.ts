//! BuildKit's experimental InvalidDefinitionDescription (`validateDefinitionDescription` in
//! frontend/dockerfile/instructions/parse.go): the comment line directly above `ARG name` or
//! `FROM … AS name` is used as the description by `docker buildx build --call=outline` /
//! `--call=targets`, and must then start with the name: `# name <description>`. BuildKit compares
//! the first space-separated word of that comment with the ARG keys, or with the stage name
//! (which it lower-cases). Off by default, like the experimental check.
//!
//! Differences: suppression comments (`# check=skip=…`, `# hadolint ignore=…`,
//! `# dockwise ignore=…`, `# dockerfile-lint ignore=…`) right above the instruction are not treated as
//! descriptions, and parser directives never are.
import { defineRule } from '../defineRule';
import type { Comment, Instruction } from '../../syntax/nodes';

const PRAGMA = /^(check\s*=|hadolint\s|hadolint-|dockwise\s|dockwise-|dockerfile-lint\s)/i;

function definedNames(ins: Instruction): string[] | null {
  if (ins.name === 'ARG') return ins.keyValues.length ? ins.keyValues.map((kv) => kv.key) : null;
  if (ins.name === 'FROM' && ins.from?.stageName && ins.from.asKeyword?.value.toLowerCase() === 'as') return [ins.from.stageName.value.toLowerCase()];
  return null;
}

export default defineRule({
  id: 'DF047',
  name: 'invalid-definition-description',
  category: 'style',
  severity: 'off',
  aliases: { buildkit: ['InvalidDefinitionDescription'] },
  fixable: false,
  docs: {
    en: {
      title: 'Description comment does not start with the name',
      rationale: 'docker buildx build --call=outline and --call=targets show the comment directly above an ARG or a named FROM as its description, in the form `# <name> <description>`. A comment there that does not start with the name is either a wrong description or needs an empty line to separate it. Experimental in BuildKit; opt-in.',
    },
    ko: {
      title: '설명 주석이 이름으로 시작하지 않습니다',
      rationale: 'docker buildx build --call=outline과 --call=targets는 ARG나 이름 붙은 FROM 바로 위의 주석을 `# <이름> <설명>` 형식의 설명으로 보여 줍니다. 그 자리의 주석이 이름으로 시작하지 않으면 설명이 잘못되었거나, 빈 줄을 넣어 분리해야 합니다. BuildKit에서도 실험적 검사이므로 직접 켜야 합니다.',
    },
  },
  scope: 'file',
  check(ctx) {
    const { tree } = ctx;
    const nodes = tree.nodes;
    for (let k = 1; k < nodes.length; k++) {
      const ins = nodes[k];
      if (ins.kind !== 'instruction') continue;
      const names = definedNames(ins);
      if (!names) continue;
      const prev = nodes[k - 1];
      if (prev.kind !== 'comment') continue;
      const c = prev as Comment;
      const between = tree.text.slice(c.end, ins.start);
      if (!/^[ \t]*\r?\n[ \t]*$/.test(between)) continue; // not directly above
      if (!c.text || PRAGMA.test(c.text)) continue;
      const first = c.text.split(' ')[0];
      if (names.includes(first)) continue;
      const shown = names.length > 1 ? '<arg_key>' : names[0];
      const what = ins.name === 'ARG' ? 'ARG' : 'FROM';
      ctx.report({
        span: { start: c.start, end: c.end },
        message: {
          en: `Comment for ${what} should follow the format: \`# ${shown} <description>\` (it is shown as the description of ${names.join(', ')} by --call=outline); add an empty line if it is not meant as a description`,
          ko: `${what}의 주석은 \`# ${shown} <설명>\` 형식이어야 합니다(--call=outline이 ${names.join(', ')}의 설명으로 보여 줍니다). 설명으로 쓰려던 주석이 아니면 빈 줄로 분리하세요`,
        },
      });
    }
  },
});
