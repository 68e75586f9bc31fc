//! The final stage has no HEALTHCHECK (hadolint DL3057, ignored by default there too). Opt-in for
//! service images. Only the final stage is checked, including the stages it is built `FROM`;
//! `HEALTHCHECK NONE` counts as a deliberate choice. A base image's own HEALTHCHECK is unknown here.
//! The fix is a snippet to adapt (unsafe): an HTTP probe on the first EXPOSEd port with the tool
//! the base family usually has (busybox wget on Alpine, curl elsewhere); none for scratch/distroless.
import { defineRule, type Fix } from '../defineRule';
import type { Instruction } from '../../syntax/nodes';
import { describeImageRef } from '../../docs/images';
import { appendLines, insertLinesBefore, stageChain } from '../util/instructionSemantics';

export default defineRule({
  id: 'DF064',
  name: 'healthcheck-missing',
  category: 'reliability',
  severity: 'off',
  aliases: { hadolint: ['DL3057'] },
  fixable: true,
  docs: {
    en: {
      title: 'The final image has no HEALTHCHECK',
      rationale: 'Without a HEALTHCHECK, Docker only knows whether the main process is running, not whether the service answers. A health check lets `docker ps`, Compose `depends_on: condition: service_healthy` and Swarm see a hung service. Off by default: batch jobs and CLI images do not need one, and orchestrators such as Kubernetes use their own probes.',
    },
    ko: {
      title: '최종 이미지에 HEALTHCHECK가 없습니다',
      rationale: 'HEALTHCHECK가 없으면 Docker는 메인 프로세스가 살아 있는지만 알 뿐 서비스가 실제로 응답하는지는 모릅니다. 헬스 체크가 있으면 `docker ps`, Compose의 `depends_on: condition: service_healthy`, Swarm이 멈춘 서비스를 알아챌 수 있습니다. 배치 작업이나 CLI 이미지에는 필요 없고 Kubernetes 같은 오케스트레이터는 자체 프로브를 쓰므로 기본으로 꺼져 있습니다.',
    },
  },
  scope: 'file',
  touches: 'final',
  check({ tree, model, report }) {
    const final = model.stages[model.stages.length - 1];
    if (!final) return;
    const chain = stageChain(final);
    if (chain.some((st) => st.instructions.some((i) => i.name === 'HEALTHCHECK'))) return;
    const root = chain[chain.length - 1];
    const image = root.image ?? root.imageRaw ?? '';
    const ref = describeImageRef(image);

    let port: string | null = null;
    for (const st of [...chain].reverse()) {
      for (const i of st.instructions) {
        if (i.name !== 'EXPOSE') continue;
        for (const a of i.args) {
          const m = /^(\d+)(\/tcp)?$/i.exec(a.value);
          if (m && port === null) port = m[1];
        }
      }
    }
    const fixes: Fix[] = [];
    if (ref.family !== 'scratch' && ref.family !== 'distroless' && ref.family !== 'windows') {
      const url = `http://localhost:${port ?? '8080'}/`;
      const probe = ref.family === 'alpine' ? `wget -q --spider ${url} || exit 1` : `curl -fsS ${url} || exit 1`;
      const line = `HEALTHCHECK --timeout=5s CMD ${probe}`;
      const startCmd: Instruction | undefined = final.instructions.find((i) => i.name === 'CMD' || i.name === 'ENTRYPOINT');
      fixes.push({
        title: { en: `Add ${line} (adjust the probe)`, ko: `${line} 추가(검사 명령은 맞게 고치세요)` },
        edits: [startCmd ? insertLinesBefore(tree, startCmd, [line]) : appendLines(tree, [line])],
        safe: false,
      });
    }
    const fromWord = final.from.from?.image ?? final.from.keywordSpan;
    report({
      span: { start: final.from.keywordSpan.start, end: fromWord.end },
      message: {
        en: `the final stage (FROM ${final.imageRaw ?? image}) has no HEALTHCHECK, so Docker cannot tell whether the service${port ? ` on port ${port}` : ''} is answering`,
        ko: `최종 스테이지(FROM ${final.imageRaw ?? image})에 HEALTHCHECK가 없어 Docker가 서비스${port ? `(포트 ${port})` : ''}가 응답하는지 알 수 없습니다`,
      },
      fixes,
    });
  },
});
