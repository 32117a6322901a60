// Safe to rely on (#15): encrypted links and files between two teammates,
// copies outside the browser (the reminder, with the clock moved; the
// restore after storage is lost), undo, Back and Forward, a dropdown that
// commits once, and axe on every main screen.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import {
  accessibilityProblems, addDecision, addMember, createTeam, downloadTeamFile, section, shot, storedTeams, teamLink,
} from './helpers.mjs';

const PASS = 'tea before standup';

async function setPassphrase(page) {
  await section(page, 'Overview');
  const card = page.getByRole('region', { name: 'Encrypt files and links' });
  await card.getByLabel('Passphrase', { exact: true }).fill(PASS);
  await card.getByLabel('Passphrase again').fill(PASS);
  await card.getByRole('button', { name: 'Encrypt files and links' }).click();
  await expect(card.getByText("Files and links you make are encrypted with the team's passphrase.")).toBeVisible();
}

test('an encrypted link between two teammates opens only with the passphrase', async ({ page: a, browser }) => {
  await createTeam(a);
  await addMember(a, 'Bo');
  await addDecision(a, 'Hire a second designer');
  // A passphrase typed differently twice is refused.
  await section(a, 'Overview');
  const card = a.getByRole('region', { name: 'Encrypt files and links' });
  await card.getByLabel('Passphrase', { exact: true }).fill(PASS);
  await card.getByLabel('Passphrase again').fill('tea after standup');
  await card.getByRole('button', { name: 'Encrypt files and links' }).click();
  await expect(card.getByRole('alert')).toContainText('differ');
  await setPassphrase(a);
  await shot(a, '100-passphrase-set');
  const link = await teamLink(a);
  await expect(a.getByRole('status').filter({ hasText: 'encrypted' }).first()).toBeVisible();
  const file = await downloadTeamFile(a);
  expect(file.name).toMatch(/\.roundtable$/);
  expect(Buffer.from(file.bytes.slice(0, 29)).toString()).toBe('Roundtable encrypted file v1\n');
  expect(Buffer.from(file.bytes).includes(Buffer.from('Hire a second designer'))).toBe(false);
  // The passphrase is kept nowhere on Ana's device (she did not ask).
  expect(await a.evaluate((p) => Object.values(localStorage).some((v) => v.includes(p)), PASS)).toBe(false);

  const bo = await (await browser.newContext()).newPage();
  await bo.goto('./');
  const nothing = await storedTeams(bo);
  // A damaged copy of the link: one character changed in the ciphertext.
  const i = link.length - 10;
  const damaged = link.slice(0, i) + (link[i] === 'A' ? 'B' : 'A') + link.slice(i + 1);
  await bo.goto(damaged);
  const prompt = bo.getByRole('region', { name: 'This file is encrypted' });
  await prompt.getByLabel('Passphrase for this file').fill(PASS);
  await prompt.getByRole('button', { name: 'Open' }).click();
  await expect(prompt.getByRole('alert')).toContainText('does not open this file');
  expect(await storedTeams(bo)).toBe(nothing);
  await prompt.getByRole('button', { name: 'Cancel' }).click();

  await bo.goto(link);
  await expect(prompt).toBeVisible();
  await expect(bo).not.toHaveURL(/#team=/);
  await prompt.getByLabel('Passphrase for this file').fill('the wrong words');
  await prompt.getByRole('button', { name: 'Open' }).click();
  await expect(prompt.getByRole('alert')).toContainText('does not open this file');
  expect(await storedTeams(bo)).toBe(nothing);
  await shot(bo, '101-encrypted-link-prompt');
  await bo.setViewportSize({ width: 375, height: 800 });
  await shot(bo, '101-encrypted-link-prompt-375');
  expect(await accessibilityProblems(bo)).toEqual([]);
  await prompt.getByLabel('Passphrase for this file').fill(PASS);
  await prompt.getByRole('button', { name: 'Open' }).click();
  await expect(bo.getByRole('heading', { level: 1, name: 'Platform' })).toBeVisible();
  await expect(prompt).toHaveCount(0);
  await section(bo, 'Decisions');
  await expect(bo.getByRole('list', { name: 'Decisions' }).getByRole('button', { name: 'Hire a second designer' })).toBeVisible();

  // Bo sets the same passphrase, and his file back to Ana opens with the
  // one her tab knows, without asking.
  await bo.getByLabel('You are').selectOption({ label: 'Bo' });
  await setPassphrase(bo);
  await addDecision(bo, "Bo's proposal");
  const back = await downloadTeamFile(bo);
  expect(back.name).toMatch(/\.roundtable$/);
  await section(a, 'Overview');
  await a.getByLabel('Import a team file').setInputFiles({ name: back.name, mimeType: 'application/octet-stream', buffer: Buffer.from(back.bytes) });
  await expect(a.getByRole('status').filter({ hasText: 'Imported:' })).toBeVisible();
  await section(a, 'Decisions');
  await expect(a.getByRole('list', { name: 'Decisions' }).getByRole('button', { name: "Bo's proposal" })).toBeVisible();

  // After a reload Ana's tab must be given the passphrase again (checked).
  await a.reload();
  await section(a, 'Overview');
  await expect(card.getByLabel('Team passphrase')).toBeVisible();
  await card.getByLabel('Team passphrase').fill('tea before stand-up');
  await card.getByRole('button', { name: 'Use the passphrase' }).click();
  await expect(card.getByRole('alert')).toContainText('not the passphrase');
  await card.getByLabel('Team passphrase').fill(PASS);
  await card.getByLabel('Remember it on this device').check();
  await card.getByRole('button', { name: 'Use the passphrase' }).click();
  await expect(card.getByText('remembered on this device')).toBeVisible();
  await a.reload();
  await section(a, 'Overview');
  await expect(card.getByText("Files and links you make are encrypted with the team's passphrase.")).toBeVisible();
});

test('the last copy outside the browser is shown, a week without one reminds, and a file brings a lost team back', async ({ page, browser }) => {
  const day = 86_400_000;
  const t0 = new Date('2026-11-02T09:00:00Z').getTime();
  await page.clock.setFixedTime(t0);
  await createTeam(page);
  await addMember(page, 'Bo');
  await addDecision(page, 'Keep a copy elsewhere');
  await section(page, 'Overview');
  const card = page.getByRole('region', { name: 'Copies outside this browser' });
  await expect(card).toContainText('No copy of this team has left this browser yet.');
  await expect(card.getByRole('status')).toHaveCount(0);

  await page.clock.setFixedTime(t0 + 8 * day);
  await page.reload();
  await expect(card.getByRole('status')).toContainText('a week or more');
  await shot(page, '102-backup-reminder');
  await page.setViewportSize({ width: 375, height: 800 });
  await shot(page, '102-backup-reminder-375');
  await page.setViewportSize({ width: 1280, height: 800 });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    card.getByRole('button', { name: 'Download the team file' }).click(),
  ]);
  const file = readFileSync(await download.path());
  await expect(card).toContainText('Last copy outside this browser: today.');
  await expect(card.getByRole('status')).toHaveCount(0);

  await page.clock.setFixedTime(t0 + 20 * day);
  await page.reload();
  await expect(card).toContainText('Last copy outside this browser: 12 days ago.');
  await expect(card.getByRole('status')).toBeVisible();

  // The browser loses its storage; the file brings everything back.
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Create your team' })).toBeVisible();
  await page.getByLabel('Open a team file a teammate sent').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/octet-stream', buffer: file });
  await expect(page.getByRole('heading', { level: 1, name: 'Platform' })).toBeVisible();
  await section(page, 'Members');
  await expect(page.getByRole('list', { name: 'Members' }).getByRole('button', { name: 'Bo', exact: true })).toBeVisible();
  await section(page, 'Decisions');
  await expect(page.getByRole('list', { name: 'Decisions' }).getByRole('button', { name: 'Keep a copy elsewhere' })).toBeVisible();

  // On Safari, which deletes script-written storage, the card says why.
  const safari = await (await browser.newContext({
    userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
  })).newPage();
  await createTeam(safari);
  await expect(safari.getByRole('region', { name: 'Copies outside this browser' })).toContainText('Safari deletes what a site keeps');
  await section(page, 'Overview');
  await expect(card).toBeVisible();
  await expect(card).not.toContainText('Safari deletes');
});

