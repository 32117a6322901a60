// Two teammates plan and run a meeting by exchanging files: a tension raised
// from the header, put on the agenda from the record's suggestions, run item
// by item, processed into a decision, a recognition given — and the next
// meeting proposed the same in both copies.
import { test, expect } from '@playwright/test';
import {
  accessibilityProblems, addMember, createTeam, downloadTeamFile, importFile, section, shot, teamLink,
} from './helpers.mjs';

async function exchange(from, to) {
  const file = await downloadTeamFile(from);
  await importFile(to, file.bytes, file.name);
  await expect(to.getByRole('status').filter({ hasText: 'Imported:' })).toBeVisible();
}

async function openMeeting(page, title, list = 'Planned meetings') {
  await section(page, 'Meetings');
  await page.getByRole('list', { name: list }).getByRole('button', { name: title }).click();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
}

test('two teammates plan and run a meeting, exchanging files', async ({ browser }) => {
  const a = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  const b = await (await browser.newContext({ viewport: { width: 1280, height: 800 } })).newPage();
  // The meetings below have fixed dates, and members count from the day
  // they joined: both browsers' clocks start on the first meeting's day.
  for (const p of [a, b]) await p.clock.install({ time: new Date('2026-12-01T09:00:00Z') });
  await createTeam(a, { me: 'Ana' });
  await addMember(a, 'Cy');
  await b.goto(await teamLink(a));
  await b.getByLabel('Not listed? Your name').fill('Bo');
  await b.getByRole('button', { name: 'Add me to the team' }).click();
  await expect(b.getByLabel('You are').locator('option:checked')).toHaveText('Bo');

  // Bo raises a tension from the header, without leaving the screen he is on.
  await section(b, 'Decisions');
  await b.getByRole('button', { name: 'Raise a tension' }).click();
  await b.setViewportSize({ width: 375, height: 800 });
  await shot(b, '74-raise-from-header-375');
  await b.setViewportSize({ width: 1280, height: 800 });
  const popover = b.getByRole('form', { name: 'Raise a tension' });
  await popover.getByLabel('Tension', { exact: true }).fill('Nobody owns the release calendar\nReleases slip every month.');
  await popover.getByRole('button', { name: 'Raise tension' }).click();
  await expect(b.getByRole('status')).toContainText('Tension raised');
  await expect(popover).toHaveCount(0);
  await expect(b.getByRole('heading', { level: 2, name: 'Decisions' })).toBeVisible();
  await exchange(b, a);

  // Ana plans the meeting; the record suggests Bo's tension.
  await section(a, 'Meetings');
  await a.getByLabel('Meeting date').fill('2026-12-01');
  await a.getByRole('button', { name: 'Plan meeting' }).click();
  await expect(a.getByRole('heading', { level: 2, name: 'Tactical meeting, 2026-12-01' })).toBeVisible();
  await a.getByLabel('Other agenda item').fill('Check-in round');
  await a.getByRole('button', { name: 'Add item' }).click();
  const suggested = a.getByRole('group', { name: 'Suggested from the record' });
  await expect(suggested).toContainText('Open tensions (1)');
  await shot(a, '75-agenda-suggested');
  await suggested.getByRole('button', { name: 'Add Tension: Nobody owns the release calendar' }).click();
  await expect(suggested).toHaveCount(0);
  await a.getByLabel('Facilitator').selectOption({ label: 'Bo' });
  await a.getByLabel('Note-taker').selectOption({ label: 'Ana' });
  await exchange(a, b);

  // Bo runs it, one item at a time.
  await openMeeting(b, 'Tactical meeting, 2026-12-01');
  await expect(b.getByLabel('Facilitator').locator('option:checked')).toHaveText('Bo');
  await b.getByRole('button', { name: 'Run the meeting' }).click();
  const running = b.getByRole('group', { name: 'Running the meeting' });
  await expect(running).toContainText('Item 1 of 2');
  await expect(running.getByRole('heading', { name: 'Check-in round' })).toBeFocused();
  await running.getByLabel('Notes').fill('Everyone here, Cy sends apologies.');
  await running.getByRole('button', { name: 'Processed' }).click();
  await expect(running).toContainText('Item 2 of 2');
  const tension = running.getByRole('heading', { name: 'Tension: Nobody owns the release calendar' });
  await expect(tension).toBeFocused();
  await running.getByLabel('Notes').fill('Agreed: a release role; Bo drafts it.');
  await expect(running.getByRole('button', { name: 'Next item' })).toBeDisabled();
  await shot(b, '76-running');
  expect(await accessibilityProblems(b), 'running a meeting').toEqual([]);
  await b.setViewportSize({ width: 375, height: 800 });
  await shot(b, '77-running-375');
  await b.setViewportSize({ width: 1280, height: 800 });
  await running.getByRole('button', { name: 'Previous item' }).click();
  await expect(running.getByLabel('Notes')).toHaveValue('Everyone here, Cy sends apologies.');
  await running.getByRole('button', { name: 'Next item' }).click();

  // A recognition from the item: Bo raised it, so he is not offered.
  await running.getByRole('button', { name: 'Recognise someone' }).click();
  const give = b.getByRole('form', { name: 'Give recognition' });
  await expect(give.getByRole('checkbox', { name: 'Bo' })).toHaveCount(0);
  await give.getByRole('checkbox', { name: 'Ana' }).check();
  await give.getByLabel('Words of recognition').fill('Thanks for putting <b>this</b> on the agenda so quickly.');
  await give.getByRole('button', { name: 'Give recognition' }).click();
  await expect(b.getByRole('status')).toContainText('Recognition given to Ana.');

  await running.getByRole('button', { name: 'Make a decision from this' }).click();
  await expect(b.getByRole('heading', { level: 2, name: 'Nobody owns the release calendar' })).toBeVisible();
  await openMeeting(b, 'Tactical meeting, 2026-12-01');
  const item = b.getByRole('list', { name: 'Agenda' }).getByRole('listitem').filter({ hasText: 'Tension: Nobody owns' });
  await expect(item.getByRole('list', { name: 'Came of it' })).toContainText('Decision: Nobody owns the release calendar');
  await item.getByRole('button', { name: 'Processed' }).click();
  await b.getByRole('button', { name: 'Mark as held' }).click();
  await expect(b.getByRole('button', { name: 'Mark as held' })).toHaveCount(0);
  await exchange(b, a);

  // Ana's copy holds all of it.
  await section(a, 'Tensions');
  const done = a.getByRole('list', { name: 'Tensions processed or dropped' });
  await expect(done.getByRole('heading', { name: 'Nobody owns the release calendar' })).toBeVisible();
  await expect(done).toContainText('raised by Bo');
  await section(a, 'Meetings');
  await expect(a.getByRole('list', { name: 'Meetings held' })).toContainText(
    'Facilitator: Bo; notes: Ana; 2 of 2 agenda items processed; came of it: Decision: Nobody owns the release calendar');
  await section(a, 'Members');
  await a.getByRole('list', { name: 'Members' }).getByRole('button', { name: 'Ana', exact: true }).click();
  const received = a.getByRole('list', { name: 'Recognition received' });
  // Typed markup stays text.
  await expect(received).toContainText('Thanks for putting <b>this</b> on the agenda so quickly.');
  await expect(received.locator('b')).toHaveCount(0);
  await expect(received).toContainText('From Bo, ');
  await expect(received).toContainText('for Tension: Nobody owns the release calendar');
  await expect(a.getByRole('heading', { name: 'Recognition received (1)' })).toBeVisible();
  await expect(a.getByRole('definition').first()).toBeVisible();
  await shot(a, '78-member-recognised');
  expect(await accessibilityProblems(a), 'member page').toEqual([]);

  // Each plans the next meeting apart: the same proposal in both copies.
  const proposals = [];
  for (const page of [a, b]) {
    await section(page, 'Meetings');
    await page.getByLabel('Meeting date').fill('2026-12-08');
    await page.getByRole('button', { name: 'Plan meeting' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Tactical meeting, 2026-12-08' })).toBeVisible();
    proposals.push([
      await page.getByLabel('Facilitator').locator('option:checked').textContent(),
      await page.getByLabel('Note-taker').locator('option:checked').textContent(),
    ]);
  }
  expect(proposals[0]).toEqual(proposals[1]);
  expect(proposals[0]).toContain('Cy');
  // "Not today": the one proposed passes, someone else is proposed.
  const [f] = proposals[0];
  await a.getByRole('button', { name: `Not today, ${f}` }).click();
  await expect(a.getByLabel('Facilitator').locator('option:checked')).not.toHaveText(f);
});
