// A static site that works offline after one visit, from any sub-path,
// installable, loading nothing from elsewhere, and careful with storage.
import { test, expect, chromium } from '@playwright/test';
import * as Automerge from '@automerge/automerge';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { addMember, createTeam, downloadTeamFile, openTab, section, shot } from './helpers.mjs';

const root = new URL('../../', import.meta.url).pathname;

async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, { timeout: 15_000 });
}

/** Serves a copy of dist/ under a sub-path, as a static host would. */
async function deployCopy(port, base, env = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'roundtable-deploy-'));
  cpSync(join(root, 'dist'), dir, { recursive: true });
  const server = spawn('node', [join(root, 'scripts/static-server.mjs'), dir, String(port), base], { stdio: 'pipe', env: { ...process.env, ...env } });
  await new Promise((resolve, reject) => {
    server.stdout.on('data', (d) => String(d).includes('serving') && resolve());
    server.on('exit', reject);
  });
  return { dir, url: `http://127.0.0.1:${port}${base}`, stop: () => { server.kill(); rmSync(dir, { recursive: true, force: true }); } };
}

test('after one visit it works offline: reload, new tab, browser restart', async ({ baseURL }) => {
  const profile = mkdtempSync(join(tmpdir(), 'roundtable-profile-'));
  const launch = { ...test.info().project.use.launchOptions, baseURL };
  let context = await chromium.launchPersistentContext(profile, launch);
  let page = await context.newPage();
  await page.goto('./');
  await controlled(page);
  await createTeam(page, { team: 'Offline team', me: 'Ana' });

  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Offline team' })).toBeVisible();
  await addMember(page, 'Bo');
  await section(page, 'Roles');
  await page.getByLabel('New role name').fill('Host');
  await page.getByRole('button', { name: 'Add role' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Host' })).toBeVisible();

  const tab = await openTab(context, 'Offline team');
  await section(tab, 'Members');
  await expect(tab.getByRole('list', { name: 'Members' }).getByRole('button', { name: 'Bo' })).toBeVisible();
  await context.close();

  // The browser restarts with no network at all.
  context = await chromium.launchPersistentContext(profile, { ...launch, offline: true });
  page = await openTab(context, 'Offline team');
  await section(page, 'Roles');
  await expect(page.getByRole('list', { name: 'Roles' }).getByRole('button', { name: 'Host' })).toBeVisible();
  await context.close();
  rmSync(profile, { recursive: true, force: true });
});

test('deployed under a sub-path it works offline there, and a new deployment is offered without breaking the open page', async ({ page, context }) => {
  const site = await deployCopy(4181, '/tools/roundtable/');
  try {
    await page.goto(site.url);
    await controlled(page);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope);
    expect(scope).toBe(site.url);
    await page.getByLabel('Team name').fill('Sub-path team');
    await page.getByLabel('Your name').fill('Ana');
    await page.getByRole('button', { name: 'Create team' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Sub-path team' })).toBeVisible();
    await context.setOffline(true);
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Sub-path team' })).toBeVisible();
    await context.setOffline(false);

    // A changed build is deployed.
    const index = join(site.dir, 'index.html');
    writeFileSync(index, readFileSync(index, 'utf8').replace('<title>', '<meta name="roundtable-build" content="second" />\n    <title>'));
    const sw = join(site.dir, 'sw.js');
    writeFileSync(sw, readFileSync(sw, 'utf8').replace(/const VERSION = '[^']+'/, "const VERSION = 'second-deploy'"));
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
    await expect(page.getByRole('status').filter({ hasText: 'A new version of Roundtable is ready.' })).toBeVisible();
    await shot(page, '30-update-ready');
    // The open page keeps working on its version meanwhile.
    await addMember(page, 'Bo');
    await expect(page.locator('meta[name="roundtable-build"]')).toHaveCount(0);
    await page.getByRole('button', { name: 'Reload' }).click();
    await expect(page.locator('meta[name="roundtable-build"]')).toHaveAttribute('content', 'second');
    await expect(page.getByRole('heading', { level: 1, name: 'Sub-path team' })).toBeVisible();
    await section(page, 'Members');
    await expect(page.getByRole('list', { name: 'Members' }).getByRole('button', { name: 'Bo' })).toBeVisible();
  } finally {
    site.stop();
  }
});

test('Chromium finds it installable, with the project\'s own icons', async ({ baseURL }) => {
  // A real profile: Chromium never offers to install from an incognito one.
  const profile = mkdtempSync(join(tmpdir(), 'roundtable-profile-'));
  const context = await chromium.launchPersistentContext(profile, { ...test.info().project.use.launchOptions, baseURL });
  const page = await context.newPage();
  await page.goto('./');
  await controlled(page);
  const cdp = await page.context().newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  expect(installabilityErrors).toEqual([]);
  const { data } = await cdp.send('Page.getAppManifest');
  const manifest = JSON.parse(data);
  expect(manifest).toMatchObject({ name: 'Roundtable', display: 'standalone', theme_color: '#1f4e5f', start_url: './' });
  const sizes = manifest.icons.map((i) => i.sizes);
  expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of manifest.icons) {
    const res = await page.request.get(new URL(icon.src, page.url()).href);
    expect(res.ok()).toBe(true);
    expect(res.headers()['content-type']).toBe('image/png');
  }
  await context.close();
  rmSync(profile, { recursive: true, force: true });
});

test('a whole session loads nothing from any other origin and breaks no security policy', async ({ page, baseURL }) => {
  const origin = new URL(baseURL).origin;
  const elsewhere = [];
  const refused = [];
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')) elsewhere.push(url);
  });
  page.on('console', (m) => /Content Security Policy|Refused to/.test(m.text()) && refused.push(m.text()));
  await createTeam(page, { team: 'Platform', me: 'Ana' });
  await addMember(page, 'Bo');
  await section(page, 'Roles');
  await page.getByLabel('New role name').fill('Host');
  await page.getByRole('button', { name: 'Add role' }).click();
  await section(page, 'Decisions');
  await page.getByLabel('New decision title').fill('Rotate');
  await page.getByRole('button', { name: 'Add decision' }).click();
  await downloadTeamFile(page);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.getByLabel('Team', { exact: true }).selectOption({ label: 'New team or example…' });
  await page.getByRole('button', { name: 'Open the example team' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Product Team' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content);
  expect(csp).toContain("default-src 'self'");
  expect(elsewhere).toEqual([]);
  expect(refused).toEqual([]);
});

test('storage: the app says what it keeps, and a full storage loses no edit', async ({ page }) => {
  await createTeam(page, { team: 'Platform', purpose: 'Start', me: 'Ana' });
  const panel = page.getByRole('region', { name: "This browser's storage" });
  await expect(panel).toContainText(/keep this site's data/);
  await expect(panel).toContainText(/This team takes \d+ KB of the about 5\.0 MB this browser gives Roundtable; about [\d.]+ MB is left\./);
  await shot(page, '31-storage-panel');

  // Something else fills this site's storage to the brim.
  await page.evaluate(() => {
    let size = 1 << 20;
    let i = 0;
    while (size >= 16) {
      try { localStorage.setItem(`junk-${i++}`, 'x'.repeat(size)); } catch { size >>= 1; }
    }
  });
  const purpose = page.getByLabel('Team purpose');
  await purpose.click();
  await purpose.press('End');
  await page.keyboard.type(' and keep going');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('storage for this site is full');
  await expect(panel).toContainText(/about \d+ KB is left/);
  await shot(page, '32-storage-full');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    alert.getByRole('button', { name: 'Download team file' }).click(),
  ]);
  const doc = Automerge.load(new Uint8Array(readFileSync(await download.path())));
  expect(String(doc.team.purpose)).toBe('Start and keep going');

  // Room again: the edits kept in the tab are stored with the next one.
  await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('junk-')).forEach((k) => localStorage.removeItem(k)));
  await purpose.click();
  await purpose.press('End');
  await page.keyboard.type('!');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.reload();
  await expect(page.getByLabel('Team purpose')).toHaveValue('Start and keep going!');
});

