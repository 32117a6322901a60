// Authority after merges: offline, Ana removes Bo from a role while Bo
// decides a decision of that role; once they exchange files, both see the
// decision flagged — in the import report, on the decision and in "Needs
// attention" — and settling it in one copy settles it in the other.
import { test, expect } from '@playwright/test';
import { accessibilityProblems, addDecision, createTeam, downloadTeamFile, importFile, section, shot, teamLink, openDecision } from './helpers.mjs';

async function exchange(from, to) {
  const file = await downloadTeamFile(from);
  await importFile(to, file.bytes, file.name);
  await expect(to.getByRole('status').filter({ hasText: 'Imported:' })).toBeVisible();
}

test('a decision made by someone removed from the role in another copy is flagged in both', async ({ browser }) => {
  const ctxA = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const ctxB = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const a = await ctxA.newPage();
  const b = await ctxB.newPage();
  await createTeam(a, { me: 'Ana' });
  await b.goto(await teamLink(a));
  await b.getByLabel('Not listed? Your name').fill('Bo');
  await b.getByRole('button', { name: 'Add me to the team' }).click();
  await expect(b.getByLabel('You are').locator('option:checked')).toHaveText('Bo');
  // Bo gives himself the role and a decision for it; Ana takes his file.
  await section(b, 'Roles');
  await b.getByLabel('New role name').fill('Release manager');
  await b.getByRole('button', { name: 'Add role' }).click();
  await b.getByLabel('Assign a member').selectOption({ label: 'Bo' });
  await b.getByRole('button', { name: 'Assign' }).click();
  await addDecision(b, 'Freeze releases in December');
  await b.getByLabel('Owner').selectOption({ label: 'Role: Release manager' });
  await b.getByLabel('Method').selectOption({ label: 'Consensus' });
  await b.getByLabel('Status').selectOption({ label: 'Open' });
  await exchange(b, a);

  // Offline, apart: Ana removes Bo from the role; Bo decides.
  await ctxA.setOffline(true);
  await ctxB.setOffline(true);
  await section(a, 'Roles');
  await a.getByRole('list', { name: 'Roles' }).getByRole('button', { name: 'Release manager' }).click();
  await a.getByRole('button', { name: 'Step down: Bo' }).click();
  await expect(a.getByText('No one holds this role yet.')).toBeVisible();
  await openDecision(b, 'Freeze releases in December');
  await b.getByLabel('Status').selectOption({ label: 'Decided' });
  await expect(b.getByLabel('Status')).toHaveValue('decided');
  await expect(b.getByRole('region', { name: 'Check who decided this' })).toHaveCount(0);

  const said = 'Decided by Bo, who no longer held Release manager in Ana\'s copy.';
  await exchange(b, a);
  await expect(a.getByRole('list', { name: 'Decisions to check', exact: true })).toContainText(`Freeze releases in December: ${said}`);
  await exchange(a, b);
  await expect(b.getByRole('list', { name: 'Decisions to check', exact: true })).toContainText(said);
  for (const page of [a, b]) {
    await section(page, 'Overview');
    await expect(page.getByRole('list', { name: 'Decisions to check after a merge' })).toContainText(said);
    await openDecision(page, 'Freeze releases in December');
    await expect(page.getByRole('region', { name: 'Check who decided this' })).toContainText(said);
  }
  await shot(a, '84-authority-flag');
  expect(await accessibilityProblems(a), 'flagged decision').toEqual([]);
  await a.setViewportSize({ width: 375, height: 800 });
  await shot(a, '85-authority-flag-375');
  await a.setViewportSize({ width: 1280, height: 800 });

  // Neither holds the role now, so neither is offered to take it over.
  await expect(a.getByRole('button', { name: 'Take it over: I own it now' })).toHaveCount(0);
  // Ana confirms it stands; once Bo has her file, his flag is gone too.
  await a.getByRole('button', { name: 'Confirm it stands' }).click();
  await expect(a.getByRole('region', { name: 'Check who decided this' })).toHaveCount(0);
  await exchange(a, b);
  await openDecision(b, 'Freeze releases in December');
  await expect(b.getByRole('region', { name: 'Check who decided this' })).toHaveCount(0);
  await expect(b.getByLabel('Status')).toHaveValue('decided');
});
