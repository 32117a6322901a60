// Snapshot-first open (#16, first part): the team paints from the snapshot
// the page kept, the document loads behind it, and an edit made right away
// is kept; a damaged or stale snapshot is ignored.
import { test, expect } from '@playwright/test';
import { section } from './helpers.mjs';

const snapshotKey = (page) => page.evaluate(() => Object.keys(localStorage).find((k) => k.endsWith('/snapshot')));
const measures = (page, name) => page.evaluate((n) => performance.getEntriesByName(`roundtable:${n}`).length, name);

test('the next visit paints from the snapshot; edits right after it are kept', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Open the example team' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Product Team' })).toBeVisible();
  // Kept a few seconds after opening (and whenever the page is hidden).
  await expect.poll(() => snapshotKey(page), { timeout: 15_000 }).toBeTruthy();

  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Product Team' })).toBeVisible();
  await section(page, 'Overview');
  await page.getByLabel('Team purpose').fill('Painted from the snapshot, edited at once');
  // It was painted from the snapshot: the document loaded behind it.
  await expect.poll(() => measures(page, 'document-ready')).toBe(1);
  await page.reload();
  await expect(page.getByLabel('Team purpose')).toHaveValue('Painted from the snapshot, edited at once');
  // That edit made the snapshot stale: this visit opened the document.
  await page.waitForTimeout(500);
  expect(await measures(page, 'document-ready')).toBe(0);

  // A damaged snapshot is ignored (and rebuilt a few seconds later).
  await expect.poll(() => snapshotKey(page), { timeout: 15_000 }).toBeTruthy();
  const key = await snapshotKey(page);
  await page.evaluate((k) => localStorage.setItem(k, localStorage.getItem(k).slice(0, 500)), key);
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Product Team' })).toBeVisible();
  await page.waitForTimeout(500);
  expect(await measures(page, 'document-ready')).toBe(0);
  expect(await page.evaluate((k) => localStorage.getItem(k).length, key)).toBe(500);
  await expect(page.getByLabel('Team purpose')).toHaveValue('Painted from the snapshot, edited at once');
  await section(page, 'Decisions');
  await expect(page.getByRole('list', { name: 'Decisions' }).getByRole('listitem')).toHaveCount(12);
});
