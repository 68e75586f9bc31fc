//! COPY/ADD to a relative destination while no WORKDIR has been set in the stage or the stages it
//! is built from (hadolint DL3045): the files land relative to the base image's WORKDIR, which the
//! Dockerfile does not show and which can change with the base image.
//! Destinations that start with an unresolved variable are skipped; ONBUILD triggers run in the
//! child image's WORKDIR and are skipped too. Both fixes are unsafe: the base image's WORKDIR is
//! unknown here, so neither `WORKDIR /app` nor `/dest` is guaranteed to be where files went before.
import { defineRule, type Fix } from '../defineRule';
import { insertLinesBefore, stageChain } from '../util/instructionSemantics';

const isAbs = (p: string) => p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p) || p.startsWith('\\');

/** `/`-prefixed form of a relative destination: `.` → `/`, `./app/` → `/app/`. */
function absolutise(dest: string): string {
  let d = dest;
  while (d.startsWith('./')) d = d.slice(2);
  if (d === '.' || d === '') return '/';
  return '/' + d;
}

export default defineRule({
  id: 'DF054',
  name: 'copy-relative-dest-without-workdir',
  category: 'portability',
  severity: 'warning',
  aliases: { hadolint: ['DL3045'] },
  fixable: true,
  docs: {
    en: {
      title: 'Relative COPY destination without a WORKDIR',
      rationale: 'A relative destination is resolved against the current WORKDIR. If the stage (and the stages it is built from) never set one, that is the base image\'s WORKDIR: `/` for many images, something else for others, and it may change when the base image is updated. Set WORKDIR first, or use an absolute destination.',
    },
    ko: {
      title: 'WORKDIR 없이 COPY 대상이 상대 경로입니다',
      rationale: '상대 경로 대상은 현재 WORKDIR를 기준으로 해석됩니다. 스테이지(그리고 그 부모 스테이지)에서 WORKDIR를 정하지 않았다면 베이스 이미지의 WORKDIR가 기준이 됩니다. 많은 이미지에서 `/`이지만 다른 이미지도 있고, 베이스 이미지가 바뀌면 달라질 수도 있습니다. 먼저 WORKDIR를 정하거나 절대 경로를 쓰세요.',
    },
  },
  scope: 'file',
  perStage: true,
  check({ tree, model, report }) {
    for (const st of model.stages) {
      if (stageChain(st.parent).some((p) => p.instructions.some((i) => i.name === 'WORKDIR'))) continue;
      let offeredWorkdir = false;
      for (const ins of st.instructions) {
        if (ins.name === 'WORKDIR') break;
        if ((ins.name !== 'COPY' && ins.name !== 'ADD') || ins.args.length < 2) continue;
        const dest = ins.args[ins.args.length - 1];
        let v = dest.value;
        if (v.includes('$')) {
          v = model.expand(v, ins);
          if (v.startsWith('$')) continue; // `$APP_HOME/`: cannot tell
        }
        if (!v || isAbs(v)) continue;
        const quoted = /^["']/.test(dest.raw);
        const plain = !dest.raw.includes('$') && dest.raw.replace(/^["']|["']$/g, '') === dest.value;
        const fixes: Fix[] = [];
        if (!offeredWorkdir) {
          offeredWorkdir = true;
          fixes.push({ title: { en: 'Insert WORKDIR /app before this instruction', ko: '이 명령어 앞에 WORKDIR /app 넣기' }, edits: [insertLinesBefore(tree, ins, [ins.keyword === ins.keyword.toLowerCase() ? 'workdir /app' : 'WORKDIR /app'])], safe: false });
        }
        if (plain) {
          const abs = absolutise(dest.value);
          const inner = { start: dest.start + (quoted ? 1 : 0), end: dest.end - (quoted ? 1 : 0) };
          fixes.push({ title: { en: `Make the destination absolute: ${abs}`, ko: `대상을 절대 경로 ${abs}(으)로 바꾸기` }, edits: [{ ...inner, newText: abs }], safe: false });
        } else {
          const at = dest.start + (quoted ? 1 : 0);
          fixes.push({ title: { en: 'Make the destination absolute (prefix /)', ko: '대상을 절대 경로로 바꾸기(앞에 / 붙이기)' }, edits: [{ start: at, end: at, newText: '/' }], safe: false });
        }
        const shown = v !== dest.value ? `"${dest.value}" (= "${v}")` : `"${dest.value}"`;
        report({
          span: dest,
          message: {
            en: `${ins.keyword} destination ${shown} is relative and no WORKDIR is set in this stage${st.parent ? ' or its parent stages' : ''}, so it depends on the base image's WORKDIR; set WORKDIR first or use an absolute path`,
            ko: `${ins.keyword}의 대상 ${shown}은(는) 상대 경로인데 이 스테이지${st.parent ? '와 부모 스테이지' : ''}에 WORKDIR가 없어 베이스 이미지의 WORKDIR에 따라 달라집니다. 먼저 WORKDIR를 정하거나 절대 경로를 쓰세요`,
          },
          fixes,
        });
      }
    }
  },
});

