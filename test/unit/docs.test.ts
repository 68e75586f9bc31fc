// Tests for server/src/docs: completeness in both languages, facts from Docker's reference,
// effective command / healthcheck explanations, durations, image references and families.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { bi, format, placeholders, resolveLocale, t, tBoth, type Bilingual } from '../../server/src/docs/locale';
import { MESSAGES, msg, msgBoth } from '../../server/src/docs/messages';
import {
  DIRECTIVES, INSTRUCTIONS, INSTRUCTION_NAMES, REFERENCE_URL, createsLayer, directiveDoc, instructionDoc, instructionSnippetBody,
} from '../../server/src/docs/instructions';
import {
  ALL_FLAGS, EXPOSE_PROTOCOLS, MOUNT_KEYS, MOUNT_TYPES, MOUNT_TYPE_NAMES, STOP_SIGNALS, flagDoc, flagsFor, mountKeyDoc, mountKeysFor, mountTypeDoc, signalDoc,
} from '../../server/src/docs/flags';
import {
  ARG_LIFETIME, ARG_VS_ENV, ENV_LIFETIME, HEALTHCHECK_DEFAULTS, PREDEFINED_ARGS, cmdEntrypointTable, describeHealthcheck, effectiveCommand,
  formatDuration, interactionCell, parseDuration, predefinedArgDoc, variableHoverText, type FormOrNone,
} from '../../server/src/docs/explain';
import { FAMILY_NAMES, KNOWN_IMAGES, describeImageRef, imageFamily, knownImage, variantNotes } from '../../server/src/docs/images';
import { BUILD_CHECKS, buildCheckDoc } from '../../server/src/docs/checks';
import { AVOIDED_KO_TERMS, GLOSSARY } from '../../server/src/docs/glossary';
import { BUILDKIT_CHECKS, INSTRUCTION_FLAGS, MOUNT_KEYS as SPEC_MOUNT_KEYS, SIGNALS as SPEC_SIGNALS } from '../../server/src/semantics/instructionSpec';

// ---- bilingual completeness ------------------------------------------------------------------------

const HANGUL = /[\uac00-\ud7a3]/;

