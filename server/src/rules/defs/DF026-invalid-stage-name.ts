//! `FROM alpine AS 1st` / `AS my:stage`: BuildKit lower-cases the name and requires
//! `^[a-z][a-z0-9-_.]*$` (instructions/parse.go `parseBuildStageName`), else the build stops with
//! "invalid name for build stage: …, name can't start with a number or contain symbols".
//! Variables are not expanded in stage names, so `AS ${NAME}` is invalid too.
import { defineRule } from '../defineRule';

const VALID = /^[a-z][a-z0-9\-_.]*$/;

export default defineRule({
  id: 'DF026',
  name: 'invalid-stage-name',
  category: 'error',
  severity: 'error',
  aliases: {},
  fixable: false,
  docs: {
    en: {
      title: 'Invalid stage name',
      rationale: 'A stage name must start with a letter and contain only letters, digits, `-`, `_` and `.` (BuildKit lower-cases it first). Anything else, including `$VARIABLES` (not expanded in stage names), stops the build with "invalid name for build stage".',
    },
    ko: {
      title: '잘못된 스테이지 이름',
      rationale: '스테이지 이름은 영문자로 시작하고 영문자, 숫자, `-`, `_`, `.`만 쓸 수 있습니다(BuildKit이 먼저 소문자로 바꿉니다). 그 밖의 문자나 `$변수`(스테이지 이름에서는 치환되지 않음)가 있으면 "invalid name for build stage" 오류로 빌드가 멈춥니다.',
    },
  },
  scope: 'instruction',
  on: ['FROM'],
  checkInstruction(ins, ctx) {
    if (ins.name !== 'FROM' || !ins.from) return;
    const { asKeyword, stageName } = ins.from;
    if (!asKeyword || !stageName || asKeyword.value.toLowerCase() !== 'as' || ins.args.length !== 3) return;
    const raw = stageName.value;
    const name = raw.toLowerCase();
    if (VALID.test(name)) return;
    let why: { en: string; ko: string };
    if (name === '') why = { en: 'it is empty', ko: '이름이 비어 있습니다' };
    else if (name.includes('$')) why = { en: "variables are not expanded in stage names", ko: '스테이지 이름에서는 변수가 치환되지 않습니다' };
    else if (/^[0-9]/.test(name)) why = { en: `it starts with the digit '${name[0]}'`, ko: `숫자 '${name[0]}'(으)로 시작합니다` };
    else if (!/^[a-z]/.test(name)) why = { en: `it starts with '${[...raw][0]}'`, ko: `'${[...raw][0]}'(으)로 시작합니다` };
    else {
      const bad = [...name].find((c) => !/[a-z0-9\-_.]/.test(c))!;
      why = { en: `it contains '${bad}'`, ko: `'${bad}' 문자가 들어 있습니다` };
    }
    ctx.report({
      span: { start: stageName.start, end: stageName.end },
      message: {
        en: `invalid name for build stage: "${raw}", name can't start with a number or contain symbols (${why.en}; use letters, digits, '-', '_' and '.', starting with a letter)`,
        ko: `스테이지 이름 "${raw}"이(가) 올바르지 않습니다: ${why.ko}. 영문자로 시작하고 영문자, 숫자, '-', '_', '.'만 쓰세요`,
      },
    });
  },
});
