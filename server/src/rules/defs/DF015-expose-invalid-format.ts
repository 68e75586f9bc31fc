//! EXPOSE with an IP or host-port mapping (BuildKit ExposeInvalidFormat); EXPOSE is not `-p`.
import { defineRule } from '../defineRule';

export default defineRule({
  id: 'DF015',
  name: 'expose-invalid-format',
  category: 'correctness',
  severity: 'warning',
  aliases: { buildkit: ['ExposeInvalidFormat'] },
  fixable: true,
  docs: {
    en: { title: 'EXPOSE takes container ports only', rationale: 'EXPOSE documents the container port; IP addresses and host ports belong to `docker run -p`. BuildKit warns (ExposeInvalidFormat) and will make it an error.' },
    ko: { title: 'EXPOSE에는 컨테이너 포트만 씁니다', rationale: 'EXPOSE는 컨테이너 포트를 알리는 용도입니다. IP 주소나 호스트 포트는 `docker run -p`에서 정합니다. BuildKit이 경고(ExposeInvalidFormat)하며 앞으로 오류가 됩니다.' },
  },
  scope: 'instruction',
  on: ['EXPOSE'],
  checkInstruction(ins, ctx) {
    if (ins.name !== 'EXPOSE') return;
    for (const a of ins.args) {
      if (!a.value.includes(':') || a.value.includes('$')) continue;
      const container = a.value.slice(a.value.lastIndexOf(':') + 1);
      ctx.report({
        span: a,
        message: {
          en: `EXPOSE ${a.value}: an IP address or host port cannot be set here; use EXPOSE ${container} and publish with docker run -p`,
          ko: `EXPOSE ${a.value}: 여기서는 IP 주소나 호스트 포트를 정할 수 없습니다. EXPOSE ${container}로 쓰고 docker run -p로 연결하세요`,
        },
        fixes: container && a.end - a.start === a.raw.length ? [{ title: { en: `Keep only ${container}`, ko: `${container}만 남기기` }, edits: [{ start: a.start, end: a.end, newText: container }], safe: true }] : [],
      });
    }
  },
});
