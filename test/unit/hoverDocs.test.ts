//! Hover and completion text comes from docs/ in both locales: every instruction keyword,
//! every flag of every instruction, every mount key and type, every directive. A missing
//! entry in either locale fails here.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { CompletionItem, Hover, MarkupContent, TextEdit } from 'vscode-languageserver-types';
import { computeHover } from '../../server/src/features/hover';
import { computeCompletion } from '../../server/src/features/completion';
import { computeSignatureHelp } from '../../server/src/features/signatureHelp';
import type { Locale } from '../../server/src/features/locale';
import { KNOWN_INSTRUCTIONS } from '../../server/src/syntax/nodes';
import { INSTRUCTION_FLAGS, MOUNT_KEYS, MOUNT_TYPES } from '../../server/src/semantics/instructionSpec';
import { marked } from './support/cursor';

const LOCALES: Locale[] = ['en', 'ko'];
const HANGUL = /[\uac00-\ud7a3]/;
const hv = (src: string, loc: Locale) => { const m = marked(src); const h: Hover | null = computeHover(m.doc, m.position, { locale: loc }); return h ? (h.contents as MarkupContent).value : ''; };
const lang = (t: string, loc: Locale) => (loc === 'ko' ? assert.match(t, HANGUL) : assert.doesNotMatch(t, HANGUL));

const SAMPLE: Record<string, string> = {
  FROM: 'FR$0OM alpine', ARG: 'AR$0G X', ADD: 'FROM a\nAD$0D a b', CMD: 'FROM a\nCM$0D x', COPY: 'FROM a\nCO$0PY a b',
  ENTRYPOINT: 'FROM a\nENTRY$0POINT x', ENV: 'FROM a\nEN$0V A=1', EXPOSE: 'FROM a\nEXP$0OSE 80', HEALTHCHECK: 'FROM a\nHEALTH$0CHECK NONE',
  LABEL: 'FROM a\nLAB$0EL a=b', MAINTAINER: 'FROM a\nMAINT$0AINER me', ONBUILD: 'FROM a\nONBU$0ILD RUN x', RUN: 'FROM a\nRU$0N x',
  SHELL: 'FROM a\nSHE$0LL ["sh","-c"]', STOPSIGNAL: 'FROM a\nSTOP$0SIGNAL SIGTERM', USER: 'FROM a\nUS$0ER app', VOLUME: 'FROM a\nVOL$0UME /d', WORKDIR: 'FROM a\nWORK$0DIR /w',
};

for (const loc of LOCALES) {
  for (const name of KNOWN_INSTRUCTIONS) {
    test(`hover ${name} (${loc}): docs with a link to the reference`, () => {
      const t = hv(SAMPLE[name], loc);
      assert.ok(t.length > 40, `hover for ${name}: ${t}`);
      lang(t, loc);
      assert.match(t, /docs\.docker\.com/);
    });
  }
  for (const [ins, flags] of Object.entries(INSTRUCTION_FLAGS)) {
    for (const f of flags) {
      test(`hover ${ins} --${f.name} (${loc})`, () => {
        const src = ins === 'FROM' ? `FROM --${f.name}$0=x alpine` : `FROM a\n${ins} --${f.name}$0=x y z`;
        const t = hv(src, loc);
        assert.ok(t.length > 20, t);
        lang(t, loc);
      });
    }
  }
  for (const k of MOUNT_KEYS) {
    test(`hover mount key ${k.name} (${loc})`, () => {
      const ty = k.types[0];
      const t = hv(`FROM a\nRUN --mount=type=${ty},${k.name}$0=x true`, loc);
      assert.ok(t.length > 10, t);
      lang(t, loc);
    });
  }
  for (const ty of MOUNT_TYPES) {
    test(`hover mount type ${ty} (${loc})`, () => { const t = hv(`FROM a\nRUN --mount=type=${ty}$0 true`, loc); assert.ok(t.length > 10); lang(t, loc); });
  }
  for (const d of ['syntax=docker/dockerfile:1', 'escape=`', 'check=skip=JSONArgsRecommended']) {
    test(`hover directive ${d} (${loc})`, () => { const t = hv(`# ${d.slice(0, 2)}$0${d.slice(2)}\nFROM a`, loc); assert.ok(t.length > 20, t); lang(t, loc); });
  }
  test(`instruction completion (${loc}): snippets with tab stops and localized details`, () => {
    const m = marked('FROM a\n$0');
    const items: CompletionItem[] = computeCompletion(m.doc, m.position, { locale: loc });
    for (const it of items) {
      assert.ok(it.detail, `${it.label} detail`);
      lang(it.detail!, loc);
    }
    const copy = items.find((i) => i.label === 'COPY')!;
    assert.match((copy.textEdit as TextEdit).newText, /\$\{?1/);
  });
  test(`mount key and type completion (${loc}): localized details`, () => {
    for (const src of ['FROM a\nRUN --mount=type=cache,$0', 'FROM a\nRUN --mount=type=$0', 'FROM a\nRUN --mount=type=secret,$0']) {
      const m = marked(src);
      for (const it of computeCompletion(m.doc, m.position, { locale: loc })) { assert.ok(it.detail, it.label); lang(it.detail!, loc); }
    }
  });
  test(`flag completion (${loc}): localized details`, () => {
    const m = marked('FROM a\nRUN --$0');
    for (const it of computeCompletion(m.doc, m.position, { locale: loc })) { assert.ok(it.detail, it.label); lang(it.detail!, loc); }
  });
  test(`signature help (${loc}): every instruction has a form`, () => {
    for (const name of KNOWN_INSTRUCTIONS) {
      const src = SAMPLE[name].replace('$0', '').replace(/\n?$/, '') ;
      const lines = src.split('\n');
      const last = lines[lines.length - 1];
      const sp = last.indexOf(' ');
      const m = marked(src.slice(0, src.length - last.length) + last.slice(0, sp + 1) + '$0' + last.slice(sp + 1));
      const h = computeSignatureHelp(m.doc, m.position, { locale: loc });
      assert.ok(h && h.signatures.length, `signature for ${name}`);
    }
  });
}
