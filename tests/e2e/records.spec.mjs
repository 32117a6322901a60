// Records to read, print and take anywhere (#14): a decision opens as a
// record with Edit; options with pros and cons; focus and scroll on open;
// printing; Markdown, CSV and JSON exports; bringing a log in (twice).
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { accessibilityProblems, addDecision, addMember, createTeam, section, shot } from './helpers.mjs';

async function download(page, name) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name, exact: true }).click()]);
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

test('a decision is written in its editor, then read as a record, printed and exported', async ({ page, browser }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await createTeam(page);
  await addMember(page, 'Bo');
  await addDecision(page, 'Choose a database');
  // A new record opens in its editor, with focus on the first field to fill.
  await expect(page.getByLabel('Driver (why now)')).toBeFocused();
  await page.getByLabel('Driver (why now)').fill('Our <b>files</b> outgrew one laptop.\nWe need queries.');
  await page.getByLabel('Proposal').fill('Run PostgreSQL 16 on the shared host.');
  for (const title of ['PostgreSQL', 'SQLite, "embedded"']) {
    await page.getByLabel('New option').fill(title);
    await page.getByRole('button', { name: 'Add option' }).click();
  }
  const pg = page.getByRole('group', { name: 'Option: PostgreSQL' });
  await pg.getByLabel('For it (one point per line)').fill('Mature\nJSON columns');
  await pg.getByLabel('Against it (one point per line)').fill('A server to run');
  await pg.getByLabel('The option chosen').check();
  await page.getByRole('group', { name: 'Option: SQLite, "embedded"' }).getByLabel('Against it (one point per line)').fill('One writer at a time');
  await page.getByLabel('Outcome').fill('We use PostgreSQL from January.');
  await page.getByLabel('Rationale').fill('Zoë measured both, à la carte.');
  await page.getByRole('button', { name: 'Done editing' }).click();

  // Read: no form fields, the record's sections, focus back on its heading.
  const heading = page.getByRole('heading', { level: 2, name: 'Choose a database' });
  await expect(heading).toBeFocused();
  await expect(page.getByLabel('Driver (why now)')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 3, name: 'Options considered' })).toBeVisible();
  await expect(page.getByText('Our <b>files</b> outgrew one laptop.')).toBeVisible();
  await expect(page.locator('main b')).toHaveCount(0);
  await expect(page.getByText('Chosen', { exact: true })).toBeVisible();
  await expect(page.getByText('One writer at a time')).toBeVisible();
  await shot(page, '90-decision-record');
  await page.setViewportSize({ width: 375, height: 800 });
  await shot(page, '90-decision-record-375');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  expect(await accessibilityProblems(page)).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('button', { name: 'Edit this decision' })).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Sections' })).toBeHidden();
  await expect(page.getByRole('main').getByText('Platform', { exact: true })).toBeVisible();
  await shot(page, '91-decision-print');
  await page.emulateMedia({ media: 'screen' });

  // Opening a record from far down the log: at its top, focus on its heading.
  for (let i = 1; i <= 12; i++) {
    await section(page, 'Decisions');
    await page.getByLabel('New decision title').fill(`Filler decision ${i}`);
    await page.getByRole('button', { name: 'Add decision' }).click();
  }
  await section(page, 'Decisions');
  await page.getByRole('list', { name: 'Decisions' }).getByRole('button', { name: 'Choose a database' }).scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  await page.getByRole('list', { name: 'Decisions' }).getByRole('button', { name: 'Choose a database' }).click();
  await expect(heading).toBeFocused();
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  // The shortcut opens the editor from anywhere outside a field.
  await page.keyboard.press('e');
  await expect(page.getByLabel('Title', { exact: true })).toBeFocused();
  // Escape closes the editor again, focus back on the heading.
  await page.keyboard.press('Escape');
  await expect(heading).toBeFocused();
  await expect(page.getByRole('button', { name: 'Edit this decision' })).toBeVisible();

  // The log prints whole (the filter's decisions, not the first page).
  await section(page, 'Decisions');
  await page.getByLabel('Search').fill('database');
  await expect(page.getByText('Exports and printing take the 1 decision the filter shows.')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByText('Filtered: Words: database.')).toBeVisible();
  await expect(page.getByLabel('Search')).toBeHidden();
  await shot(page, '92-log-print');
  await page.emulateMedia({ media: 'screen' });

  // Exports follow the filter: one decision.
  const csv = await download(page, 'Export as spreadsheet (.csv)');
  expect(csv.name).toMatch(/^platform-decisions-\d{4}-\d{2}-\d{2}\.csv$/);
  const text = csv.bytes.toString('utf8');
  expect(text.split('\r\n')[0]).toContain('id,title,status,method,owner');
  expect(text).toContain('"Our <b>files</b> outgrew one laptop.\nWe need queries."');
  expect(text).toContain('"PostgreSQL; SQLite, ""embedded"""');
  expect(text).not.toContain('Filler decision');
  const zip = await download(page, 'Export as Markdown records (.zip)');
  expect(zip.name).toMatch(/\.zip$/);
  expect(zip.bytes.subarray(0, 2).toString()).toBe('PK');
  await section(page, 'Overview');
  const json = JSON.parse((await download(page, 'The whole team (JSON)')).bytes.toString('utf8'));
  expect(json.decisions).toHaveLength(13);
  const chosen = json.decisions.find((d) => d.title === 'Choose a database');
  expect(chosen['decision-outcome']['chosen-option']).toBe('PostgreSQL');
  expect(chosen['considered-options'][0].pros).toEqual(['Mature', 'JSON columns']);

  // A teammate's own team takes the Markdown log in: a preview, then once.
  const other = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const bo = await other.newPage();
  await createTeam(bo, { team: 'Archive', me: 'Bo' });
  const pick = bo.getByLabel('Choose record files or a zip');
  await pick.setInputFiles({ name: zip.name, mimeType: 'application/zip', buffer: zip.bytes });
  const preview = bo.getByRole('region', { name: 'What the import will do' });
  await expect(preview.getByRole('heading', { name: '1 decision to create' })).toBeVisible();
  await expect(preview.getByRole('list', { name: 'Files skipped' })).toContainText('index.md: not a numbered decision record');
  await shot(bo, '93-import-preview');
  await bo.getByRole('button', { name: 'Import 1 decision' }).click();
  await expect(bo.getByText('Imported 1 decision from the log.')).toBeVisible();
  await pick.setInputFiles({ name: zip.name, mimeType: 'application/zip', buffer: zip.bytes });
  await expect(preview.getByRole('heading', { name: '0 decisions to create' })).toBeVisible();
  await expect(preview).toContainText('Already in the team, not created again: Choose a database');
  await bo.getByRole('button', { name: 'Cancel' }).click();
  await section(bo, 'Decisions');
  await expect(bo.getByRole('list', { name: 'Decisions' }).getByRole('listitem')).toHaveCount(1);
  await bo.getByRole('list', { name: 'Decisions' }).getByRole('button', { name: 'Choose a database' }).click();
  await expect(bo.getByText('Zoë measured both, à la carte.')).toBeVisible();
  await expect(bo.getByText('Chosen', { exact: true })).toBeVisible();
  await other.close();
});

