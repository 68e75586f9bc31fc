// Playwright (playwright-core + Debian chromium) against the real workbench: screenshots of the
// hover on CMD, the Problems panel, the quick-fix menu and the Build Context view, each asserted
// on visible text. Screenshots: test-artifacts/screenshots/*.png.
// usage: node ui.mjs WORKSPACE   → prints one line per check and "N passed, N failed"
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser, workbenchUrl, until, ARTIFACTS } from './lib.mjs';

const ws = path.resolve(process.argv[2]);
// Overridable only to validate the harness against other fixtures; the defaults are the real checks.
const PROBLEM = new RegExp(process.env.E2E_UI_PROBLEM || 'DF051');
const FIX_WORD = process.env.E2E_UI_FIX_WORD || 'install'; // in "RUN apt-get install …", the second of the consecutive RUNs (DF077 marks the later RUN)
const FIX = new RegExp(process.env.E2E_UI_FIX || 'Merge consecutive RUN instructions');
const shots = path.join(ARTIFACTS, 'screenshots');
fs.mkdirSync(shots, { recursive: true });
const results = [];
const check = (name, ok, info) => { results.push(ok); console.log(`${ok ? 'ok  ' : 'FAIL'} ui: ${name}${info ? ` — ${info}` : ''}`); };
const norm = s => s.replace(/\s+/g, ' ').trim();

const { page, close } = await launchBrowser();
const editor = () => page.locator('.editor-instance .monaco-editor').first();

/** Screen point of the n-th occurrence of `word` in the visible editor lines. */
async function wordPoint(word, occurrence = 0) {
  return page.evaluate(([word, occurrence]) => {
    const lines = [...document.querySelectorAll('.editor-instance .monaco-editor .view-line')]
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top));
    let seen = 0;
    for (const line of lines) {
      const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent.replace(/\u00a0/g, ' ');
        for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
          if (seen++ === occurrence) {
            const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + word.length);
            const b = r.getBoundingClientRect();
            return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
          }
        }
      }
    }
    return null;
  }, [word, occurrence]);
}

/** Screenshot once CSS animations (the hover's fade-in) have finished. */
async function shot(file) {
  await until('animations to finish', () => page.evaluate(() => document.getAnimations().every(a => a.playState !== 'running')), { timeout: 5000 }).catch(() => {});
  await page.screenshot({ path: path.join(shots, file) });
}

async function step(name, fn) {
  try {
    const info = await fn();
    check(name, true, info);
  } catch (e) {
    check(name, false, e.message.split('\n')[0]);
    await page.screenshot({ path: path.join(shots, `failure-${name.replace(/\W+/g, '-')}.png`) }).catch(() => {});
  }
}

try {
  await page.goto(workbenchUrl(ws, [['openFile', path.join(ws, 'Dockerfile')]]));
  await editor().locator('.view-line').first().waitFor({ timeout: 60000 });

  await step('diagnostics squiggle', async () => {
    await editor().locator('.squiggly-error, .squiggly-warning, .squiggly-info').first().waitFor({ timeout: 60000 });
    return 'shown';
  });

  await step('hover on CMD shows the CMD/ENTRYPOINT table', async () => {
    const hover = page.locator('.monaco-hover:visible', { hasText: 'ENTRYPOINT' }).first();
    // The workbench may still be settling (diagnostics, CodeLens re-layout shift the line
    // under the mouse): move away and back until the hover shows, within a deadline.
    const deadline = Date.now() + 45000;
    for (let attempt = 1; ; attempt++) {
      await page.mouse.move(2, 2);
      const pt = await wordPoint('CMD'); // the only CMD in the example (tokens are separate text nodes)
      if (!pt) throw new Error('CMD not visible');
      await page.mouse.move(pt.x, pt.y, { steps: 3 });
      try {
        await hover.waitFor({ timeout: 10000 });
        break;
      } catch (e) {
        if (Date.now() > deadline) throw new Error(`no hover after ${attempt} attempts: ${e.message.split('\n')[0]}`);
      }
    }
    const text = norm(await hover.innerText());
    if (!/ENTRYPOINT/.test(text) || !(await hover.locator('table').count())) throw new Error(`no table: ${text.slice(0, 200)}`);
    await shot('hover-cmd.png');
    return text.slice(0, 120);
  });

  await step('Problems panel lists DFnnn diagnostics', async () => {
    await page.mouse.move(2, 2);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+M');
    const rows = page.locator('.markers-panel .monaco-list-row', { hasText: /DF\d{3}/ });
    await rows.first().waitFor({ timeout: 30000 });
    const texts = (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map(norm);
    await shot('problems.png');
    if (!texts.some(t => PROBLEM.test(t))) throw new Error(`no ${PROBLEM.source} row: ${JSON.stringify(texts)}`);
    return `${texts.length} rows, e.g. ${texts.find(t => /DF\d{3}/.test(t))}`;
  });

  await step('quick-fix menu offers "Merge consecutive RUN instructions"', async () => {
    await page.keyboard.press('Control+Shift+M'); // close the panel again
    const pt = await wordPoint(FIX_WORD);
    if (!pt) throw new Error(`"${FIX_WORD}" not visible`);
    await page.mouse.click(pt.x, pt.y);
    await page.keyboard.press('Control+.');
    const menu = page.locator('.action-widget, .context-view .monaco-list', { hasText: FIX }).first();
    await menu.waitFor({ timeout: 30000 });
    const text = norm(await menu.innerText());
    await shot('quick-fix.png');
    await page.keyboard.press('Escape');
    if (!FIX.test(text)) throw new Error(text);
    return text.slice(0, 120);
  });

  await step('Build Context view shows size, files and excluded patterns', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Shift+E');
    const header = page.locator('.pane-header', { hasText: /Build Context/i }).first();
    await header.waitFor({ timeout: 30000 });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    // give the view room: collapse the file explorer pane
    const folders = page.locator('.pane-header[aria-expanded="true"]', { hasText: path.basename(ws).toUpperCase() }).first();
    if (await folders.count()) await folders.click().catch(() => {});
    const pane = page.locator('.pane', { has: header });
    const total = pane.locator('.monaco-list-row', { hasText: /Build context: .* files/ }).first();
    await total.waitFor({ timeout: 60000 });
    const excluded = pane.locator('.monaco-list-row', { hasText: /Excluded by \.dockerignore/ }).first();
    await excluded.click();
    await pane.locator('.monaco-list-row', { hasText: 'node_modules' }).first().waitFor({ timeout: 15000 });
    const rows = (await pane.locator('.monaco-list-row').allInnerTexts()).map(norm);
    await shot('build-context.png');
    return rows.slice(0, 4).join(' | ');
  });
} catch (e) {
  check('workbench', false, e.message.split('\n')[0]);
  await page.screenshot({ path: path.join(shots, 'failure-workbench.png') }).catch(() => {});
} finally {
  await close();
}
console.log(`[ui] ${results.filter(Boolean).length} passed, ${results.filter(r => !r).length} failed`);
process.exit(results.every(Boolean) ? 0 : 1);
