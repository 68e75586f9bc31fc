//! Argument count and shape errors BuildKit reports while parsing instructions
//! (instructions/parse.go: "FROM requires either one or three arguments", "COPY requires at
//! least two arguments", "Unknown type … in HEALTHCHECK (try CMD)", …).
import { defineRule, type InstructionRuleContext } from '../defineRule';
import type { Instruction } from '../../syntax/nodes';

type Msg = { en: string; ko: string };

function problem(i: Instruction): Msg | null {
  const n = i.args.length;
  const empty = i.argsSpan === null && i.heredocs.length === 0;
  switch (i.name) {
    case 'FROM':
      if (n === 0) return { en: 'FROM requires either one or three arguments', ko: 'FROM에는 인자가 1개 또는 3개 필요합니다 (예: FROM alpine:3.20 AS build)' };
      if (n !== 1 && n !== 3) return { en: 'FROM requires either one or three arguments', ko: 'FROM에는 인자가 1개 또는 3개 필요합니다 (예: FROM alpine:3.20 AS build)' };
      if (n === 3 && !/^as$/i.test(i.args[1].value)) return { en: 'When using FROM with three arguments, second argument must be "AS"', ko: 'FROM에 인자가 3개이면 두 번째 인자는 "AS"여야 합니다' };
      return null;
    case 'COPY': case 'ADD':
      if (n < 2) return { en: `${i.name} requires at least two arguments, but only ${n === 0 ? 'none were' : 'one was'} provided. Destination could not be determined.`, ko: `${i.name}에는 원본과 대상, 최소 두 개의 인자가 필요합니다. 대상 경로를 알 수 없습니다.` };
      return null;
    case 'ENV': case 'LABEL':
      if (empty) return { en: `${i.name} requires at least one argument`, ko: `${i.name}에는 인자가 최소 하나 필요합니다` };
      if (i.keyValues.length === 1 && !i.keyValues[0].hasEquals && i.keyValues[0].value === null) {
        return { en: `${i.name} must have two arguments`, ko: `${i.name}에는 키와 값이 모두 필요합니다 (예: ${i.name} ${i.keyValues[0].key}=값)` };
      }
      return null;
    case 'RUN': case 'EXPOSE': case 'VOLUME': case 'ONBUILD': case 'ARG': case 'SHELL': case 'HEALTHCHECK':
    case 'WORKDIR': case 'USER': case 'STOPSIGNAL': case 'MAINTAINER':
      if (empty) return { en: `${i.name} requires at least one argument`, ko: `${i.name}에는 인자가 최소 하나 필요합니다` };
      break;
  }
  if (i.name === 'HEALTHCHECK' && i.healthcheck) {
    const h = i.healthcheck;
    if (h.type === null && h.typeWord) return { en: `Unknown type "${h.typeWord.value}" in HEALTHCHECK (try CMD)`, ko: `HEALTHCHECK의 종류 "${h.typeWord.value}"을(를) 알 수 없습니다 (CMD 또는 NONE)` };
    if (h.type === 'NONE' && i.args.length > 1) return { en: 'HEALTHCHECK NONE takes no arguments', ko: 'HEALTHCHECK NONE 뒤에는 인자를 쓸 수 없습니다' };
    if (h.type === 'CMD' && (!h.command || h.command.text.trim() === '' || (h.command.form === 'exec' && h.command.json.length === 0))) {
      return { en: 'Missing command after HEALTHCHECK CMD', ko: 'HEALTHCHECK CMD 뒤에 실행할 명령이 없습니다' };
    }
  }
  return null;
}

/** The finding of one instruction (an ONBUILD and its trigger are checked apart). */
function check(i: Instruction, ctx: InstructionRuleContext): void {
  if (!i.known) return;
  const p = problem(i);
  if (p) ctx.report({ span: i.argsSpan ?? i.keywordSpan, message: p });
}

export default defineRule({
  id: 'DF004',
  name: 'wrong-argument-count',
  category: 'error',
  severity: 'error',
  aliases: {},
  fixable: false,
  docs: {
    en: { title: 'Wrong number or shape of arguments', rationale: 'BuildKit checks each instruction\'s arguments while parsing; a missing destination, a FROM with two words or an unknown HEALTHCHECK type stops the build.' },
    ko: { title: '인자 개수나 형태가 잘못됨', rationale: 'BuildKit은 파싱할 때 각 명령어의 인자를 검사합니다. 대상 경로가 없거나, FROM 인자가 두 개이거나, HEALTHCHECK 종류가 잘못되면 빌드가 멈춥니다.' },
  },
  scope: 'instruction',
  checkInstruction(ins, ctx) {
    check(ins, ctx);
    if (ins.trigger) check(ins.trigger, ctx);
  },
});
