// Snapshot-first open (#16, first part): the team paints from the snapshot
// the page kept, the document loads behind it, and an edit made right away
// is kept; a stale or damaged snapshot is ignored, then kept anew.
import { test, expect } from '@playwright/test';
import { section } from './helpers.mjs';

// The snapshot is kept in IndexedDB (database "roundtable", store "cache").
const cache = (page, op, key, value) => page.evaluate(([op, key, value]) => new Promise((resolve, reject) => {
  const open = indexedDB.open('roundtable', 1);
  open.onupgradeneeded = () => open.result.createObjectStore('cache');
  open.onerror = () => reject(open.error);
  open.onsuccess = () => {
    const db = open.result;
    const tx = db.transaction('cache', op === 'keys' || op === 'get' ? 'readonly' : 'readwrite');
    const store = tx.objectStore('cache');
    const req = op === 'keys' ? store.getAllKeys() : op === 'get' ? store.get(key) : store.put(value, key);
    tx.oncomplete = () => { db.close(); resolve(req.result ?? null); };
    tx.onerror = () => reject(tx.error);
  };
}), [op, key, value]);
// A snapshot is its JSON, a line break, and the JSON's FNV-1a checksum.
const fnv = (text) => {
  let h = 0xcbf29ce484222325n;
  for (const b of new TextEncoder().encode(text)) h = ((h ^ BigInt(b)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return h.toString(16).padStart(16, '0');
};
const bodyOf = (stored) => stored.slice(0, stored.lastIndexOf('\n'));
const snapshotKey = async (page) => ((await cache(page, 'keys')) || []).find((k) => k.endsWith('/snapshot'));
const measures = (page, name) => page.evaluate((n) => performance.getEntriesByName(`roundtable:${n}`).length, name);

test('the next visit paints from the snapshot; edits right after it are kept; a stale or damaged one is ignored', async ({ page }) => {
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

  // Not in localStorage: there it would take the room edits need.
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith('/snapshot')))).toEqual([]);

  // Made stale or cut short in IndexedDB behind the page (whose own copy
  // is current, so it does not write it again on leaving).
  const fresh = async () => {
    const j = await cache(page, 'get', await snapshotKey(page));
    return typeof j === 'string' && j.length > 500 && !j.includes('another tab stored after it') && !j.includes('damaged disk');
  };
  // "changed": one word of it changed, still good JSON, checksum not.
  for (const how of ['stale', 'cut', 'changed']) {
    // The page's own copy is current (it wrote one since opening).
    await expect.poll(fresh, { timeout: 15_000 }).toBe(true);
    const key = await snapshotKey(page);
    const json = await cache(page, 'get', key);
    expect(typeof json).toBe('string');
    if (how === 'cut') await cache(page, 'put', key, json.slice(0, 500));
    if (how === 'stale') {
      const s = JSON.parse(bodyOf(json));
      s.covers.chunks.push('an increment another tab stored after it');
      s.team.profile.purpose = 'stale';
      const body = JSON.stringify(s);
      await cache(page, 'put', key, `${body}\n${fnv(body)}`);
    }
    if (how === 'changed') {
      expect(fnv(bodyOf(json)), 'the checksum is FNV-1a of the JSON').toBe(json.slice(json.lastIndexOf('\n') + 1));
      const changed = json.replace('Painted from the snapshot', 'Painted from a damaged disk');
      expect(changed).not.toBe(json);
      await cache(page, 'put', key, changed);
    }
    await page.reload();
    await expect(page.getByLabel('Team purpose')).toHaveValue('Painted from the snapshot, edited at once');
    await page.waitForTimeout(500);
    expect(await measures(page, 'document-ready'), how).toBe(0);
  }
  await section(page, 'Decisions');
  await expect(page.getByRole('list', { name: 'Decisions' }).getByRole('listitem')).toHaveCount(12);

  // Storage as the previous version left it: the snapshot in localStorage
  // (a JSON string, as gloo-storage writes), none in IndexedDB. It is
  // moved, painted from, and the document and edits are all still there.
  await expect.poll(fresh, { timeout: 15_000 }).toBe(true);
  const key = await snapshotKey(page);
  const json = await cache(page, 'get', key);
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
  await page.evaluate(([k, v]) => localStorage.setItem(k, JSON.stringify(v)), [key, json]);
  await page.evaluate((k) => new Promise((resolve) => {
    const open = indexedDB.open('roundtable', 1);
    open.onsuccess = () => { const tx = open.result.transaction('cache', 'readwrite'); tx.objectStore('cache').delete(k); tx.oncomplete = () => { open.result.close(); resolve(); }; };
  }), key);
  await page.reload();
  await expect(page.getByRole('list', { name: 'Decisions' }).getByRole('listitem')).toHaveCount(12);
  await expect.poll(() => measures(page, 'document-ready')).toBe(1);
  expect(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()))).toBe(before);
  expect(await cache(page, 'get', key)).toBe(json);
  await section(page, 'Overview');
  await expect(page.getByLabel('Team purpose')).toHaveValue('Painted from the snapshot, edited at once');
});

test('without IndexedDB the team opens from its document and keeps every edit', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(window, 'indexedDB', { value: undefined }));
  await page.goto('./');
  await page.getByRole('button', { name: 'Open the example team' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Product Team' })).toBeVisible();
  await page.getByLabel('Team purpose').fill('Kept without IndexedDB');
  // No snapshot is made where it could not be kept (reading the team for
  // it holds a large team's page for most of a second).
  await page.waitForTimeout(3500);
  expect(await measures(page, 'keep-snapshot')).toBe(0);
  await page.reload();
  await expect(page.getByLabel('Team purpose')).toHaveValue('Kept without IndexedDB');
  await page.waitForTimeout(500);
  expect(await measures(page, 'document-ready')).toBe(0);
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.endsWith('/snapshot')))).toEqual([]);
});
