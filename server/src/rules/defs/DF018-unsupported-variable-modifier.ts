//! `${var<op>word}` with an operator BuildKit's shell lexer does not support (e.g. `:=`).
//! Supported (moby/buildkit frontend/dockerfile/shell/lex.go): -, +, ? with or without `:`,
//! and the pattern forms #, ##, %, %%, /, //.
import { defineRule } from '../defineRule';

/** Instructions whose variables BuildKit does not expand (RUN and shell-form CMD/ENTRYPOINT: the shell does). */
const NOT_BUILDER_EXPANDED = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'ONBUILD', 'SHELL', 'MAINTAINER']);
const SUPPORTED = new Set([':-', '-', ':+', '+', ':?', '?', '#', '##', '%', '%%', '/', '//']);

export default defineRule({
  id: 'DF018',
  name: 'unsupported-variable-modifier',
  category: 'error',
  severity: 'error',
  aliases: {},
  fixable: false,
  docs: {
    en: { title: 'Unsupported variable modifier', rationale: 'Dockerfile variable substitution supports ${v:-w}, ${v:+w}, ${v:?w} (with or without the colon) and the pattern forms #, ##, %, %%, /, //. Other shell operators such as ${v:=w} fail the build.' },
    ko: { title: '지원하지 않는 변수 수식자', rationale: 'Dockerfile 변수 치환은 ${v:-w}, ${v:+w}, ${v:?w}(콜론 생략 가능)와 패턴 형식 #, ##, %, %%, /, //만 지원합니다. ${v:=w} 같은 다른 셸 연산자는 빌드를 실패시킵니다.' },
  },
  scope: 'instruction',
  checkInstruction(ins, ctx) {
    if (NOT_BUILDER_EXPANDED.has(ins.name)) return;
    for (const v of ins.vars) {
      if (v.modifier === null || SUPPORTED.has(v.modifier)) continue;
      ctx.report({
        span: v,
        message: { en: `unsupported modifier (${v.modifier}) in substitution`, ko: `변수 치환에서 지원하지 않는 수식자(${v.modifier})입니다 (:-, :+, :? 등을 쓰세요)` },
      });
    }
  },
});
