//! The flags the server is launched with (protocol/nodeFlags.ts).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { SERVER_NODE_FLAGS, serverNodeFlags } from '../../protocol/nodeFlags';

test('Node gets both flags; Electron only the V8 one', () => {
  assert.deepEqual(serverNodeFlags({ node: '20.20.2' }), ['--max-semi-space-size=2', '--v8-pool-size=1']);
  assert.deepEqual(serverNodeFlags({ node: '20.9.0', electron: '30.1.0' }), ['--max-semi-space-size=2']);
});

test('this Node accepts the flags (a rejected flag would keep the server from starting)', () => {
  const r = spawnSync(process.execPath, [...SERVER_NODE_FLAGS, '-e', 'process.stdout.write("ok")'], { encoding: 'utf8' });
  assert.equal(r.stderr, '');
  assert.equal(r.stdout, 'ok');
});
