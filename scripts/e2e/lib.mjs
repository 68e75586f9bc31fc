// Shared helpers for the real-VS Code e2e run: paths, the browser (playwright-core + Debian
// chromium, installed by setup.sh outside the repo), workbench URLs, deadline polling.
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const E2E_DIR = process.env.E2E_DIR || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'dockwise-e2e');
export const STATE = process.env.E2E_STATE || path.join(E2E_DIR, 'state');
export const PORT = Number(process.env.E2E_PORT || 8765);
export const BASE = `http://127.0.0.1:${PORT}`;
export const ARTIFACTS = path.join(REPO, 'test-artifacts');

export async function launchBrowser() {
  const { chromium } = createRequire(path.join(E2E_DIR, 'package.json'))('playwright-core');
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dockwise-chromium-'));
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  const close = async () => { await ctx.close().catch(() => {}); fs.rmSync(profile, { recursive: true, force: true }); };
  return { ctx, page, close };
}

/** Workbench URL for `folder`; payload values that are absolute paths become vscode-remote URIs.
 *  The authority must be location.host: code-server's workbench uses it as remoteAuthority. */
export function workbenchUrl(folder, payload = []) {
  const authority = new URL(BASE).host;
  const p = payload.map(([k, v]) => [k, v.startsWith('/') ? `vscode-remote://${authority}${v}` : v]);
  return `${BASE}/?folder=${encodeURIComponent(folder)}` + (p.length ? `&payload=${encodeURIComponent(JSON.stringify(p))}` : '');
}

/** Polls `fn` until it returns a truthy value or the deadline passes (then throws with `what`). */
export async function until(what, fn, { timeout = 30000, interval = 100 } = {}) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try { const v = await fn(); if (v) return v; } catch (e) { last = e; }
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting for ${what}${last ? `: ${last.message}` : ''}`);
    await new Promise(r => setTimeout(r, interval));
  }
}
