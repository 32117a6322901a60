// The team as it was on a date: roles and who held them, decisions and
// their status, read-only and marked so; stepping through the days with
// changes; what changed since, and by whom.
import { test, expect } from '@playwright/test';
import { accessibilityProblems, addDecision, createTeam, section, shot } from './helpers.mjs';

test('the team on a past date, and what changed since', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.clock.setFixedTime(new Date('2026-03-02T10:00:00Z'));
  await createTeam(page, { me: 'Ana' });
  await section(page, 'Roles');
  await page.getByLabel('New role name').fill('Release lead');
  await page.getByRole('button', { name: 'Add role' }).click();
  await page.getByLabel('Assign a member').selectOption({ label: 'Ana' });
  await page.getByRole('button', { name: 'Assign' }).click();
  await expect(page.getByRole('button', { name: 'Step down: Ana' })).toBeVisible();
  await addDecision(page, 'Weekly releases');
  await section(page, 'Meetings');
  await page.getByLabel('Meeting date').fill('2026-03-02');
  await page.getByLabel('Kind of meeting').selectOption({ label: 'Retrospective' });
  await page.getByRole('button', { name: 'Plan meeting' }).click();
  await page.getByRole('button', { name: 'Mark as held' }).click();
  await expect(page.getByRole('button', { name: 'Mark as held' })).toHaveCount(0);

  // Three months later Ana hands the role to Bo.
  await page.clock.setFixedTime(new Date('2026-06-01T10:00:00Z'));
  await section(page, 'Members');
  await page.getByLabel("New member's name").fill('Bo');
  await page.getByRole('button', { name: 'Add member' }).click();
  await section(page, 'Roles');
  await page.getByRole('list', { name: 'Roles' }).getByRole('button', { name: 'Release lead' }).click();
  await page.getByLabel('Assign a member').selectOption({ label: 'Bo' });
  await page.getByRole('button', { name: 'Assign' }).click();
  await page.getByRole('button', { name: 'Step down: Ana' }).click();

  await section(page, 'History');
  await page.getByLabel('Show the team as it was on').fill('2026-04-15');
  await expect(page.getByRole('status').filter({ hasText: 'Read-only' })).toContainText('the team as it was at the end of 2026-04-15');
  const roles = page.getByRole('list', { name: 'Roles then' });
  await expect(roles).toContainText('Release lead Held by Ana');
  await expect(page.getByRole('list', { name: 'Decisions then' })).toContainText('Weekly releases');
  await expect(page.getByRole('heading', { name: 'Members then (1)' })).toBeVisible();
  const since = page.getByRole('heading', { name: 'What changed since 2026-04-15' }).locator('..');
  await expect(since).toContainText('1 new member');
  await expect(since).toContainText('Changed by Ana');
  await expect(page.getByRole('list', { name: 'Changed since' }).getByRole('button', { name: 'Changed role: Release lead' })).toBeVisible();
  await shot(page, '82-past');
  expect(await accessibilityProblems(page), 'History screen').toEqual([]);
  await page.setViewportSize({ width: 375, height: 800 });
  await shot(page, '83-past-375');
  await page.setViewportSize({ width: 1280, height: 800 });

  // Step to the next day with changes, and back.
  await page.getByRole('button', { name: 'Later day with changes' }).click();
  await expect(page.getByLabel('Show the team as it was on')).toHaveValue('2026-06-01');
  await expect(roles).toContainText('Release lead Held by Bo');
  await expect(page.getByRole('button', { name: 'Later day with changes' })).toBeDisabled();
  await page.getByRole('button', { name: 'Earlier day with changes' }).click();
  await expect(page.getByLabel('Show the team as it was on')).toHaveValue('2026-03-02');
  await page.getByLabel('Show the team as it was on').fill('2026-05-01');
  await page.getByRole('button', { name: 'Since the last retrospective (2026-03-02)' }).click();
  await expect(page.getByLabel('Show the team as it was on')).toHaveValue('2026-03-02');
  await expect(page.getByRole('heading', { name: 'What changed since 2026-03-02' })).toBeVisible();
  await page.getByLabel('Show the team as it was on').fill('2026-01-01');
  await expect(page.getByText('The team did not exist yet on that date.')).toBeVisible();

  // Nothing of the past can be edited, and "Back to now" returns.
  // (the only field is the date asked for).
  await expect(page.getByRole('main').getByRole('textbox')).toHaveCount(1);
  await expect(page.getByRole('main').getByRole('textbox', { name: 'Show the team as it was on' })).toBeVisible();
  await expect(page.getByRole('main').getByRole('combobox')).toHaveCount(0);
  await page.getByRole('button', { name: 'Back to now' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Overview' })).toBeVisible();

  // Each record's history: who changed which field, when.
  await section(page, 'Roles');
  await page.getByRole('list', { name: 'Roles' }).getByRole('button', { name: 'Release lead' }).click();
  await page.getByText('History of this role').click();
  const changes = page.getByRole('list', { name: 'Changes, newest first' });
  await expect(changes.getByRole('listitem').first()).toContainText('2026-06-01 Ana changed holders, past holders');
  await expect(changes.getByRole('listitem').last()).toHaveText('2026-03-02 Ana created it');
  await shot(page, '86-record-history');
});
