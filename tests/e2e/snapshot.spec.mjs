// Snapshot-first open (#16, first part): the team paints from the snapshot
// the page kept, the document loads behind it, and an edit made right away
// is kept; a stale or damaged snapshot is ignored, then kept anew.
import { test, expect } from '@playwright/test';
import { section } from './helpers.mjs';

const snapshotKey = (page) => page.evaluate(() => Object.keys(localStorage).find((k) => k.endsWith('/snapshot')));
const measures = (page, name) => page.evaluate((n) => performance.getEntriesByName(`roundtable:${n}`).length, name);

test('the next visit paints from the snapshot; edits right after it are kept; a stale or damaged one is ignored', async ({ page }) => {
  // At the start of the next page (after the old one kept its snapshot on
  // leaving), the snapshot is made stale or cut short when asked.
  await page.addInitScript(() => {
    const how = sessionStorage.getItem('spoil');
    sessionStorage.removeItem('spoil');
    const k = Object.keys(localStorage).find((key) => key.endsWith('/snapshot'));
    if (!how || !k) return;
    // Values are stored as JSON strings (gloo-storage).
    const json = JSON.parse(localStorage.getItem(k));
    if (how === 'cut') localStorage.setItem(k, JSON.stringify(json.slice(0, 500)));
    if (how === 'stale') {
      const s = JSON.parse(json);
      s.covers.chunks.push('an increment another tab stored after it');
      s.team.profile.purpose = 'stale';
      localStorage.setItem(k, JSON.stringify(JSON.stringify(s)));
    }
    sessionStorage.setItem('spoiled', how);
  });
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
  // The page kept the snapshot again when the reload hid it.
  await expect.poll(() => measures(page, 'document-ready')).toBe(1);

  for (const how of ['stale', 'cut']) {
    await page.evaluate((h) => sessionStorage.setItem('spoil', h), how);
    await page.reload();
    expect(await page.evaluate(() => sessionStorage.getItem('spoiled'))).toBe(how);
    await expect(page.getByLabel('Team purpose')).toHaveValue('Painted from the snapshot, edited at once');
    await page.waitForTimeout(500);
    expect(await measures(page, 'document-ready'), how).toBe(0);
  }
  await section(page, 'Decisions');
  await expect(page.getByRole('list', { name: 'Decisions' }).getByRole('listitem')).toHaveCount(12);
});
