//! Opt-in audit of inline suppressions (hadolint DL1001): every `# hadolint ignore=`,
//! per-instruction `# check=skip=` and `# dockwise ignore=` comment is reported, so a team can
//! require config-file suppressions instead.
import { defineRule } from '../defineRule';
import { collectPragmas } from '../suppress';

export default defineRule({
  id: 'DF121',
  name: 'inline-ignore-used',
  category: 'style',
  severity: 'off',
  aliases: { hadolint: ['DL1001'] },
  fixable: false,
  docs: {
    en: { title: 'Inline suppression used', rationale: 'Some teams want every suppression in a reviewed config file (`.hadolint.yaml`, `.dockwise.yaml`) rather than scattered in Dockerfiles. Off by default; turn it on to list every inline ignore comment.' },
    ko: { title: '인라인 억제 주석 사용', rationale: '억제 설정을 Dockerfile 곳곳이 아니라 검토된 설정 파일(`.hadolint.yaml`, `.dockwise.yaml`)에 모아 두려는 팀도 있습니다. 기본은 꺼져 있으며, 켜면 인라인 무시 주석을 모두 알려 줍니다.' },
  },
  scope: 'file',
  touches: 'none',
  check(ctx) {
    for (const p of collectPragmas(ctx.tree, ctx.model)) {
      if (p.kind === 'buildkit' && p.scope === 'file') continue;
      const names = p.names.map((n) => n.name).join(', ');
      ctx.report({
        span: p.span,
        message: { en: `Inline suppression of ${names || 'all checks'}; move it to the project configuration`, ko: `${names || '모든 검사'}을(를) 인라인으로 억제했습니다. 프로젝트 설정 파일로 옮기세요` },
      });
    }
  },
});
