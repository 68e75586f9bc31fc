//! Seeded PRNG and random Dockerfile edits shared by the differential test and the soak.
import type { TextEdit } from '../../../server/src/syntax/incremental';

export { mulberry32 } from '../../../bench/generate';

const SNIPPETS = [
  '\\\n', '\\', '\n', '\r\n', ' ', '\t', '#', '# comment\n', '<<EOF\n', '<<-EOF', 'EOF\n', 'EOF', '\tEOF\n',
  "<<'X'\n", 'X\n', '"', "'", '[', ']', '["a", "b"]', '${', '}', '$A', '${B:-x}', '`', 'RUN ', 'run echo hi\n',
  'FROM alpine AS base\n', 'COPY --from=base /a /b\n', 'ENV A=1 B 2\n', 'ARG X=1\n', 'LABEL a = b\n',
  'HEALTHCHECK --interval=5s CMD true\n', 'ONBUILD RUN x\n', '# escape=`\n', '# syntax=docker/dockerfile:1\n',
  'RUN <<EOF\necho a\nEOF\n', 'RUN a && \\\n    b && \\\n    c\n', 'x', 'é', '😀', '\n\n', '  \\  \n', 'COPY <<a <<b /d/\n1\na\n2\nb\n',
];

export function randomEdit(rnd: () => number, text: string): TextEdit {
  const pos = Math.floor(rnd() * (text.length + 1));
  const kind = rnd();
  const snippet = (): string => {
    let s = '';
    const k = 1 + Math.floor(rnd() * 3);
    for (let i = 0; i < k; i++) s += SNIPPETS[Math.floor(rnd() * SNIPPETS.length)];
    return s;
  };
  if (kind < 0.45) return { start: pos, end: pos, text: snippet() };
  const len = Math.floor(rnd() * Math.min(40, text.length - pos + 1));
  if (kind < 0.75) return { start: pos, end: pos + len, text: '' };
  if (kind < 0.9) return { start: pos, end: pos + len, text: snippet() };
  // Paste a multi-line block copied from elsewhere in the document.
  const from = Math.floor(rnd() * (text.length + 1));
  return { start: pos, end: pos + Math.floor(rnd() * 5), text: text.slice(from, from + Math.floor(rnd() * 200)) };
}

export function applyEdit(text: string, e: TextEdit): string {
  const s = Math.max(0, Math.min(e.start, text.length));
  const en = Math.max(s, Math.min(e.end, text.length));
  return text.slice(0, s) + e.text + text.slice(en);
}
