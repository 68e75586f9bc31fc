//! Flag values BuildKit rejects: durations without a unit or below 1ms, negative retries,
//! non-boolean booleans, unknown enum values, bad --chmod, missing values, duplicates,
//! and invalid RUN --mount types / sharing modes.
import { defineRule, type Fix, type InstructionRuleContext } from '../defineRule';
import type { Flag, Instruction } from '../../syntax/nodes';
import { flagsOf, MOUNT_TYPES, mountKey, parseGoDuration, parseMountValue } from '../../semantics/instructionSpec';
import { suggest } from '../suggest';

type Rep = { en: string; ko: string; fix?: Fix };

function checkValue(f: Flag, kind: string, values: string[] | undefined): Rep | null {
  const v = f.value;
  if (v === null) {
    if (kind === 'bool') return null;
    return { en: `missing a value on flag: --${f.name}`, ko: `--${f.name} 플래그에 값이 없습니다` };
  }
  if (v.includes('$')) return null; // expanded at build time
  switch (kind) {
    case 'bool':
      if (!/^(true|false)$/i.test(v)) return { en: `expecting boolean value for flag ${f.name}, not: ${v}`, ko: `--${f.name}에는 true 또는 false만 쓸 수 있습니다 (현재: ${v})` };
      return null;
    case 'duration': {
      if (/^\d+(\.\d+)?$/.test(v) && v !== '0') {
        return {
          en: `time: missing unit in duration "${v}" for --${f.name} (write ${v}s)`,
          ko: `--${f.name}의 시간 값 "${v}"에 단위가 없습니다 (${v}s처럼 쓰세요)`,
          fix: f.valueSpan ? { title: { en: `Use ${v}s`, ko: `${v}s로 바꾸기` }, edits: [{ start: f.valueSpan.end, end: f.valueSpan.end, newText: 's' }], safe: true } : undefined,
        };
      }
      const ms = parseGoDuration(v);
      if (ms === null) return { en: `time: invalid duration "${v}" for --${f.name}`, ko: `--${f.name}의 시간 값 "${v}"이(가) 올바르지 않습니다 (예: 30s, 1m30s)` };
      if (ms !== 0 && ms < 1) return { en: `--${f.name} "${v}" cannot be less than 1ms`, ko: `--${f.name} 값 "${v}"은(는) 1ms보다 작을 수 없습니다` };
      if (ms < 0) return { en: `--${f.name} cannot be negative`, ko: `--${f.name}은(는) 음수일 수 없습니다` };
      return null;
    }
    case 'int':
      if (!/^-?\d+$/.test(v)) return { en: `--${f.name} expects an integer, not: ${v}`, ko: `--${f.name}에는 정수를 써야 합니다 (현재: ${v})` };
      if (Number(v) < 0) return { en: `--${f.name} cannot be negative (${v})`, ko: `--${f.name}은(는) 음수일 수 없습니다 (${v})` };
      return null;
    case 'enum':
      if (values && !values.includes(v)) {
        const s = suggest(v, values, true);
        return { en: `invalid value for --${f.name}: ${v} (expected ${values.join(', ')})`, ko: `--${f.name}의 값 ${v}은(는) 쓸 수 없습니다 (${values.join(', ')} 중 하나)`, fix: s && f.valueSpan ? { title: { en: `Change to ${s}`, ko: `${s}(으)로 바꾸기` }, edits: [{ ...f.valueSpan, newText: s }], safe: true } : undefined };
      }
      return null;
    case 'chmod':
      // Octal modes always; symbolic modes (u+x) are accepted by newer frontends.
      if (!/^[0-7]{3,4}$/.test(v) && !/^([ugoa]*[-+=][rwxXst]*)(,[ugoa]*[-+=][rwxXst]*)*$/.test(v)) {
        return { en: `invalid --chmod value: ${v} (use an octal mode such as 755)`, ko: `--chmod 값 ${v}이(가) 올바르지 않습니다 (755 같은 8진수 권한을 쓰세요)` };
      }
      return null;
    case 'checksum':
      if (!/^(sha256:[a-f0-9]{64}|sha384:[a-f0-9]{96}|sha512:[a-f0-9]{128})$/.test(v)) {
        return { en: `invalid --checksum: ${v} (expected sha256:<64 hex digits>)`, ko: `--checksum 값 ${v}이(가) 올바르지 않습니다 (sha256:<16진수 64자리> 형식)` };
      }
      return null;
    case 'platform':
    case 'string':
      if (v === '') return { en: `missing a value on flag: --${f.name}`, ko: `--${f.name} 플래그에 값이 없습니다` };
      return null;
  }
  return null;
}