test('a step down, a retired role and a status change are undone; typing keeps the browser\'s own undo', async ({ page }) => {
  await createTeam(page);
  await addMember(page, 'Bo');
  await section(page, 'Roles');
  await page.getByLabel('New role name').fill('Host');
  await page.getByRole('button', { name: 'Add role' }).click();
  await page.getByLabel('Assign a member').selectOption({ label: 'Bo' });
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  await page.getByRole('button', { name: 'Step down: Bo' }).click();
  const done = page.getByRole('status').filter({ hasText: 'Done: Bo leaving Host.' });
  await expect(done).toBeVisible();
  await expect(page.getByRole('button', { name: 'Step down: Bo' })).toHaveCount(0);
  await shot(page, '103-undo-notice');
  await page.setViewportSize({ width: 375, height: 800 });
  await shot(page, '103-undo-notice-375');
  await page.setViewportSize({ width: 1280, height: 800 });
  await done.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Undone: Bo leaving Host.' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Step down: Bo' })).toBeVisible();

  // Ctrl+Z outside a field undoes; inside a field it is the browser's.
  await page.getByRole('button', { name: 'Step down: Bo' }).click();
  await expect(done).toBeVisible();
  await page.getByLabel('Role name').click();
  await page.keyboard.type('X');
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('button', { name: 'Step down: Bo' })).toHaveCount(0);
  await page.getByRole('heading', { level: 2 }).first().click();
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('button', { name: 'Step down: Bo' })).toBeVisible();

  await page.getByRole('button', { name: 'Retire this role' }).click();
  await expect(page.getByRole('button', { name: 'Bring this role back' })).toBeVisible();
  await page.getByRole('banner').getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('button', { name: 'Retire this role' })).toBeVisible();

  // A closed dropdown moved with the arrow keys commits once, on Enter:
  // from Open, the way to Retired passes Draft (and Decided, refused).
  await addDecision(page, 'Ship monthly');
  const status = page.getByLabel('Status', { exact: true });
  await status.selectOption({ label: 'Open' });
  await expect(status).toHaveValue('open');
  const undo = page.getByRole('banner').getByRole('button', { name: 'Undo' });
  await expect(undo).toHaveAttribute('title', /it was draft/);
  await status.focus();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await expect(status).toHaveValue('retired');
  await expect(undo).toHaveAttribute('title', /it was draft/);
  await page.keyboard.press('Escape');
  await expect(status).toHaveValue('open');
  await expect(status).toBeVisible();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Done: the status change of “Ship monthly” (it was open).' })).toBeVisible();
  await expect(status).toHaveValue('retired');
  await undo.click();
  await expect(status).toHaveValue('open');
  await undo.click();
  await expect(status).toHaveValue('draft');
});