/** Every problem with the Bilingual values found anywhere inside `root`. */
function bilingualProblems(root: unknown, rootPath: string): string[] {
  const problems: string[] = [];
  const seen = new Set<unknown>();
  const walk = (v: unknown, path: string) => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    if (v instanceof RegExp) return;
    const o = v as Record<string, unknown>;
    if ('en' in o || 'ko' in o) {
      const en = o.en;
      const ko = o.ko;
      if (typeof en !== 'string' || en.trim() === '') problems.push(`${path}: missing or empty en`);
      if (typeof ko !== 'string' || ko.trim() === '') problems.push(`${path}: missing or empty ko`);
      if (typeof en === 'string' && typeof ko === 'string' && en && ko) {
        if (!HANGUL.test(ko) && ko !== en) problems.push(`${path}: ko has no Korean text: ${ko}`);
        if (placeholders(en).join() !== placeholders(ko).join()) problems.push(`${path}: placeholders differ (${placeholders(en)} vs ${placeholders(ko)})`);
        // Double-backtick spans (`` ` ``) may contain a backtick; count the rest.
        const ticks = (x: string) => (x.replace(/``\s.*?\s``/g, '').match(/`/g) ?? []).length;
        if (ticks(en) % 2) problems.push(`${path}: unbalanced code span in en`);
        if (ticks(ko) % 2) problems.push(`${path}: unbalanced code span in ko`);
      }
      return;
    }
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
    else for (const [key, x] of Object.entries(o)) walk(x, `${path}.${key}`);
  };
  walk(root, rootPath);
  return problems;
}

test('the bilingual check fails when a language is missing (the completeness tests can fail)', () => {
  const broken = { a: { summary: { en: 'Runs a command.', ko: '' } }, b: [{ doc: { en: 'x {0}', ko: '엑스' } }], c: { en: 'only en' } };
  const p = bilingualProblems(broken, 'broken');
  assert.ok(p.some((x) => x.startsWith('broken.a.summary: missing or empty ko')), p.join('\n'));
  assert.ok(p.some((x) => x.startsWith('broken.b[0].doc: placeholders differ')), p.join('\n'));
  assert.ok(p.some((x) => x.startsWith('broken.c: missing or empty ko')), p.join('\n'));
});

const ALL_DOCS = {
    MESSAGES, INSTRUCTIONS, DIRECTIVES, ALL_FLAGS, MOUNT_TYPES, MOUNT_KEYS, STOP_SIGNALS, EXPOSE_PROTOCOLS,
    KNOWN_IMAGES, FAMILY_NAMES, PREDEFINED_ARGS, ARG_VS_ENV, ARG_LIFETIME, ENV_LIFETIME, BUILD_CHECKS,
};

test('every docs text has non-empty English and Korean, same placeholders, balanced code spans', () => {
  assert.deepEqual(bilingualProblems(ALL_DOCS, 'docs'), []);
});

test('Korean texts use the learners\' vocabulary (glossary.ts): no avoided variants', () => {
  const ko: string[] = [];
  const seen = new Set<unknown>();
  const walk = (v: unknown) => {
    if (v === null || typeof v !== 'object' || seen.has(v)) return;
    seen.add(v);
    const o = v as Record<string, unknown>;
    if (typeof o.ko === 'string') ko.push(o.ko);
    for (const x of Object.values(o)) walk(x);
  };
  walk(ALL_DOCS);
  assert.ok(ko.length > 500, String(ko.length));
  const bad = ko.flatMap((text) => AVOIDED_KO_TERMS.filter((w) => text.includes(w)).map((w) => `${w}: ${text}`));
  assert.deepEqual(bad, []);
  assert.ok(GLOSSARY.some((g) => g.ko === '디렉토리'));
  // The walker would catch a bad word:
  assert.ok(AVOIDED_KO_TERMS.includes('디렉터리'));
});

test('every instruction has summary, details, forms, layer effect, example, link, snippet with tab stops and signatures', () => {
  assert.equal(INSTRUCTION_NAMES.length, 18);
  assert.deepEqual(INSTRUCTIONS.map((d) => d.name).sort(), [...INSTRUCTION_NAMES].sort());
  for (const name of INSTRUCTION_NAMES) {
    const d = instructionDoc(name);
    assert.ok(d, name);
    assert.equal(instructionDoc(name.toLowerCase()), d, 'case-insensitive lookup');
    assert.ok(d.forms.length && d.forms.every((f) => f.startsWith(name + ' ')), `${name} forms`);
    assert.ok(d.example.trim().length > 0, `${name} example`);
    assert.equal(d.url, REFERENCE_URL + '#' + d.anchor);
    assert.match(d.url, /^https:\/\/docs\.docker\.com\/reference\/dockerfile\/#[a-z-]+$/);
    assert.ok(d.snippet.startsWith(name + ' '), `${name} snippet starts with the keyword`);
    assert.match(d.snippet, /\$\{1[:|]/, `${name} snippet has a first tab stop`);
    assert.equal(instructionSnippetBody(name), d.snippet.slice(name.length + 1));
    assert.ok(d.signatures.length > 0, `${name} signatures`);
    for (const s of d.signatures) {
      assert.ok(s.label.startsWith(name + ' '), s.label);
      for (const p of s.params) assert.ok(s.label.includes(p.label), `${name}: parameter ${p.label} is in ${s.label}`);
    }
    assert.deepEqual([...d.flags].sort(), flagsFor(name).map((f) => f.name).sort(), `${name} flags list matches flags.ts`);
  }
});

test('layers: RUN, COPY, ADD create filesystem layers; WORKDIR a mkdir layer; the rest only metadata (best practices; BuildKit dispatchWorkdir)', () => {
  for (const n of ['RUN', 'COPY', 'ADD']) assert.equal(createsLayer(n), true, n);
  for (const n of ['CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ENTRYPOINT', 'VOLUME', 'USER', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL']) {
    assert.equal(createsLayer(n), false, n);
    assert.equal(instructionDoc(n)!.layer, 'metadata', n);
  }
  assert.equal(instructionDoc('ARG')!.layer, 'build-only');
  assert.equal(instructionDoc('FROM')!.layer, 'base');
  assert.ok(instructionDoc('WORKDIR')!.layerNote, 'WORKDIR explains its small layer');
  assert.equal(instructionDoc('MAINTAINER')!.deprecated, true);
});

test('parser directives syntax, escape, check are documented', () => {
  assert.deepEqual(DIRECTIVES.map((d) => d.name), ['syntax', 'escape', 'check']);
  assert.equal(directiveDoc('SYNTAX')?.name, 'syntax');
  for (const d of DIRECTIVES) assert.ok(d.snippet.startsWith(`# ${d.name}=`) && d.values.length > 0, d.name);
});

// ---- flags vs. the spec table (semantics/instructionSpec.ts) and the reference ---------------------

test('every flag in instructionSpec has docs, and docs list no flag BuildKit lacks', () => {
  const specNames = Object.entries(INSTRUCTION_FLAGS).flatMap(([ins, fl]) => fl.map((f) => `${ins} --${f.name}`)).sort();
  const docNames = ALL_FLAGS.map((f) => `${f.instruction} --${f.name}`).sort();
  assert.deepEqual(docNames, specNames);
  for (const [ins, fl] of Object.entries(INSTRUCTION_FLAGS)) {
    for (const spec of fl) {
      const d = flagDoc(ins, '--' + spec.name)!;
      assert.equal(!!d.multiple, !!spec.multiple, `${ins} --${spec.name} multiple`);
      if (spec.kind === 'enum') assert.deepEqual(d.values!.map((v) => v.value).sort(), [...spec.values!].sort(), `${ins} --${spec.name} values`);
      if (spec.defaultValue !== undefined) assert.equal(d.defaultValue, spec.defaultValue, `${ins} --${spec.name} default`);
      assert.ok(d.snippet.startsWith('--' + spec.name), d.snippet);
      assert.ok(d.url.startsWith(REFERENCE_URL + '#'), d.url);
    }
  }
});

test('flag sets per instruction (reference.md option tables)', () => {
  const names = (i: string) => flagsFor(i).map((f) => f.name);
  assert.deepEqual(names('FROM'), ['platform']);
  assert.deepEqual(names('run'), ['mount', 'network', 'security', 'device']);
  assert.deepEqual(names('COPY'), ['from', 'chown', 'chmod', 'link', 'parents', 'exclude']);
  assert.deepEqual(names('ADD'), ['chown', 'chmod', 'link', 'checksum', 'keep-git-dir', 'unpack', 'exclude']);
  assert.deepEqual(names('HEALTHCHECK'), ['interval', 'timeout', 'start-period', 'start-interval', 'retries']);
  assert.deepEqual(names('ONBUILD'), []);
  assert.deepEqual(names('CMD'), []);
  assert.deepEqual(flagDoc('RUN', 'network')!.values!.map((v) => v.value), ['default', 'none', 'host']);
  assert.deepEqual(flagDoc('RUN', 'security')!.values!.map((v) => v.value), ['sandbox', 'insecure']);
});

test('HEALTHCHECK defaults: interval 30s, timeout 30s, start-period 0s, start-interval 5s, retries 3 (reference.md §HEALTHCHECK)', () => {
  const def = (n: string) => flagDoc('HEALTHCHECK', n)!.defaultValue;
  assert.deepEqual([def('interval'), def('timeout'), def('start-period'), def('start-interval'), def('retries')], ['30s', '30s', '0s', '5s', '3']);
  assert.deepEqual({ ...HEALTHCHECK_DEFAULTS }, { interval: '30s', timeout: '30s', startPeriod: '0s', startInterval: '5s', retries: '3' });
});

test('mount keys per type match instructionSpec and BuildKit (commands_runmount.go, reference tables)', () => {
  const byName = (n: string) => SPEC_MOUNT_KEYS.find((k) => k.name === n)!;
  assert.deepEqual(MOUNT_KEYS.map((k) => k.name).sort(), SPEC_MOUNT_KEYS.map((k) => k.name).sort());
  for (const k of MOUNT_KEYS) {
    assert.deepEqual([...k.types].sort(), [...byName(k.name).types].sort(), `${k.name} types`);
    assert.deepEqual([...k.aliases].sort(), [...(byName(k.name).aliases ?? [])].sort(), `${k.name} aliases`);
  }
  const keys = (ty: string) => mountKeysFor(ty).map((k) => k.name).sort();
  assert.deepEqual(keys('bind'), ['from', 'readonly', 'readwrite', 'source', 'target', 'type']);
  assert.deepEqual(keys('cache'), ['from', 'gid', 'id', 'mode', 'readonly', 'sharing', 'source', 'target', 'type', 'uid']);
  assert.deepEqual(keys('tmpfs'), ['size', 'target', 'type']);
  assert.deepEqual(keys('secret'), ['env', 'gid', 'id', 'mode', 'required', 'target', 'type', 'uid']);
  assert.deepEqual(keys('SSH'), ['gid', 'id', 'mode', 'required', 'target', 'type', 'uid']);
  assert.deepEqual(mountKeysFor('nfs'), []);
  assert.equal(mountKeyDoc('dst')?.name, 'target');
  assert.equal(mountKeyDoc('destination')?.name, 'target');
  assert.equal(mountKeyDoc('src')?.name, 'source');
  assert.equal(mountKeyDoc('rw')?.name, 'readwrite');
  assert.equal(mountKeyDoc('RO')?.name, 'readonly');
  assert.deepEqual(mountKeyDoc('sharing')!.values!.map((v) => v.value), ['shared', 'private', 'locked']);
  assert.deepEqual(mountKeyDoc('mode')!.defaults, { cache: '0755', secret: '0400', ssh: '0600' });
  assert.equal(mountKeyDoc('sharing')!.defaults!.cache, 'shared');
  assert.deepEqual(MOUNT_TYPES.map((m) => m.type), [...MOUNT_TYPE_NAMES]);
  assert.equal(mountTypeDoc('Cache')?.type, 'cache');
});

test('STOPSIGNAL names cover moby\'s Linux signal map; EXPOSE protocols are tcp, udp, sctp', () => {
  for (const s of SPEC_SIGNALS) assert.ok(signalDoc('SIG' + s), `SIG${s}`);
  assert.equal(signalDoc('term')?.name, 'SIGTERM');
  assert.equal(signalDoc('9')?.name, 'SIGKILL');
  assert.equal(signalDoc('SIGFOO'), undefined);
  assert.equal(STOP_SIGNALS[0].name, 'SIGTERM');
  assert.deepEqual(EXPOSE_PROTOCOLS.map((p) => p.name), ['tcp', 'udp', 'sctp']);
});

// ---- CMD / ENTRYPOINT -------------------------------------------------------------------------------

test('CMD/ENTRYPOINT interaction: all cells equal reference.md "Understand how CMD and ENTRYPOINT interact"', () => {
  // rows: CMD; columns: ENTRYPOINT (none, shell `exec_entry p1_entry`, exec ["exec_entry","p1_entry"])
  const table: Record<FormOrNone, Record<FormOrNone, string>> = {
    none: { none: 'error, not allowed', shell: '/bin/sh -c exec_entry p1_entry', exec: 'exec_entry p1_entry' },
    exec: { none: 'exec_cmd p1_cmd', shell: '/bin/sh -c exec_entry p1_entry', exec: 'exec_entry p1_entry exec_cmd p1_cmd' },
    shell: { none: '/bin/sh -c exec_cmd p1_cmd', shell: '/bin/sh -c exec_entry p1_entry', exec: 'exec_entry p1_entry /bin/sh -c exec_cmd p1_cmd' },
  };
  let n = 0;
  for (const cmd of ['none', 'exec', 'shell'] as const) {
    for (const ep of ['none', 'shell', 'exec'] as const) {
      assert.equal(interactionCell(ep, cmd), table[cmd][ep], `ENTRYPOINT ${ep} × CMD ${cmd}`);
      n++;
    }
  }
  assert.equal(n, 9);
  for (const loc of ['en', 'ko'] as const) {
    const md = cmdEntrypointTable(loc);
    for (const row of Object.values(table)) for (const cell of Object.values(row)) if (cell !== 'error, not allowed') assert.ok(md.includes('`' + cell + '`'), `${loc}: ${cell}`);
    assert.match(md, /--entrypoint/);
    assert.equal(md.split('\n').filter((l) => l.startsWith('|')).length, 5, 'header, separator, 3 rows');
  }
  assert.match(cmdEntrypointTable('en'), /error, not allowed/);
  assert.match(cmdEntrypointTable('ko'), /CMD 없음/);
});

test('effective command: ENTRYPOINT ["python"] + CMD ["runapp.py"] → python runapp.py', () => {
  const r = effectiveCommand({ entrypoint: { form: 'exec', args: ['python'], text: '' }, cmd: { form: 'exec', args: ['runapp.py'], text: '' } });
  assert.deepEqual(r.argv, ['python', 'runapp.py']);
  assert.equal(r.display, 'python runapp.py');
  assert.match(r.explanation.en, /--entrypoint/);
  assert.match(r.explanation.ko, /CMD/);
});

test('effective command: shell form runs through /bin/sh -c or the stage SHELL', () => {
  const r = effectiveCommand({ cmd: { form: 'shell', args: [], text: 'npm start' } });
  assert.deepEqual(r.argv, ['/bin/sh', '-c', 'npm start']);
  assert.equal(r.display, '/bin/sh -c "npm start"');
  const b = effectiveCommand({ cmd: { form: 'shell', args: [], text: 'echo $HOME | wc -c' }, shell: ['/bin/bash', '-o', 'pipefail', '-c'] });
  assert.deepEqual(b.argv, ['/bin/bash', '-o', 'pipefail', '-c', 'echo $HOME | wc -c']);
  assert.equal(b.display, '/bin/bash -o pipefail -c "echo \\$HOME | wc -c"');
  const ps = effectiveCommand({ entrypoint: { form: 'shell', args: [], text: 'Write-Host hi' }, shell: ['powershell', '-command'] });
  assert.deepEqual(ps.argv, ['powershell', '-command', 'Write-Host hi']);
});

test('effective command: shell-form ENTRYPOINT ignores CMD; exec ENTRYPOINT + shell CMD gets sh -c; no command → base image', () => {
  const s = effectiveCommand({ entrypoint: { form: 'shell', args: [], text: 'top -b' }, cmd: { form: 'exec', args: ['--ignored'], text: '' } });
  assert.deepEqual(s.argv, ['/bin/sh', '-c', 'top -b']);
  assert.match(s.explanation.en, /ignores the CMD/);
  assert.match(s.explanation.ko, /무시/);
  const m = effectiveCommand({ entrypoint: { form: 'exec', args: ['/entrypoint.sh'], text: '' }, cmd: { form: 'shell', args: [], text: 'run app' } });
  assert.deepEqual(m.argv, ['/entrypoint.sh', '/bin/sh', '-c', 'run app']);
  assert.match(m.explanation.en, /exec form/);
  const e = effectiveCommand({ entrypoint: { form: 'exec', args: ['nginx', '-g', 'daemon off;'], text: '' } });
  assert.equal(e.display, 'nginx -g "daemon off;"');
  const none = effectiveCommand({ baseImage: 'node:20' });
  assert.equal(none.argv, null);
  assert.equal(none.display, '');
  assert.match(none.explanation.en, /base image `node:20`/);
  assert.match(none.explanation.ko, /베이스 이미지 `node:20`/);
  assert.match(effectiveCommand({}).explanation.en, /base image's CMD/);
  // ENTRYPOINT [] clears the entrypoint: the CMD alone runs.
  const cleared = effectiveCommand({ entrypoint: { form: 'exec', args: [], text: '' }, cmd: { form: 'exec', args: ['bash'], text: '' } });
  assert.deepEqual(cleared.argv, ['bash']);
  assert.equal(effectiveCommand({ cmd: { form: 'exec', args: [], text: '' } }).argv, null);
});

// ---- HEALTHCHECK and durations -----------------------------------------------------------------------

test('describeHealthcheck fills in the defaults and says they are defaults', () => {
  const d = describeHealthcheck({ command: '/bin/sh -c "curl -f http://localhost/ || exit 1"' });
  assert.match(d.en, /Every \*\*30s\*\* \(default\)/);
  assert.match(d.en, /longer than \*\*30s\*\* \(default\)/);
  assert.match(d.en, /\*\*3\*\* \(default\) failures in a row/);
  assert.match(d.en, /no start period \(\*\*0s\*\* \(default\)\)/);
  assert.match(d.en, /curl -f http:\/\/localhost\//);
  assert.match(d.en, /`0` healthy, `1` unhealthy, `2` reserved/);
  assert.match(d.ko, /\*\*30s\*\*\(기본값\)마다/);
  assert.match(d.ko, /\*\*3\*\*번\(기본값\) 연속/);
  assert.match(d.ko, /`2` 예약됨/);
});

test('describeHealthcheck uses the instruction\'s own values (start period with start interval, retries)', () => {
  const d = describeHealthcheck({ interval: '5m', timeout: '3s', startPeriod: '1m', retries: 5, command: 'curl -f http://localhost/' });
  assert.match(d.en, /Every \*\*5m\*\* Docker runs/);
  assert.match(d.en, /longer than \*\*3s\*\* is killed/);
  assert.match(d.en, /first \*\*1m\*\* after start \(start period\) it checks every \*\*5s\*\* \(default\) instead/);
  assert.doesNotMatch(d.en, /first run happens 5m after/, 'with a start period the first run is after start-interval');
  assert.match(d.en, /After \*\*5\*\* failures/);
  assert.doesNotMatch(d.en, /Every \*\*5m\*\* \(default\)/);
  assert.match(d.ko, /\*\*5m\*\*마다/);
  assert.match(d.ko, /처음 \*\*1m\*\*\(시작 유예 기간\) 동안은 대신 \*\*5s\*\*\(기본값\)마다/);
  const one = describeHealthcheck({ retries: '1' });
  assert.match(one.en, /\*\*1\*\* failure in a row/);
  const bad = describeHealthcheck({ interval: '10', retries: 'x' });
  assert.match(bad.en, /Invalid values: `--interval=10`, `--retries=x`/);
  assert.match(bad.ko, /잘못된 값/);
  const none = describeHealthcheck({ none: true });
  assert.match(none.en, /Disables/);
  assert.match(none.ko, /끕니다/);
});

test('parseDuration follows Go time.ParseDuration', () => {
  assert.equal(parseDuration('1m30s'), 90_000);
  assert.equal(parseDuration('30s'), 30_000);
  assert.equal(parseDuration('0'), 0);
  assert.equal(parseDuration('0s'), 0);
  assert.equal(parseDuration('1.5h'), 5_400_000);
  assert.equal(parseDuration('.5s'), 500);
  assert.equal(parseDuration('1.s'), 1000);
  assert.equal(parseDuration('300ms'), 300);
  assert.equal(parseDuration('2h45m'), 9_900_000);
  assert.equal(parseDuration('1h1h'), 7_200_000);
  assert.equal(parseDuration('-1.5s'), -1500);
  assert.equal(parseDuration('+2s'), 2000);
  assert.equal(parseDuration('1500us'), 1.5);
  assert.equal(parseDuration('1500µs'), 1.5);
  assert.equal(parseDuration('1000000ns'), 1);
  for (const bad of ['', '1', '10', 's', '1 s', '1S', '1d', '1m30', '-', '+', '.s', 'abc', ' 1s']) assert.equal(parseDuration(bad), null, JSON.stringify(bad));
  assert.equal(formatDuration(90_000), '1m30s');
  assert.equal(formatDuration(0), '0s');
  assert.equal(formatDuration(500), '500ms');
  assert.equal(formatDuration(3_600_000), '1h');
});

// ---- variables ---------------------------------------------------------------------------------------

test('variable hover text: where defined, value or --build-arg, lifetime', () => {
  const a = variableHoverText({ name: 'VERSION', kind: 'ARG', definedAtLine: 3, value: '1.2' });
  assert.match(a.en, /Defined at line 3\./);
  assert.match(a.en, /Value here: `1\.2`/);
  assert.match(a.en, /--build-arg VERSION=/);
  assert.ok(a.en.includes(ARG_LIFETIME.en));
  assert.match(a.ko, /3번째 줄에서 정의/);
  const b = variableHoverText({ name: 'TOKEN', kind: 'ARG', definedAtLine: 7, value: null, fromBuildArg: true, stage: 'build' });
  assert.match(b.en, /No default: set with `--build-arg TOKEN=…`/);
  assert.match(b.en, /stage `build`/);
  assert.match(b.ko, /기본값이 없습니다/);
  const e = variableHoverText({ name: 'PATH', kind: 'ENV', definedAtLine: 2, value: '/usr/bin' });
  assert.ok(e.en.includes(ENV_LIFETIME.en));
  assert.doesNotMatch(e.en, /--build-arg/);
  const p = variableHoverText({ name: 'TARGETARCH', kind: 'predefined', definedAtLine: null, value: null });
  assert.match(p.en, /predefined build argument/);
  assert.match(ARG_VS_ENV.en, /ENV wins/);
  assert.equal(predefinedArgDoc('TARGETPLATFORM')?.group, 'platform');
  assert.equal(predefinedArgDoc('http_proxy')?.group, 'proxy');
  assert.equal(predefinedArgDoc('NOPE'), undefined);
});

// ---- images ------------------------------------------------------------------------------------------

test('image references are parsed like Docker (distribution/reference normalisation)', () => {
  const u = describeImageRef('ubuntu');
  assert.deepEqual([u.registry, u.repository, u.familiarName, u.tag, u.digest, u.impliedLatest, u.valid], ['docker.io', 'library/ubuntu', 'ubuntu', null, null, true, true]);
  assert.equal(u.family, 'ubuntu');
  assert.equal(u.known?.name, 'ubuntu');

  const l = describeImageRef('localhost:5000/foo:1');
  assert.deepEqual([l.registry, l.repository, l.familiarName, l.tag, l.digest, l.impliedLatest, l.valid], ['localhost:5000', 'foo', 'localhost:5000/foo', '1', null, false, true]);

  const hex = 'a'.repeat(64);
  const d = describeImageRef(`foo@sha256:${hex}`);
  assert.deepEqual([d.registry, d.repository, d.tag, d.digest, d.impliedLatest, d.valid], ['docker.io', 'library/foo', null, `sha256:${hex}`, false, true]);
  const td = describeImageRef(`node:20@sha256:${hex}`);
  assert.deepEqual([td.tag, td.digest], ['20', `sha256:${hex}`]);
  assert.equal(describeImageRef('foo@sha256:abc').valid, false);

  const up = describeImageRef('Ubuntu');
  assert.equal(up.valid, false);
  assert.match(up.error!.en, /lowercase/);
  assert.match(up.error!.ko, /소문자/);

  const g = describeImageRef('gcr.io/distroless/static:nonroot');
  assert.deepEqual([g.registry, g.repository, g.familiarName, g.tag, g.valid, g.family], ['gcr.io', 'distroless/static', 'gcr.io/distroless/static', 'nonroot', true, 'distroless']);
  assert.ok(g.variantNotes.some((n) => /65532/.test(n.en)));

  const hub = describeImageRef('docker.io/library/node:20-alpine');
  assert.deepEqual([hub.registry, hub.repository, hub.familiarName, hub.family], ['docker.io', 'library/node', 'node', 'alpine']);
  assert.equal(describeImageRef('index.docker.io/bitnami/redis').registry, 'docker.io');
  assert.equal(describeImageRef('bitnami/redis').repository, 'bitnami/redis');
  assert.equal(describeImageRef('registry:5000/team/app:v1').registry, 'registry:5000');
  assert.equal(describeImageRef('myregistry.example.com/team/app').familiarName, 'myregistry.example.com/team/app');
  assert.equal(describeImageRef('node:-bad').valid, false);
  assert.equal(describeImageRef('my_app__x:1').valid, true);
  assert.equal(describeImageRef('my-.app').valid, false);
  const v = describeImageRef('node:${NODE_VERSION}-alpine');
  assert.equal(v.hasVariables, true);
  assert.equal(v.valid, true);
  assert.equal(describeImageRef('scratch').impliedLatest, false);
});

test('variant notes explain slim, alpine, Debian/Ubuntu codenames and latest', () => {
  const py = describeImageRef('python:3.12-slim-bookworm');
  assert.equal(py.variantNotes.length, 2);
  assert.match(py.variantNotes[0].en, /slim/);
  assert.match(py.variantNotes[1].en, /Debian 12/);
  assert.match(variantNotes('22-alpine')[0].ko, /Alpine/);
  assert.match(variantNotes('latest')[0].en, /moves/);
  assert.deepEqual(variantNotes(null), []);
  assert.deepEqual(variantNotes('1.2.3'), []);
});

test('OS family inference (rules.md DF039)', () => {
  const cases: [string, string | null, string][] = [
    ['alpine', '3.20', 'alpine'], ['node', '20-alpine', 'alpine'], ['node', '20-alpine3.20', 'alpine'], ['php', '8.3-fpm-alpine', 'alpine'],
    ['debian', 'bookworm', 'debian'], ['ubuntu', '22.04', 'ubuntu'], ['python', '3.12-slim', 'debian'], ['node', '20-bookworm', 'debian'],
    ['node', '20', 'debian'], ['golang', null, 'debian'], ['eclipse-temurin', '21-jdk', 'ubuntu'], ['eclipse-temurin', '21-jdk-ubi9-minimal', 'rhel'],
    ['centos', '7', 'rhel'], ['fedora', '41', 'rhel'], ['rockylinux', '9', 'rhel'], ['almalinux', '9-minimal', 'rhel'],
    ['registry.access.redhat.com/ubi9/ubi', 'latest', 'rhel'], ['registry.access.redhat.com/ubi9/ubi-minimal', null, 'rhel'], ['amazonlinux', '2023', 'rhel'],
    ['oraclelinux', '9-slim', 'rhel'], ['mysql', '8.4', 'rhel'], ['opensuse/leap', '15.6', 'suse'], ['registry.suse.com/bci/bci-base', '15.6', 'suse'],
    ['gcr.io/distroless/static-debian12', 'nonroot', 'distroless'], ['gcr.io/distroless/static', 'debug', 'distroless'],
    ['scratch', null, 'scratch'], ['mcr.microsoft.com/windows/servercore', 'ltsc2022', 'windows'], ['mcr.microsoft.com/dotnet/sdk', '8.0-nanoserver-ltsc2022', 'windows'],
    ['mcr.microsoft.com/dotnet/aspnet', '8.0-noble-chiseled', 'ubuntu'], ['mcr.microsoft.com/dotnet/sdk', '8.0', 'debian'],
    ['docker.io/library/ubuntu', null, 'ubuntu'], ['library/debian', null, 'debian'], ['Ubuntu', null, 'ubuntu'],
    ['mycompany/app', '1.0', 'unknown'], ['busybox', null, 'unknown'], ['arm64v8/alpine', null, 'alpine'],
  ];
  for (const [name, tag, fam] of cases) assert.equal(imageFamily(name, tag), fam, `${name}:${tag}`);
});

test('offline image list: at least 40 common images with tags, families and the required names', () => {
  assert.ok(KNOWN_IMAGES.length >= 40, String(KNOWN_IMAGES.length));
  const names = new Set(KNOWN_IMAGES.map((i) => i.name));
  assert.equal(names.size, KNOWN_IMAGES.length, 'no duplicates');
  for (const n of ['alpine', 'ubuntu', 'debian', 'node', 'python', 'golang', 'openjdk', 'eclipse-temurin', 'nginx', 'httpd', 'redis', 'postgres', 'mysql', 'mariadb', 'mongo', 'rust', 'ruby', 'php', 'busybox', 'centos', 'fedora', 'rockylinux', 'almalinux', 'amazonlinux', 'registry.access.redhat.com/ubi9/ubi', 'gcr.io/distroless/static-debian12', 'mcr.microsoft.com/dotnet/sdk', 'mcr.microsoft.com/dotnet/aspnet', 'mcr.microsoft.com/dotnet/runtime', 'scratch']) {
    assert.ok(names.has(n), n);
  }
  for (const i of KNOWN_IMAGES) {
    if (i.name !== 'scratch') assert.ok(i.tags.length > 0, i.name);
    assert.ok(i.family in FAMILY_NAMES, i.name);
    assert.equal(describeImageRef(i.name).valid, true, i.name);
    for (const tg of i.tags) assert.equal(describeImageRef(`${i.name}:${tg}`).valid, true, `${i.name}:${tg}`);
  }
  assert.equal(knownImage('docker.io/library/node')?.name, 'node');
  assert.ok(knownImage('openjdk')?.deprecated);
  assert.ok(knownImage('node')!.variants.includes('alpine'));
});

// ---- locale and messages -------------------------------------------------------------------------------

test('resolveLocale: setting wins; auto follows the LSP locale (ko, ko-KR, KO_kr → ko; kok, en-US, none → en)', () => {
  assert.equal(resolveLocale('auto', 'ko'), 'ko');
  assert.equal(resolveLocale('auto', 'ko-KR'), 'ko');
  assert.equal(resolveLocale('auto', 'KO_kr'), 'ko');
  assert.equal(resolveLocale('auto', 'kok'), 'en');
  assert.equal(resolveLocale('auto', 'en-US'), 'en');
  assert.equal(resolveLocale('auto'), 'en');
  assert.equal(resolveLocale('en', 'ko'), 'en');
  assert.equal(resolveLocale('ko', 'en'), 'ko');
  assert.equal(resolveLocale(undefined, 'ko'), 'ko');
});

test('t() / msg(): lookup, placeholders, unknown keys are visible', () => {
  const table = { hello: bi('Hello {0}, line {line}', '{0}님 안녕하세요, {line}번째 줄') };
  assert.equal(t('en', table, 'hello', ['Ann']), 'Hello Ann, line {line}');
  assert.equal(t('ko', table, 'hello', { 0: 'x', line: 4 } as Record<string, unknown>), 'x님 안녕하세요, 4번째 줄');
  assert.equal(t('en', table, 'nope' as 'hello'), 'nope');
  assert.deepEqual(tBoth(table, 'hello', ['A']), { en: 'Hello A, line {line}', ko: 'A님 안녕하세요, {line}번째 줄' });
  assert.equal(format('a ${1:image} b'), 'a ${1:image} b');
  assert.equal(msg('en', 'var.definedAt', 12), 'Defined at line 12');
  assert.equal(msg('ko', 'var.definedAt', 12), '12번째 줄에서 정의됨');
  assert.deepEqual(msgBoth('layer.short.creates'), { en: 'creates a layer', ko: '레이어 생성' });
  // Every message key has both languages with the same placeholders (also covered by the walker above).
  for (const [key, v] of Object.entries(MESSAGES) as [string, Bilingual][]) {
    assert.ok(v.en && v.ko, key);
    assert.deepEqual(placeholders(v.en), placeholders(v.ko), key);
  }
});

test('every BuildKit check name (instructionSpec BUILDKIT_CHECKS) is documented, PascalCase lookup only', () => {
  assert.deepEqual(BUILD_CHECKS.map((x) => x.name).sort(), [...BUILDKIT_CHECKS].sort());
  for (const x of BUILD_CHECKS) assert.match(x.url, /^https:\/\/docs\.docker\.com\/reference\/build-checks\/[a-z-]+\/$/, x.name);
  assert.equal(buildCheckDoc('JSONArgsRecommended')?.url, 'https://docs.docker.com/reference/build-checks/json-args-recommended/');
  assert.equal(buildCheckDoc('jsonargsrecommended'), undefined);
});

test('layering: server/src/docs imports only its own modules (no fs, no LSP connection, no other layer)', () => {
  const dir = resolve(__dirname, '../../../server/src/docs');
  const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
  assert.ok(files.length >= 7, files.join());
  for (const f of files) {
    const src = readFileSync(join(dir, f), 'utf8');
    for (const m of src.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/g)) {
      const spec = m[1] ?? m[2];
      assert.match(spec, /^\.\/[A-Za-z]+$/, `${f} imports ${spec}`);
    }
  }
});

/** Minimal LSP snippet syntax check: `$` starts a tab stop / placeholder / choice or is escaped; braces balance. */
function snippetProblems(sn: string): string | null {
  let depth = 0;
  for (let i = 0; i < sn.length; i++) {
    const ch = sn[i];
    if (ch === '\\') { i++; continue; }
    if (ch === '$') {
      const rest = sn.slice(i + 1);
      if (/^\d/.test(rest)) continue;
      const m = /^\{\d+(:|\||\})/.exec(rest);
      if (!m) return `bare $ at ${i}`;
      if (m[1] === '|') {
        const end = rest.indexOf('|}');
        if (end < 0) return `unterminated choice at ${i}`;
        i += end + 2;
        continue;
      }
      if (m[1] === ':') depth++;
      i += m[0].length - (m[1] === '}' ? 0 : 0);
      continue;
    }
    if (ch === '}') { if (depth === 0) return `unbalanced } at ${i}`; depth--; }
  }
  return depth === 0 ? null : 'unclosed placeholder';
}

test('every snippet (instructions, directives, flags) is valid LSP snippet syntax', () => {
  assert.equal(snippetProblems('a $HOME'), 'bare $ at 2', 'the checker rejects an unescaped $');
  assert.equal(snippetProblems('${1:x'), 'unclosed placeholder');
  const all = [
    ...INSTRUCTIONS.flatMap((d) => [d.snippet, ...(d.altSnippets ?? [])]),
    ...DIRECTIVES.map((d) => d.snippet),
    ...ALL_FLAGS.map((f) => f.snippet),
  ];
  for (const sn of all) assert.equal(snippetProblems(sn), null, sn);
});