/** Does a flag before `flags[j]` have the (lower-case) name `name`? */
function seenBefore(flags: readonly Flag[], j: number, name: string): boolean {
  for (let k = 0; k < j; k++) if (flags[k].name.toLowerCase() === name) return true;
  return false;
}

/** The findings of one instruction (an ONBUILD and its trigger are checked apart). */
function check(i: Instruction, ctx: InstructionRuleContext): void {
  if (!i.known || i.flags.length === 0) return;
  const specs = flagsOf(i.name);
  const flags = i.flags;
  for (let j = 0; j < flags.length; j++) {
    const f = flags[j];
    const name = f.name.toLowerCase();
    const spec = specs.find((s) => s.name === name);
    if (!spec) continue;
    if (!spec.multiple && seenBefore(flags, j, name)) {
      ctx.report({ span: f, message: { en: `Duplicate flag specified: --${f.name}`, ko: `--${f.name} 플래그가 두 번 쓰였습니다` } });
    }
    if (spec.kind === 'mount') {
      if (f.value === null || f.value === '') {
        ctx.report({ span: f, message: { en: 'missing a value on flag: --mount', ko: '--mount 플래그에 값이 없습니다' } });
        continue;
      }
      const entries = parseMountValue(f.value);
      const typeE = entries.find((e) => e.key.toLowerCase() === 'type');
      const mapped = f.valueSpan && f.valueSpan.end - f.valueSpan.start === f.value.length;
      const at = (e: { start: number; end: number }) => (mapped ? { start: f.valueSpan!.start + e.start, end: f.valueSpan!.start + e.end } : f);
      if (typeE && typeE.value !== null && !(MOUNT_TYPES as readonly string[]).includes(typeE.value) && !typeE.value.includes('$')) {
        const s = suggest(typeE.value, MOUNT_TYPES, true);
        ctx.report({ span: at(typeE), message: { en: `unsupported mount type "${typeE.value}"${s ? ` (did you mean ${s}?)` : ''}`, ko: `지원하지 않는 마운트 타입 "${typeE.value}"입니다${s ? ` (${s}의 오타인가요?)` : ''}` } });
      }
      const type = typeE?.value ?? 'bind';
      for (const e of entries) {
        const k = mountKey(e.key);
        if (!k || e.value === null || e.value.includes('$')) continue;
        if (k.kind === 'enum' && k.name === 'sharing' && !k.values!.includes(e.value)) {
          const s = suggest(e.value, k.values!, true);
          ctx.report({ span: at(e), message: { en: `unsupported sharing value "${e.value}"${s ? ` (did you mean ${s}?)` : ''}`, ko: `sharing 값 "${e.value}"은(는) 쓸 수 없습니다 (shared, private, locked 중 하나)` } });
        } else if (k.kind === 'bool' && !/^(true|false)$/i.test(e.value)) {
          ctx.report({ span: at(e), message: { en: `invalid value for ${e.key}: ${e.value} (expected true or false)`, ko: `${e.key} 값은 true 또는 false여야 합니다 (현재: ${e.value})` } });
        } else if ((k.kind === 'int' && !/^\d+$/.test(e.value)) || (k.kind === 'octal' && !/^0?[0-7]{1,4}$/.test(e.value))) {
          ctx.report({ span: at(e), message: { en: `invalid value for ${e.key}: ${e.value}`, ko: `${e.key} 값 ${e.value}이(가) 올바르지 않습니다` } });
        } else if (!k.types.includes(type as never) && (MOUNT_TYPES as readonly string[]).includes(type)) {
          ctx.report({ span: at(e), severity: 'warning', message: { en: `${e.key} has no effect on type=${type} mounts`, ko: `${e.key}는 type=${type} 마운트에서 아무 효과가 없습니다` } });
        }
      }
      continue;
    }
    const r = checkValue(f, spec.kind, spec.values);
    if (r) ctx.report({ span: f, message: { en: r.en, ko: r.ko }, fixes: r.fix ? [r.fix] : [] });
  }
}

export default defineRule({
  id: 'DF003',
  name: 'invalid-flag-value',
  category: 'error',
  severity: 'error',
  aliases: {},
  fixable: true,
  docs: {
    en: { title: 'Invalid flag value', rationale: 'BuildKit validates flag values before building: a duration without a unit, a non-boolean --link, or an unknown --network value stops the build.' },
    ko: { title: '잘못된 플래그 값', rationale: 'BuildKit은 빌드 전에 플래그 값을 검사합니다. 단위 없는 시간 값, true/false가 아닌 --link, 모르는 --network 값은 빌드를 멈춥니다.' },
  },
  scope: 'instruction',
  checkInstruction(ins, ctx) {
    check(ins, ctx);
    if (ins.trigger) check(ins.trigger, ctx);
  },
});
