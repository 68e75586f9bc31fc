//! expectSnapshot: compares text with a file; `UPDATE_SNAPSHOTS=1` rewrites it.
import * as fs from 'node:fs';
import * as assert from 'node:assert/strict';

export function expectSnapshot(actual: string, file: string): void {
  if (process.env.UPDATE_SNAPSHOTS === '1' || !fs.existsSync(file)) {
    if (process.env.CI && !fs.existsSync(file)) assert.fail(`missing snapshot ${file} (run with UPDATE_SNAPSHOTS=1 locally)`);
    fs.writeFileSync(file, actual);
    return;
  }
  const expected = fs.readFileSync(file, 'utf8');
  assert.equal(actual, expected, `snapshot mismatch: ${file} (UPDATE_SNAPSHOTS=1 to accept)`);
}
