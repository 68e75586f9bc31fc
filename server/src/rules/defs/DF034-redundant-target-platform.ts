//! `FROM --platform=$TARGETPLATFORM …` (BuildKit RedundantTargetPlatform, hadolint DL3065):
//! building for the target platform is already the default. As in BuildKit's
//! `reportRedundantTargetPlatform`, only a value that expands to exactly $TARGETPLATFORM
//! (`$TARGETPLATFORM`, `${TARGETPLATFORM}`, `${TARGETPLATFORM:-…}`) is reported.
import { defineRule } from '../defineRule';
import { removeFlagEdit } from '../util/images-stages';

const ONLY_TARGET = /^\$(?:TARGETPLATFORM|\{TARGETPLATFORM(?::?[-?][^}]*)?\})$/;

export default defineRule({
  id: 'DF034',
  name: 'redundant-target-platform',
  category: 'style',
  severity: 'warning',
  aliases: { buildkit: ['RedundantTargetPlatform'], hadolint: ['DL3065'] },
  fixable: true,
  docs: {
    en: {
      title: 'FROM --platform=$TARGETPLATFORM is redundant',
      rationale: 'Every stage is built for the target platform unless told otherwise, so `--platform=$TARGETPLATFORM` changes nothing and only adds noise (and suggests a cross-compilation setup that is not there). Removing it is safe.',
    },
    ko: {
      title: 'FROM --platform=$TARGETPLATFORM은 불필요함',
      rationale: '따로 지정하지 않으면 모든 스테이지는 대상 플랫폼용으로 빌드되므로 `--platform=$TARGETPLATFORM`은 아무것도 바꾸지 않고 읽기만 번거롭게 합니다(크로스 컴파일 설정이 있는 것처럼 보이기도 합니다). 지워도 안전합니다.',
    },
  },
  scope: 'instruction',
  on: ['FROM'],
  checkInstruction(ins, ctx) {
    if (ins.name !== 'FROM') return;
    for (const f of ins.flags) {
      if (f.name !== 'platform' || !f.value || !ONLY_TARGET.test(f.value)) continue;
      ctx.report({
        span: { start: f.start, end: f.end },
        message: {
          en: `Setting platform to predefined ${f.value} in FROM is redundant as this is the default behavior`,
          ko: `FROM에서 플랫폼을 미리 정의된 ${f.value}(으)로 지정하는 것은 기본 동작과 같아 불필요합니다`,
        },
        fixes: [{ title: { en: `Remove --platform=${f.value}`, ko: `--platform=${f.value} 제거` }, edits: [removeFlagEdit(ctx.source, f)], safe: true }],
      });
    }
  },
});