/**
 * Deploys a new build over `dir` the way `rsync --delete` does: the hashed
 * files get new names, the old ones are deleted, index.html and sw.js name
 * the new ones, and the page carries a marker.
 */
const sha256 = (s) => createHash('sha256').update(s).digest('base64');

function deployNewBuild(dir) {
  // Trunk's hashes are 64-bit numbers in hex, without leading zeros: one
  // build in sixteen names a file with 15 digits.
  const hashed = readdirSync(dir).filter((f) => /-[0-9a-f]{12,16}(_bg)?\.(js|wasm|css)$/.test(f));
  const renames = hashed.map((f) => [f, f.replace(/-([0-9a-f]{12,16})(?=(_bg)?\.)/, '-0000000000000002')]);
  for (const [from, to] of renames) {
    writeFileSync(join(dir, to), readFileSync(join(dir, from)));
  }
  for (const text of ['index.html', 'sw.js', ...renames.map(([, to]) => to).filter((f) => f.endsWith('.js'))]) {
    let body = readFileSync(join(dir, text), 'utf8');
    for (const [from, to] of renames) body = body.split(from).join(to);
    if (text === 'index.html') {
      body = body.replace('<title>', '<meta name="roundtable-build" content="second" />\n    <title>');
      // The start-up script names the files: its hash in the policy changes too.
      for (const [, script] of body.matchAll(/<script type="module">([\s\S]*?)<\/script>/g)) {
        const old = [...readFileSync(join(dir, 'index.html'), 'utf8').matchAll(/<script type="module">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
        for (const o of old) body = body.replace(`'sha256-${sha256(o)}'`, `'sha256-${sha256(script)}'`);
      }
    }
    if (text === 'sw.js') body = body.replace(/const VERSION = '[^']+'/, "const VERSION = 'second-deploy'");
    writeFileSync(join(dir, text), body);
  }
  for (const [from] of renames) unlinkSync(join(dir, from));
  expect(renames.length).toBeGreaterThanOrEqual(3);
}

test('an update on a host that sends max-age, with the old files deleted, reloads into the new version in every open tab', async ({ context }) => {
  const site = await deployCopy(4182, '/rt/', { MAX_AGE: '600' });
  try {
    const page = await context.newPage();
    await page.goto(site.url);
    await controlled(page);
    await page.getByLabel('Team name').fill('Cached team');
    await page.getByLabel('Your name').fill('Ana');
    await page.getByRole('button', { name: 'Create team' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Cached team' })).toBeVisible();
    const second = await context.newPage();
    await second.goto(site.url);
    await expect(second.getByRole('heading', { level: 1, name: 'Cached team' })).toBeVisible();

    deployNewBuild(site.dir);
    // The tab notices by itself when it is shown again.
    await page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
    const ready = (p) => p.getByRole('status').filter({ hasText: 'A new version of Roundtable is ready.' });
    await expect(ready(page)).toBeVisible({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Reload' }).click();
    await expect(page.locator('meta[name="roundtable-build"]')).toHaveAttribute('content', 'second');
    await expect(page.getByRole('heading', { level: 1, name: 'Cached team' })).toBeVisible();

    // The second tab now runs old code under the new worker: it says so,
    // and its Reload brings the new version.
    await expect(ready(second)).toBeVisible();
    await second.getByRole('button', { name: 'Reload' }).click();
    await expect(second.locator('meta[name="roundtable-build"]')).toHaveAttribute('content', 'second');
    await expect(second.getByRole('heading', { level: 1, name: 'Cached team' })).toBeVisible();

    // And offline, the new version opens from its cache.
    await context.setOffline(true);
    await second.reload();
    await expect(second.locator('meta[name="roundtable-build"]')).toHaveAttribute('content', 'second');
    await expect(second.getByRole('heading', { level: 1, name: 'Cached team' })).toBeVisible();
    await context.setOffline(false);
  } finally {
    site.stop();
  }
});