test('an adr-tools folder comes in with its links; a damaged zip changes nothing', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await createTeam(page);
  const files = [
    ['0001-use-mysql.md', '# 1. Use MySQL\n\nDate: 2024-03-01\n\n## Status\n\nSuperseded by [2. Use PostgreSQL](0002-use-postgresql.md)\n\n## Context\n\nWe need a database.\n\n## Decision\n\nWe will use MySQL.\n\n## Consequences\n\nOps learn MySQL.\n'],
    ['0002-use-postgresql.md', '# 2. Use PostgreSQL\n\nDate: 2024-06-10\n\n## Status\n\nAccepted\n\nSupercedes [1. Use MySQL](0001-use-mysql.md)\n\n## Context\n\nJSON support.\n\n## Decision\n\nWe will use PostgreSQL.\n\n## Consequences\n\nA migration.\n'],
    ['0003-broken.md', 'no heading at all\n'],
  ];
  const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).filter(([k]) => !k.endsWith('/snapshot')).sort()));
  await page.getByLabel('Choose record files or a zip').setInputFiles({ name: 'log.zip', mimeType: 'application/zip', buffer: Buffer.from('PK\u0003\u0004 damaged beyond reading') });
  await expect(page.getByText(/^Nothing was imported\./)).toBeVisible();
  expect(await page.evaluate(() => JSON.stringify(Object.entries(localStorage).filter(([k]) => !k.endsWith('/snapshot')).sort()))).toBe(before);
  await page.getByLabel('Choose record files or a zip').setInputFiles(files.map(([name, text]) => ({ name, mimeType: 'text/markdown', buffer: Buffer.from(text) })));
  const preview = page.getByRole('region', { name: 'What the import will do' });
  await expect(preview.getByRole('heading', { name: '2 decisions to create' })).toBeVisible();
  await expect(preview.getByRole('list', { name: 'Files skipped' })).toContainText('0003-broken.md: no title');
  await page.setViewportSize({ width: 375, height: 800 });
  await shot(page, '93-import-preview-375');
  expect(await accessibilityProblems(page)).toEqual([]);
  await page.getByRole('button', { name: 'Import 2 decisions' }).click();
  await section(page, 'Decisions');
  await page.getByRole('list', { name: 'Decisions' }).getByRole('button', { name: 'Use MySQL' }).click();
  await expect(page.getByText('Status', { exact: true }).locator('..')).toContainText('Superseded');
  await page.getByRole('button', { name: 'Use PostgreSQL' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Use PostgreSQL' })).toBeFocused();
  await expect(page.getByText('We will use PostgreSQL.')).toBeVisible();
});

