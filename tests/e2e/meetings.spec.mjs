// Meetings led in turn: a tension raised, put on a meeting's agenda,
// processed into a decision, the meeting held, and the next one proposed
// by fair rotation with the reason shown.
import { test, expect } from '@playwright/test';
import { accessibilityProblems, addMember, createTeam, section, shot } from './helpers.mjs';

test('a tension goes on an agenda, becomes a decision, and the next meeting is proposed in turn', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  // The meetings below have fixed dates, and members count from the day
  // they joined: the clock starts on the first meeting's day.
  await page.clock.install({ time: new Date('2026-12-01T09:00:00Z') });
  await createTeam(page, { me: 'Ana' });
  await addMember(page, 'Bo');
  await addMember(page, 'Cy');

  await section(page, 'Tensions');
  await page.getByLabel('Tension', { exact: true }).fill('Nobody owns the release calendar\nReleases slip every month.');
  await page.getByRole('button', { name: 'Raise tension' }).click();
  const open = page.getByRole('list', { name: 'Open tensions' });
  await expect(open.getByRole('heading', { name: 'Nobody owns the release calendar' })).toBeVisible();
  await expect(open).toContainText('raised by Ana');
  await shot(page, '70-tensions');
  expect(await accessibilityProblems(page), 'Tensions screen').toEqual([]);

  await section(page, 'Meetings');
  await page.getByLabel('Meeting date').fill('2026-12-01');
  await page.getByRole('button', { name: 'Plan meeting' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Tactical meeting, 2026-12-01' })).toBeVisible();
  // Nobody has been to a meeting yet: nobody is proposed; people choose.
  await page.getByLabel('Facilitator').selectOption({ label: 'Bo' });
  await page.getByLabel('Note-taker').selectOption({ label: 'Cy' });
  await page.getByLabel('Open tension').selectOption({ label: 'Nobody owns the release calendar' });
  await page.getByRole('button', { name: 'Add tension to agenda' }).click();
  const item = page.getByRole('list', { name: 'Agenda' }).getByRole('listitem').first();
  await expect(item.getByRole('heading', { name: 'Tension: Nobody owns the release calendar' })).toBeVisible();
  await item.getByLabel('Notes').fill('Agreed: a release role, Bo drafts it.');
  await item.getByRole('button', { name: 'Make a decision from this' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Nobody owns the release calendar' })).toBeVisible();

  await section(page, 'Meetings');
  await page.getByRole('list', { name: 'Planned meetings' }).getByRole('button', { name: 'Tactical meeting, 2026-12-01' }).click();
  await expect(item.getByLabel('Notes')).toHaveValue('Agreed: a release role, Bo drafts it.');
  await item.getByRole('button', { name: 'Processed' }).click();
  await expect(item).toContainText('Processed');
  await shot(page, '71-meeting');
  expect(await accessibilityProblems(page), 'meeting screen').toEqual([]);
  await page.setViewportSize({ width: 375, height: 800 });
  await shot(page, '72-meeting-375');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: 'Mark as held' }).click();
  await expect(page.getByRole('button', { name: 'Mark as held' })).toHaveCount(0);

  await section(page, 'Tensions');
  const done = page.getByRole('list', { name: 'Tensions processed or dropped' });
  await expect(done.getByRole('heading', { name: 'Nobody owns the release calendar' })).toBeVisible();
  await expect(done).toContainText('Processed');

  // The next meeting: Ana has not led one yet, so she is proposed (to
  // facilitate or take notes, whichever she has done less), and why.
  await section(page, 'Meetings');
  await expect(page.getByRole('list', { name: 'Meetings held' })).toContainText('Facilitator: Bo; notes: Cy; 1 of 1 agenda items processed');
  await page.getByLabel('Meeting date').fill('2026-12-08');
  await page.getByRole('button', { name: 'Plan meeting' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Tactical meeting, 2026-12-08' })).toBeVisible();
  const facilitator = await page.getByLabel('Facilitator').locator('option:checked').textContent();
  const noteTaker = await page.getByLabel('Note-taker').locator('option:checked').textContent();
  expect([facilitator, noteTaker]).toContain('Ana');
  expect(facilitator).not.toBe(noteTaker);
  expect(['Ana', 'Bo', 'Cy']).toContain(facilitator);
  expect(['Ana', 'Bo', 'Cy']).toContain(noteTaker);
  await expect(page.getByText('Proposed: Ana: led 0 of 1 meeting since joining (facilitated 0, took notes 0); has not facilitated yet')).toBeVisible();
  await shot(page, '73-next-meeting-proposed');
  await section(page, 'Meetings');
  expect(await accessibilityProblems(page), 'Meetings screen').toEqual([]);
});
