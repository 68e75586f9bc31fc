//! Offset ⇄ LSP position conversion over a tree's `lineStarts` (UTF-16 code units).

export interface Position {
  line: number;
  character: number;
}

export function positionAt(lineStarts: number[], textLength: number, offset: number): Position {
  const o = Math.max(0, Math.min(offset, textLength));
  let lo = 0, hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= o) lo = mid; else hi = mid - 1;
  }
  return { line: lo, character: o - lineStarts[lo] };
}

/** Clamps like vscode-languageserver-textdocument: past the end of a line → its end. */
export function offsetAt(lineStarts: number[], text: string, pos: Position): number {
  if (pos.line >= lineStarts.length) return text.length;
  if (pos.line < 0) return 0;
  const ls = lineStarts[pos.line];
  const next = pos.line + 1 < lineStarts.length ? lineStarts[pos.line + 1] : text.length;
  return Math.max(ls, Math.min(ls + Math.max(0, pos.character), next));
}

export function lineOfOffset(lineStarts: number[], offset: number): number {
  let lo = 0, hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid; else hi = mid - 1;
  }
  return lo;
}
