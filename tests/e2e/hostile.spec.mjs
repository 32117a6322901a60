// Damaged and hostile files and links never crash, freeze or corrupt the
// app: each is checked in the import worker first and refused within 3 s
// with a plain message, the page keeps painting (a frame at least every
// 100 ms), storage is left exactly as it was, and a good file or link
// opened next still merges. Fixtures: tests/e2e/fixtures (made by
// `cargo test --test hostile -- --ignored write_e2e_fixtures`).
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { importFile, section, shot, storedTeams } from './helpers.mjs';

const fixture = (name) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));
const text = (name) => fixture(name).toString('utf8').trim();

/** Joins the fixtures' team from its file, in a fresh browser. */
async function joinBase(page) {
  await page.goto('./');
  await page.getByLabel('Open a team file a teammate sent').setInputFiles({
    name: 'platform.automerge', mimeType: 'application/octet-stream', buffer: fixture('base.automerge'),
  });
  await expect(page.getByRole('heading', { level: 1, name: 'Platform' })).toBeVisible();
}

/** Runs `attempt`, then waits for the refusal; returns how long it took and
 * the longest gap between two animation frames meanwhile. */
async function refused(page, attempt, words) {
  await page.evaluate(() => {
    window.__gaps = [];
    window.__frames = true;
    let last = performance.now();
    const tick = (t) => {
      window.__gaps.push(t - last);
      last = t;
      if (window.__frames) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const started = Date.now();
  await attempt();
  const alert = page.getByRole('alert').filter({ hasText: 'Nothing was imported' });
  await expect(alert).toBeVisible({ timeout: 3_000 });
  const took = Date.now() - started;
  if (words) await expect(alert).toContainText(words);
  const gap = await page.evaluate(() => {
    window.__frames = false;
    return Math.max(...window.__gaps);
  });
  return { took, gap, alert };
}

async function openLink(page, fragment) {
  await page.evaluate((f) => { location.hash = f; }, fragment);
}

test('hostile links and files are refused in the worker, quickly, and change nothing', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.setViewportSize({ width: 1280, height: 800 });
  await joinBase(page);
  await page.getByRole('button', { name: 'Dismiss' }).first().click();
  const before = await storedTeams(page);

  const attempts = [
    ['a link with one character changed', () => openLink(page, text('one-char-changed.link')), 'could not read it safely'],
    ['a link holding 500 nested maps', () => openLink(page, text('nested-500.link')), 'nests data deeper'],
    ['a file of two million characters', () => importFile(page, fixture('text-2m.automerge')), 'far more changes'],
    ['a link that expands to a gigabyte', () => openLink(page, text('bomb-1g.link')), 'expands to more than'],
  ];
  for (const [what, attempt, words] of attempts) {
    const { took, gap, alert } = await refused(page, attempt, words);
    expect(took, `${what}: refused within 3 s`).toBeLessThan(3_000);
    expect(gap, `${what}: a frame at least every 100 ms`).toBeLessThan(100);
    expect(await storedTeams(page), `${what}: storage unchanged`).toBe(before);
    if (what.startsWith('a link with one')) await shot(page, '60-hostile-link-refused');
    await alert.getByRole('button', { name: 'Dismiss' }).click();
  }
  await expect(page).not.toHaveURL(/#/);
  await page.setViewportSize({ width: 375, height: 800 });
  await openLink(page, text('nested-500.link'));
  await expect(page.getByRole('alert').filter({ hasText: 'nests data deeper' })).toBeVisible();
  await shot(page, '61-hostile-refused-375');
  await page.setViewportSize({ width: 1280, height: 800 });

  // The app goes on working: the undamaged link merges, and so does a file.
  await openLink(page, text('one-char-changed.original.link'));
  await expect(page.getByRole('status').filter({ hasText: 'Imported: 3 new decisions' })).toBeVisible();
  await importFile(page, fixture('teammate.automerge'));
  await expect(page.getByRole('status').filter({ hasText: 'Imported:' })).toBeVisible();
  await section(page, 'Decisions');
  await expect(page.getByRole('list', { name: 'Decisions' }).getByRole('button', { name: "Bo's decision 2" })).toBeVisible();
  expect(errors, 'no error reached the page').toEqual([]);
});

test('a worker that crashes is replaced: the same damaged link twice, then a good one', async ({ page }) => {
  await joinBase(page);
  const before = await storedTeams(page);
  for (let i = 0; i < 2; i += 1) {
    const { took } = await refused(page, () => openLink(page, text('one-char-changed.link')), 'could not read it safely');
    expect(took).toBeLessThan(3_000);
    await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
  }
  expect(await storedTeams(page)).toBe(before);
  // Each crash ended that worker; a new one started for the next check.
  await openLink(page, text('one-char-changed.original.link'));
  await expect(page.getByRole('status').filter({ hasText: 'Imported: 3 new decisions' })).toBeVisible();
});

test('a check that runs out of time, or a worker that cannot start, is said plainly; the next check works', async ({ browser }) => {
  // Service workers would serve the worker's loader past the routes below.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  // A worker that says it is ready, then never answers.
  await context.route(/import-worker-[0-9a-f]+\.js$/, (route) => route.fulfill({
    contentType: 'text/javascript', body: 'self.postMessage({ ready: true }); self.onmessage = () => {};',
  }));
  await page.goto('./');
  const join = (buffer) => page.getByLabel('Open a team file a teammate sent').setInputFiles({
    name: 'platform.automerge', mimeType: 'application/octet-stream', buffer,
  });
  const { took } = await refused(page, () => join(fixture('base.automerge')), 'took too long');
  expect(took).toBeGreaterThan(2_000);
  expect(await storedTeams(page)).toBe('[]');
  await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();

  // A worker whose script fails to load.
  await context.unroute(/import-worker-[0-9a-f]+\.js$/);
  await context.route(/import-worker-[0-9a-f]+\.js$/, (route) => route.fulfill({
    contentType: 'text/javascript', body: 'throw new Error("broken");',
  }));
  await refused(page, () => join(fixture('base.automerge')), 'could not start');
  expect(await storedTeams(page)).toBe('[]');
  await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();

  // The real worker again: the same file joins the team.
  await context.unroute(/import-worker-[0-9a-f]+\.js$/);
  await join(fixture('base.automerge'));
  await expect(page.getByRole('heading', { level: 1, name: 'Platform' })).toBeVisible();
  await context.close();
});