test('a role and a member open as records to read; a new role opens at its purpose', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await createTeam(page);
  await section(page, 'Roles');
  await page.getByLabel('New role name').fill('Release lead');
  await page.getByRole('button', { name: 'Add role' }).click();
  await expect(page.getByLabel('Purpose')).toBeFocused();
  await page.getByLabel('Purpose').fill('Ship <i>calmly</i>.');
  await page.getByLabel('Accountabilities').fill('Cut releases\nWrite release notes');
  await page.getByRole('button', { name: 'Done editing' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Release lead' })).toBeFocused();
  await expect(page.getByText('Ship <i>calmly</i>.')).toBeVisible();
  await expect(page.getByRole('listitem').filter({ hasText: 'Write release notes' })).toBeVisible();
  await expect(page.getByLabel('Purpose')).toHaveCount(0);
  await page.setViewportSize({ width: 375, height: 800 });
  await shot(page, '94-role-record-375');
  await page.setViewportSize({ width: 1280, height: 900 });
  await shot(page, '94-role-record');
  // By keyboard: the Edit control, then the fields.
  await page.getByRole('button', { name: 'Edit this role' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Role name')).toBeFocused();
  await section(page, 'Roles');
  await page.emulateMedia({ media: 'print' });
  await shot(page, '95-role-map-print');
  await page.emulateMedia({ media: 'screen' });
  await section(page, 'Members');
  await page.getByRole('list', { name: 'Members' }).getByRole('button', { name: 'Ana', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Ana' })).toBeFocused();
  await expect(page.getByText('Joined on', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Edit this member' }).click();
  // Focus moves to the first field after the next paint: typing before
  // it would land in the name.
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
  await page.getByLabel('Expertise').fill('facilitation, finance');
  await page.getByRole('button', { name: 'Done editing' }).click();
  await expect(page.getByText('facilitation, finance')).toBeVisible();
  await shot(page, '96-member-record');
});