test('every screen has an address: Back, Forward, reload and a teammate opening it', async ({ page, browser }) => {
  await createTeam(page);
  await addMember(page, 'Bo');
  await section(page, 'Roles');
  await page.getByLabel('New role name').fill('Host');
  await page.getByRole('button', { name: 'Add role' }).click();
  await expect(page).toHaveURL(/\?team=t_[\w-]+&view=role&id=r_/);
  await addDecision(page, 'Ship monthly');
  await expect(page).toHaveURL(/view=decision&id=d_/);
  const decisionUrl = page.url();
  await section(page, 'Insights');
  await expect(page.getByRole('heading', { level: 2, name: 'Insights' })).toBeVisible();

  await page.goBack();
  await expect(page.getByRole('heading', { level: 2, name: 'Ship monthly' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Ship monthly' })).toBeFocused();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 2, name: 'Decisions' })).toBeVisible();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 2, name: 'Host' })).toBeVisible();
  await page.goForward();
  await expect(page.getByRole('heading', { level: 2, name: 'Decisions' })).toBeVisible();
  await page.goForward();
  await expect(page).toHaveURL(decisionUrl);
  await page.reload();
  await expect(page.getByRole('heading', { level: 2, name: 'Ship monthly' })).toBeVisible();

  // The decision log's filter is part of its address, and Back keeps it.
  await section(page, 'Decisions');
  await page.getByRole('region', { name: 'Find decisions' }).getByLabel('Status').selectOption({ label: 'Draft' });
  await expect(page).toHaveURL(/view=decisions&status=draft$/);
  await page.getByRole('list', { name: 'Decisions' }).getByRole('button', { name: 'Ship monthly' }).click();
  await page.goBack();
  await expect(page).toHaveURL(/view=decisions&status=draft$/);
  await expect(page.getByRole('region', { name: 'Find decisions' }).getByLabel('Status')).toHaveValue('draft');

  // The history screen keeps its day in the address too.
  await section(page, 'History');
  await page.getByLabel('Show the team as it was on').fill('2026-11-20');
  await expect(page).toHaveURL(/view=history&day=2026-11-20$/);
  await page.reload();
  await expect(page.getByLabel('Show the team as it was on')).toHaveValue('2026-11-20');
  await section(page, 'Roles');
  await page.goBack();
  await expect(page.getByLabel('Show the team as it was on')).toHaveValue('2026-11-20');

  // A notice belongs to its screen.
  await section(page, 'Members');
  await page.getByRole('button', { name: 'Add member' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await section(page, 'Roles');
  await expect(page.getByRole('alert')).toHaveCount(0);

  // A teammate with the team opens the same address on the same record.
  const file = await downloadTeamFile(page);
  const bo = await (await browser.newContext()).newPage();
  await bo.goto('./');
  await bo.getByLabel('Open a team file a teammate sent').setInputFiles({ name: file.name, mimeType: 'application/octet-stream', buffer: Buffer.from(file.bytes) });
  await expect(bo.getByRole('heading', { level: 1, name: 'Platform' })).toBeVisible();
  await bo.goto(decisionUrl);
  await expect(bo.getByRole('heading', { level: 2, name: 'Ship monthly' })).toBeVisible();
  // Someone without the team is told so, and sees their own screens.
  const eve = await (await browser.newContext()).newPage();
  await eve.goto(decisionUrl);
  await expect(eve.getByRole('status').filter({ hasText: 'not in this browser' })).toBeVisible();
});

test('axe finds nothing on any main screen', async ({ page }) => {
  await page.goto('./');
  // The app mounts once storage has answered: check the screen, not the
  // page before it.
  await expect(page.getByRole('heading', { level: 1, name: 'Roundtable' })).toBeVisible();
  expect(await accessibilityProblems(page, { all: true }), 'welcome').toEqual([]);
  await page.getByRole('button', { name: 'Open the example team' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Product Team' })).toBeVisible();
  const screens = ['Overview', 'Members', 'Roles', 'Decisions', 'Meetings', 'Tensions', 'Who decides?', 'Insights', 'History'];
  for (const name of screens) {
    await section(page, name);
    await expect(page.locator('main h2').first()).toBeFocused();
    expect(await accessibilityProblems(page, { all: true }), name).toEqual([]);
    const first = { Members: 'Members', Roles: 'Roles', Decisions: 'Decisions', }[name];
    if (first) {
      await page.getByRole('list', { name: first, exact: true }).getByRole('button').first().click();
      await expect(page.locator('main h2').first()).toBeFocused();
      expect(await accessibilityProblems(page, { all: true }), `a record of ${name}`).toEqual([]);
      await page.getByRole('button', { name: /^Edit this/ }).click();
      expect(await accessibilityProblems(page, { all: true }), `editing a record of ${name}`).toEqual([]);
    }
    if (name === 'Meetings') {
      await page.getByRole('button', { name: 'Plan meeting' }).click();
      await expect(page.getByRole('heading', { level: 2, name: /meeting/i })).toBeVisible();
      expect(await accessibilityProblems(page, { all: true }), 'a meeting').toEqual([]);
    }
  }
});
