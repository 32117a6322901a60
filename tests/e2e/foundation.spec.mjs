// The foundation, as a person uses it: create a team, add people, a role
// and a decision, reload, and find everything again; open the example team.
import { test, expect } from '@playwright/test';
import { createTeam, shot } from './helpers.mjs';


test('create a team, fill it, reload, and find everything again', async ({ page }) => {
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Create your team' })).toBeVisible();
  await shot(page, '01-welcome');
  await createTeam(page);
  await expect(page.getByLabel('You are')).toHaveValue(/m_/);
  await expect(page.getByLabel('You are').locator('option:checked')).toHaveText('Ana');
  await shot(page, '02-overview');

  // Two members.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Members' }).click();
  for (const name of ['Bo', 'Chidi']) {
    await page.getByLabel("New member's name").fill(name);
    await page.getByRole('button', { name: 'Add member' }).click();
    await expect(page.getByRole('list', { name: 'Members' }).getByRole('button', { name, exact: true })).toBeVisible();
  }
  await page.getByRole('button', { name: 'Bo', exact: true }).click();
  await page.getByRole('button', { name: 'Edit this member' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
  await page.getByLabel('Expertise').fill('facilitation, security');
  await page.getByRole('button', { name: '← All members' }).click();
  await expect(page.getByText('Expertise: facilitation, security')).toBeVisible();
  await shot(page, '03-members');

  // A role filled by Bo.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Roles' }).click();
  await page.getByLabel('New role name').fill('Facilitator');
  await page.getByRole('button', { name: 'Add role' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Facilitator' })).toBeVisible();
  await page.getByLabel('Purpose').fill('Meetings where every voice is heard');
  await page.getByLabel('Domain').fill('meeting format\nagenda order');
  await page.getByLabel('Expertise wanted').fill('facilitation');
  await expect(page.getByLabel('Assign a member').locator('option', { hasText: 'Bo — matching expertise' })).toHaveCount(1);
  await page.getByLabel('Assign a member').selectOption({ label: 'Bo — matching expertise' });
  await page.getByLabel('Term ends (optional)').fill('2030-06-30');
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Step down: Bo' })).toBeVisible();
  await shot(page, '04-role');

  // A decision owned by that role.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name: 'Decisions' }).click();
  await page.getByLabel('New decision title').fill('Rotate facilitation every quarter');
  await page.getByRole('button', { name: 'Add decision' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Rotate facilitation every quarter' })).toBeVisible();
  await page.getByLabel('Driver (why now)').fill('The same two people always run meetings');
  await page.getByLabel('Owner').selectOption({ label: 'Role: Facilitator' });
  await page.getByLabel('Method').selectOption({ label: 'Consent' });
  await page.getByLabel('Status').selectOption({ label: 'Open' });
  await page.getByLabel('Status').selectOption({ label: 'Decided' });
  await page.getByLabel('Review by').fill('2031-01-15');
  await page.getByLabel('Tags').fill('meetings, rotation');
  await expect(page.getByLabel('Decided on')).not.toHaveValue('');
  await shot(page, '05-decision');

  // Close and reopen: everything is there, with no save button pressed.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Platform' })).toBeVisible();
  await expect(page.getByLabel('You are').locator('option:checked')).toHaveText('Ana');
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await nav.getByRole('button', { name: 'Members' }).click();
  const members = page.getByRole('list', { name: 'Members' });
  for (const name of ['Ana', 'Bo', 'Chidi']) {
    await expect(members.getByRole('button', { name, exact: true })).toBeVisible();
  }
  await nav.getByRole('button', { name: 'Roles' }).click();
  const roles = page.getByRole('list', { name: 'Roles' });
  await expect(roles.getByRole('button', { name: 'Facilitator' })).toBeVisible();
  await expect(roles.getByText('Held by Bo (term ends 2030-06-30)')).toBeVisible();
  await roles.getByRole('button', { name: 'Facilitator' }).click();
  // It opens as a record to read.
  await expect(page.getByRole('listitem').filter({ hasText: 'agenda order' })).toBeVisible();
  await expect(page.getByText('Meetings where every voice is heard')).toBeVisible();
  await nav.getByRole('button', { name: 'Decisions' }).click();
  const decisions = page.getByRole('list', { name: 'Decisions' });
  await expect(decisions.getByRole('button', { name: 'Rotate facilitation every quarter' })).toBeVisible();
  await expect(decisions.getByText('Owner: Facilitator (role)')).toBeVisible();
  await expect(decisions.getByText('Review by 2031-01-15')).toBeVisible();
  await decisions.getByRole('button', { name: 'Rotate facilitation every quarter' }).click();
  const fact = (name) => page.getByRole('term').filter({ hasText: new RegExp(`^${name}$`) }).locator('xpath=following-sibling::dd');
  await expect(fact('Status')).toHaveText('Decided');
  await expect(fact('Method')).toHaveText('Consent');
  await expect(fact('Tags')).toHaveText('meetings, rotation');
  await expect(page.getByText('The same two people always run meetings')).toBeVisible();
  await page.getByRole('button', { name: 'Edit this decision' }).click();
  await expect(page.getByLabel('Status')).toHaveValue('decided');
  await expect(page.getByLabel('Driver (why now)')).toHaveValue('The same two people always run meetings');
});

test('typing in the middle of a text keeps the cursor and every character', async ({ page }) => {
  await createTeam(page, { purpose: 'We ship software' });
  const purpose = page.getByLabel('Team purpose');
  await purpose.click();
  await purpose.press('End');
  for (let i = 0; i < 'software'.length; i++) await purpose.press('ArrowLeft');
  await page.keyboard.type('good ', { delay: 20 });
  await expect(purpose).toHaveValue('We ship good software');
  await page.reload();
  await expect(page.getByLabel('Team purpose')).toHaveValue('We ship good software');
});

test('a refused edit is explained and changes nothing', async ({ page }) => {
  await createTeam(page);
  const name = page.getByLabel('Team name');
  await name.fill('');
  await expect(page.getByRole('alert')).toContainText('cannot be empty');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Platform' })).toBeVisible();
});

test('the example team is its own team, with what stands out', async ({ page }) => {
  await createTeam(page);
  await page.getByLabel('Team', { exact: true }).selectOption({ label: 'New team or example…' });
  await page.getByRole('button', { name: 'Open the example team' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Product Team' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText('example team');
  const attention = page.getByRole('region', { name: 'Needs attention' });
  // Grouped by kind, each with a count.
  const due = attention.getByRole('list', { name: 'Reviews due' });
  await expect(due.getByRole('button', { name: /^Monthly release train/ })).toBeVisible();
  const dueCount = await due.getByRole('listitem').count();
  await expect(attention.getByRole('heading', { name: `Reviews due (${dueCount})` })).toBeVisible();
  await expect(attention.getByRole('list', { name: 'Roles nobody holds' }).getByRole('button', { name: 'Onboarding buddy' })).toBeVisible();
  await shot(page, '06-example-overview');
  const nav = page.getByRole('navigation', { name: 'Sections' });
  // The reviews due are a filtered list away, and the address says so.
  await attention.getByRole('button', { name: `All ${dueCount} decisions due for review` }).click();
  await expect(page.getByRole('list', { name: 'Decisions' }).getByRole('listitem')).toHaveCount(dueCount);
  await expect(page).toHaveURL(/review=due/);
  await expect(page.getByLabel('Only those due for review')).toBeChecked();
  await page.getByLabel('Only those due for review').uncheck();
  await nav.getByRole('button', { name: 'Decisions' }).click();
  await expect(page.getByRole('list', { name: 'Decisions' }).getByRole('listitem')).toHaveCount(12);
  await shot(page, '07-example-decisions');
  await nav.getByRole('button', { name: 'Roles' }).click();
  await expect(page.getByRole('list', { name: 'Roles' }).getByRole('listitem')).toHaveCount(8);
  await shot(page, '08-example-roles');
  // The user's own team is untouched and still there.
  await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Platform' });
  await expect(page.getByRole('heading', { level: 1, name: 'Platform' })).toBeVisible();
  await nav.getByRole('button', { name: 'Decisions' }).click();
  await expect(page.getByRole('list', { name: 'Decisions' }).getByRole('listitem')).toHaveCount(0);
});

test('damaged stored data is reported, kept, and does not block a fresh start', async ({ page }) => {
  await createTeam(page);
  const key = await page.evaluate(() => Object.keys(localStorage).find((k) => k.endsWith('/doc')));
  await page.evaluate((k) => localStorage.setItem(k, JSON.stringify('bm90IGEgdGVhbQ==')), key);
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('Platform could not be opened');
  await expect(page.getByRole('button', { name: 'Download the stored data' })).toBeVisible();
  await shot(page, '09-damaged');
  await page.getByLabel('Team name').fill('Fresh start');
  await page.getByLabel('Your name').fill('Ana');
  await page.getByRole('button', { name: 'Create team' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Fresh start' })).toBeVisible();
  const kept = await page.evaluate((k) => localStorage.getItem(k), key);
  expect(kept).toBe(JSON.stringify('bm90IGEgdGVhbQ=='));
});

test('on a phone-sized screen every screen fits and works', async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto('./');
  await page.getByRole('button', { name: 'Open the example team' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Product Team' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Sections' });
  for (const section of ['Overview', 'Members', 'Roles', 'Decisions']) {
    await nav.getByRole('button', { name: section }).click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${section} fits 375 px`).toBeLessThanOrEqual(0);
    await shot(page, `10-phone-${section.toLowerCase()}`);
  }
  await page.getByRole('list', { name: 'Decisions' }).getByRole('button').first().click();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await shot(page, '11-phone-decision');
});

test('everything can be done from the keyboard', async ({ page }) => {
  await page.goto('./');
  await page.getByLabel('Team name').focus();
  await page.keyboard.type('Keys');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Only the keyboard');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Kai');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Keys' })).toBeVisible();
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await nav.getByRole('button', { name: 'Roles' }).focus();
  await page.keyboard.press('Enter');
  await page.getByLabel('New role name').focus();
  await page.keyboard.type('Host');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Host' })).toBeVisible();
});
