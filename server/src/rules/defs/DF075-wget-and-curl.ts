//! Both `wget` and `curl` used in one stage (hadolint DL4001). Two download tools do the same
//! job, and both (with their libraries) must be installed in the image. Counted as commands in
//! RUN, CMD, ENTRYPOINT and HEALTHCHECK (a `HEALTHCHECK CMD curl …` needs curl at run time), per
//! stage; reported once, at the first use of the tool that appears second.
import { defineRule } from '../defineRule';
import { commandScript, shellKind, type ShCommand } from '../../shell/commands';
import { lineOfOffset } from '../../syntax/lineIndex';
import { stageFamily } from '../stageFacts';
import { code, isLookup } from '../util/runShell';

export default defineRule({
  id: 'DF075',
  name: 'wget-and-curl',
  category: 'image size',
  severity: 'info',
  aliases: { hadolint: ['DL4001'] },
  fixable: false,
  docs: {
    en: {
      title: 'Use either wget or curl, not both',
      rationale: '`wget` and `curl` do the same job. Using both in one stage means both, with their libraries, have to be installed in the image, and the download steps behave differently (redirects, error codes, proxies). Pick one; `curl -fsSL` is available in most base images.',
    },
    ko: {
      title: 'wget과 curl 중 하나만 쓰세요',
      rationale: '`wget`과 `curl`은 같은 일을 합니다. 한 스테이지에서 둘 다 쓰면 두 도구와 라이브러리를 모두 이미지에 설치해야 하고, 다운로드 단계마다 동작(리다이렉트, 오류 코드, 프록시)도 달라집니다. 하나만 고르세요. 대부분의 베이스 이미지에서는 `curl -fsSL`을 쓸 수 있습니다.',
    },
  },
  scope: 'file',
  perStage: true,
  citesLines: true,
  check({ tree, model, report }) {
    for (const st of model.stages) {
      const family = stageFamily(st);
      if (family === 'windows') continue;
      // The first download with each tool (a shell that is not POSIX is not looked at).
      let curl: ShCommand | null = null;
      let wget: ShCommand | null = null;
      for (const ins of st.instructions) {
        if (curl && wget) break;
        if (ins.name !== 'RUN' && ins.name !== 'CMD' && ins.name !== 'ENTRYPOINT' && ins.name !== 'HEALTHCHECK') continue;
        const script = commandScript(ins, tree.text);
        if (!script) continue;
        let posix: boolean | null = null;
        for (const c of script.commands) {
          if (c.name !== 'curl' && c.name !== 'wget') continue;
          if ((c.name === 'curl' ? curl : wget) || isLookup(c)) continue;
          posix ??= script.form === 'exec' || shellKind(model.shellOf(ins)) === 'posix';
          if (!posix) break;
          if (c.name === 'curl') curl = c; else wget = c;
        }
      }
      if (!curl || !wget) continue;
      const [earlier, later] = curl.start < wget.start ? [curl, wget] : [wget, curl];
      const line = lineOfOffset(tree.lineStarts, earlier.argv[0].start) + 1;
      const w = later.argv[0];
      report({
        span: { start: w.start, end: w.end },
        message: {
          en: `${code(later.name)} is used here, but this stage already downloads with ${code(earlier.name)} (line ${line}); use one tool so the image does not need both`,
          ko: `여기서 ${code(later.name)}을(를) 쓰는데 이 스테이지는 이미 ${code(earlier.name)}(${line}번째 줄)로 내려받고 있습니다. 이미지에 둘 다 필요하지 않도록 한 도구만 쓰세요`,
        },
        related: [{ span: { start: earlier.argv[0].start, end: earlier.argv[0].end }, message: { en: `first use of ${code(earlier.name)}`, ko: `${code(earlier.name)}을(를) 처음 쓴 곳` } }],
      });
    }
  },
});
