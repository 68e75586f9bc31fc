//! One byte-size format for every place that shows one (protocol/size.ts).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { formatBytes } from '../../protocol/size';

test('decimal units as BuildKit prints the context size, whole numbers from 100 up', () => {
  assert.equal(formatBytes(0), '0 B');
  assert.equal(formatBytes(999), '999 B');
  assert.equal(formatBytes(1000), '1.0 kB');
  assert.equal(formatBytes(9_000_000), '9.0 MB'); // not 8.6 (a MiB value labelled MB, as DF112 printed before)
  assert.equal(formatBytes(123_456_789), '123 MB');
  assert.equal(formatBytes(2.5e12), '2.5 TB');
  assert.equal(formatBytes(-1), '?');
  assert.equal(formatBytes(Number.NaN), '?');
});
