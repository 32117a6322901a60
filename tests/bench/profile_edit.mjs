// Where a keystroke's time goes in one of the large team's editors: run by
// `scripts/profile-edit` on a build that keeps wasm function names. Prints
// Chromium's script/layout/style time per key, edit-to-paint as the bench
// measures it, the functions by self time, by inclusive time, and the tree
// under the functions named in FOCUS (default: memos). Not a test: a tool
// for finding what runs per keystroke. (Playwright's own label lookups show
// up too, as `getElementLabels`/`querySelectorAll`: they run before each
// key, outside the measured input-to-paint time.)
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
const root = new URL('../../', import.meta.url).pathname;
const dist = process.env.DIST ?? `${root}target/profile-dist`;
const port = 4191;
const base = `http://127.0.0.1:${port}/`;
const large = readFileSync(`${root}target/bench/large.automerge`);
const server = spawn('node', [`${root}scripts/static-server.mjs`, dist, String(port), '/'], { stdio: 'ignore' });
process.on('exit', () => server.kill());
await new Promise((r) => setTimeout(r, 800));
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
const page = await context.newPage();
await page.goto(base);
await page.getByLabel('Open a team file a teammate sent').setInputFiles({ name: 'large.automerge', mimeType: 'application/octet-stream', buffer: large });
await page.getByRole('heading', { level: 1, name: 'Generated team' }).waitFor({ timeout: 600_000 });
await page.waitForTimeout(6000);
// EDITOR picks the editor and the field typed into.
const editors = {
  decision: ['Decisions', 'Edit this decision', 'Title'],
  role: ['Roles', 'Edit this role', 'Purpose'],
  member: ['Members', 'Edit this member', 'Expertise'],
};
const [section, edit, label] = editors[process.env.EDITOR ?? 'decision'];
await page.evaluate(`[...document.querySelectorAll('nav[aria-label="Sections"] button')].find((b) => b.textContent.trim() === '${section}').click()`);
await page.getByRole('list', { name: section }).getByRole('button').first().click();
await page.getByRole('button', { name: edit }).click();
const title = page.getByLabel(label, { exact: true });
await title.waitFor();
// Focus moves to the editor's first field after the next paint.
await page.waitForTimeout(300);
await title.click();
await title.press('End');
await page.evaluate(() => {
  window.__edits = [];
  addEventListener('input', (ev) => { const t0 = ev.timeStamp; requestAnimationFrame(() => setTimeout(() => window.__edits.push(performance.now() - t0), 0)); }, true);
});
const cdp = await context.newCDPSession(page);
await cdp.send('Performance.enable');
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
const m0 = (await cdp.send('Performance.getMetrics')).metrics;
await cdp.send('Profiler.start');
const n = Number(process.env.KEYS ?? 40);
for (let i = 0; i < n; i++) {
  await title.press(i % 10 === 9 ? 'Backspace' : 'x');
  await page.waitForFunction((k) => window.__edits.length >= k, i + 1);
}
const { profile } = await cdp.send('Profiler.stop');
const m1 = (await cdp.send('Performance.getMetrics')).metrics;
const get = (m, k) => m.find((x) => x.name === k)?.value ?? 0;
for (const k of ['TaskDuration', 'ScriptDuration', 'LayoutDuration', 'RecalcStyleDuration', 'LayoutCount', 'RecalcStyleCount', 'Nodes']) {
  console.log(k, ((get(m1, k) - get(m0, k)) * (k.endsWith('Duration') ? 1000 / n : 1 / n)).toFixed(2), k.endsWith('Duration') ? 'ms/key' : '/key', k === 'Nodes' ? get(m1, k) : '');
}
const edits = await page.evaluate(() => window.__edits);
edits.sort((a, b) => a - b);
console.log('edit_to_paint median', edits[Math.floor(edits.length / 2)].toFixed(1), 'p95', edits[Math.floor(edits.length * 0.95)].toFixed(1));
// Self time by function.
const self = new Map();
const byId = new Map(profile.nodes.map((x) => [x.id, x]));
const dt = profile.timeDeltas;
const counts = new Map();
profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)));
for (const [id, us] of counts) {
  const node = byId.get(id);
  const name = `${node.callFrame.functionName || '(anon)'} ${node.callFrame.url.split('/').pop()}`;
  self.set(name, (self.get(name) ?? 0) + us);
}
const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 40);
for (const [name, us] of top) console.log((us / 1000 / n).toFixed(3), 'ms/key', name);
// Inclusive time for wasm functions: walk parents.
const parent = new Map();
for (const x of profile.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
const incl = new Map();
for (const [id, us] of counts) {
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const node = byId.get(cur);
    const name = `${node.callFrame.functionName || '(anon)'}`;
    if (seen.has(name)) continue;
    seen.add(name);
    incl.set(name, (incl.get(name) ?? 0) + us);
  }
}
console.log('--- inclusive');
for (const [name, us] of [...incl.entries()].sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log((us / 1000 / n).toFixed(3), 'ms/key', name);
// Under a chosen function: its callees, inclusive.
const focus = (process.env.FOCUS ?? 'new_with_compare').split(',');
const inclOf = new Map();
const total = (id) => { let t = counts.get(id) ?? 0; for (const c of byId.get(id).children ?? []) t += total(c); return t; };
const under = new Map();
const walk = (id, depth, inside) => {
  const node = byId.get(id);
  const name = node.callFrame.functionName || '(anon)';
  const here = focus.some((f) => name.includes(f));
  if (inside && depth <= 6) {
    const key = `${'  '.repeat(depth)}${name.slice(0, 150)}`;
    under.set(key, (under.get(key) ?? 0) + total(id));
  }
  for (const c of node.children ?? []) walk(c, inside ? depth + 1 : (here ? 1 : 0), inside || here);
};
walk(profile.nodes[0].id, 0, false);
console.log('--- under', focus);
for (const [name, us] of [...under.entries()].filter(([, us]) => us / 1000 / n > 0.15)) console.log((us / 1000 / n).toFixed(3), name);
await browser.close();
process.exit(0);
