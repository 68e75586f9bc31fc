//! `ADD https://…` without `--checksum`: the download is not pinned, so a changed or compromised
//! file is built in silently. ADD --checksum=<algo>:<hash> for HTTP(S) sources graduated from labs
//! in Dockerfile 1.6 (moby/buildkit#3979). Git sources (`….git`, `…#ref`, `git@…`) are skipped.
//! The fix only inserts `--checksum=sha256:`: the hash has to be filled in, so it is not safe.
import { defineRule, type Fix, type InstructionRuleContext } from '../defineRule';
import type { Instruction } from '../../syntax/nodes';

const isHttp = (v: string) => /^https?:\/\//i.test(v);
const isGit = (v: string) => /\.git(#|\/?$)/i.test(v) || /^git@/.test(v) || /^git:\/\//.test(v);

/** The findings of one instruction (an ONBUILD and its trigger are checked apart). */
function check(i: Instruction, ctx: InstructionRuleContext): void {
  if (i.name !== 'ADD' || i.args.length < 2) return;
  if (i.flags.some((f) => f.name.toLowerCase() === 'checksum')) return;
  const sources = i.args.slice(0, -1);
  for (const src of sources) {
    if (!isHttp(src.value) || isGit(src.value)) continue;
    const fixes: Fix[] = [];
    // BuildKit: "checksum can't be specified for multiple sources".
    if (sources.length === 1) {
      fixes.push({
        title: { en: 'Insert --checksum=sha256: (fill in the hash)', ko: '--checksum=sha256: 넣기(해시를 채우세요)' },
        edits: [{ start: i.keywordSpan.end, end: i.keywordSpan.end, newText: ' --checksum=sha256:' }],
        safe: false,
      });
    }
    ctx.report({
      span: src,
      message: {
        en: `ADD downloads ${src.value} without --checksum, so the file is not verified; pin it with --checksum=sha256:<hash>${sources.length > 1 ? ' (one URL per ADD: checksum cannot be given for several sources)' : ''}`,
        ko: `ADD가 ${src.value}을(를) --checksum 없이 내려받아 내용이 검증되지 않습니다. --checksum=sha256:<해시>로 고정하세요${sources.length > 1 ? ' (원본이 여러 개면 checksum을 줄 수 없으니 ADD 하나에 URL 하나만 두세요)' : ''}`,
      },
      fixes,
    });
  }
}

export default defineRule({
  id: 'DF060',
  name: 'add-url-without-checksum',
  category: 'security',
  severity: 'info',
  aliases: {},
  fixable: true,
  docs: {
    en: {
      title: 'Remote ADD without --checksum',
      rationale: '`ADD <url>` downloads whatever the server returns at build time. If the file changes or the server is compromised, the image silently contains different bytes. `ADD --checksum=sha256:<hash> <url> <dest>` makes the build fail unless the download matches the pinned hash.',
    },
    ko: {
      title: '원격 ADD에 --checksum이 없습니다',
      rationale: '`ADD <url>`은 빌드할 때 서버가 돌려주는 내용을 그대로 받습니다. 파일이 바뀌거나 서버가 침해되면 이미지에 다른 내용이 조용히 들어갑니다. `ADD --checksum=sha256:<해시> <url> <대상>`을 쓰면 내려받은 내용이 고정한 해시와 다를 때 빌드가 실패합니다.',
    },
  },
  scope: 'instruction',
  on: ['ADD'],
  checkInstruction(ins, ctx) {
    check(ins, ctx);
    if (ins.trigger) check(ins.trigger, ctx);
  },
});
