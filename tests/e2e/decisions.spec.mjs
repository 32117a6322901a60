// Shared decision-making as the app supports it: who decides, the advice
// process, consent with objections, review dates, goals, and finding things.
import { test, expect } from '@playwright/test';
import * as Automerge from '@automerge/automerge';
import {
  addDecision, addMember, createTeam, downloadTeamFile, importFile, openTab, section, shot, teamLink, openDecision, openRole,
} from './helpers.mjs';

async function addRole(page, name, domain) {
  await section(page, 'Roles');
  await page.getByLabel('New role name').fill(name);
  await page.getByRole('button', { name: 'Add role' }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  await page.getByLabel('Domain').fill(domain);
}

async function send(from, to) {
  const file = await downloadTeamFile(from);
  await importFile(to, file.bytes, file.name);
  await expect(to.getByRole('status').first()).toContainText('Imported');
}

test('who decides: a covered, an uncovered and a double-claimed topic', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Open the example team' }).click();
  await addRole(page, 'Hiring circle', 'hiring');
  await addRole(page, 'People lead', 'hiring and onboarding');
  await section(page, 'Who decides?');
  const topic = page.getByLabel('Topic');
  const answer = page.getByRole('region', { name: 'Answer' });

  await topic.fill('release dates');
  await expect(answer.getByRole('button', { name: 'Release lead' })).toBeVisible();
  await expect(answer).toContainText('decides alone: release dates');
  await expect(answer).toContainText(/Held by (Bo Lindqvist, Eli Cohen|Eli Cohen, Bo Lindqvist)/);
  await expect(answer.getByRole('button', { name: /Monthly release train/ })).toBeVisible();
  await shot(page, '40-who-decides');

  await topic.fill('office plants');
  await expect(answer).toContainText('No role covers this topic.');

  await topic.fill('hiring');
  await expect(answer).toContainText('Role confusion');
  await expect(answer).toContainText('Hiring circle and People lead all claim this');
});

test('an advice decision and a consent decision with an objection, between two teammates', async ({ browser }) => {
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  await createTeam(a, { team: 'Platform', me: 'Ana' });
  await addRole(a, 'Security keeper', 'access rights');
  await b.goto(await teamLink(a));
  await b.getByLabel('Not listed? Your name').fill('Bo');
  await b.getByRole('button', { name: 'Add me to the team' }).click();
  await send(b, a);
  await section(a, 'Roles');
  await a.getByRole('list', { name: 'Roles' }).getByRole('button', { name: 'Security keeper' }).click();
  await a.getByLabel('Assign a member').selectOption({ label: 'Bo' });
  await a.getByRole('button', { name: 'Assign', exact: true }).click();

  // Advice: Ana proposes, the app suggests Bo, Bo answers, Ana decides.
  await addDecision(a, 'Rotate access keys');
  await a.getByLabel('Tags').fill('access rights');
  await a.getByLabel('Owner').selectOption({ label: 'Person: Ana' });
  await a.getByLabel('Method').selectOption({ label: 'Advice process' });
  await a.getByLabel('Status').selectOption({ label: 'Open' });
  await expect(a.getByRole('note')).toContainText('Nobody has given advice yet');
  await a.getByRole('button', { name: 'Ask Bo' }).click();
  const consulted = a.getByRole('list', { name: 'People consulted' });
  await expect(consulted).toContainText('not answered yet');
  await a.getByLabel('Status').selectOption({ label: 'Decided' });
  await expect(a.getByRole('alert')).toContainText('Nobody has given advice yet');
  await expect(a.getByLabel('Status')).toHaveValue('open');
  await send(a, b);
  await openDecision(b, 'Rotate access keys');
  await b.getByLabel("Bo's answer").selectOption({ label: 'Support' });
  await b.getByLabel('What Bo said').fill('Yes, every quarter.');
  await b.getByRole('button', { name: 'Record answer' }).click();
  await expect(b.getByRole('list', { name: 'People consulted' })).toContainText('Yes, every quarter.');
  await send(b, a);
  await openDecision(a, 'Rotate access keys');
  await expect(consulted).toContainText('Support');
  await expect(a.getByRole('note')).toHaveCount(0);
  await a.getByLabel('Status').selectOption({ label: 'Decided' });
  await expect(a.getByLabel('Status')).toHaveValue('decided');
  await shot(a, '41-advice-decided');

  // Consent: Bo objects, Ana cannot decide until it is resolved.
  await addDecision(a, 'Four-day week trial');
  await a.getByLabel('Owner').selectOption({ label: 'Person: Ana' });
  await a.getByLabel('Method').selectOption({ label: 'Consent' });
  await a.getByLabel('Status').selectOption({ label: 'Open' });
  await send(a, b);
  await openDecision(b, 'Four-day week trial');
  await b.getByLabel('Objection by').selectOption({ label: 'Bo' });
  await b.getByLabel('Objection', { exact: true }).fill('Who covers support on Fridays?');
  await b.getByRole('button', { name: 'Record objection' }).click();
  await send(b, a);
  await openDecision(a, 'Four-day week trial');
  const objections = a.getByRole('list', { name: 'Objections raised' });
  await expect(objections).toContainText('Bo objects: Who covers support on Fridays?');
  await expect(a.getByRole('note')).toContainText('One objection is not resolved yet');
  await a.getByLabel('Status').selectOption({ label: 'Decided' });
  await expect(a.getByRole('alert')).toContainText('objection is not resolved');
  await a.getByLabel("How was Bo's objection resolved?").selectOption({ label: 'Proposal amended' });
  await a.getByLabel('Resolution note').fill('A support rota covers Fridays.');
  await a.getByRole('button', { name: 'Resolve objection' }).click();
  await expect(objections).toContainText('Proposal amended');
  await a.getByLabel('Status').selectOption({ label: 'Decided' });
  await expect(a.getByLabel('Status')).toHaveValue('decided');
  await shot(a, '42-consent-decided');
  await send(a, b);
  await openDecision(b, 'Four-day week trial');
  await expect(b.getByLabel('Status')).toHaveValue('decided');
  await expect(b.getByRole('list', { name: 'Objections raised' })).toContainText('A support rota covers Fridays.');
});

test('review dates, goals and superseding show where people look', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Open the example team' }).click();
  const goals = page.getByRole('region', { name: 'Goals' });
  await expect(goals.getByRole('list', { name: 'Team goals' })).toContainText('Predictable releases');
  await expect(goals).toContainText('No decision serves');
  await expect(goals.getByRole('list', { name: 'Decisions serving no goal' }).getByRole('button').first()).toBeVisible();
  await section(page, 'Roles');
  await page.getByRole('list', { name: 'Roles' }).getByRole('button', { name: 'Release lead' }).click();
  const owned = page.getByRole('list', { name: 'Decisions of this role' });
  await expect(owned.getByRole('listitem').filter({ hasText: 'Monthly release train' })).toContainText('Review due');
  await shot(page, '43-role-decisions');
  await openDecision(page, 'Weekly release notes in the forum');
  await expect(page.getByText('Superseded by')).toBeVisible();
  await page.getByRole('button', { name: 'Monthly release train' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Monthly release train' })).toBeVisible();
  await expect(page.getByText('Supersedes')).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Predictable releases' })).toBeVisible();
});

test('decisions are found by filters kept in the address, so a view can be bookmarked', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Open the example team' }).click();
  await section(page, 'Decisions');
  const list = page.getByRole('list', { name: 'Decisions' });
  await expect(list.getByRole('listitem')).toHaveCount(12);
  await page.getByRole('region', { name: 'Find decisions' }).getByLabel('Status').selectOption({ label: 'Decided' });
  await page.getByRole('region', { name: 'Find decisions' }).getByLabel('Tag').selectOption({ label: 'security' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(page.getByText('Showing 2 of 12 decisions')).toBeVisible();
  await expect(page).toHaveURL(/view=decisions&status=decided&tag=security$/);
  await shot(page, '44-filtered');
  await page.reload();
  await expect(page.getByRole('list', { name: 'Decisions' }).getByRole('listitem')).toHaveCount(2);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByLabel('Search decisions').fill('roadmap');
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(page).toHaveURL(/view=decisions&q=roadmap$/);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await page.getByRole('region', { name: 'Find decisions' }).getByLabel('Person involved').selectOption({ label: 'Chidi Mensah' });
  await expect(list.getByRole('button', { name: 'Drop the paid analytics tool' })).toBeVisible();
});

test('a filter address in another case still filters visibly, and what it cannot use is said', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Open the example team' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind Product Team' })).toBeVisible();
  await page.goto('./?tag=Security&status=Decided&colour=red');
  const bar = page.getByRole('region', { name: 'Find decisions' });
  await expect(bar.getByLabel('Tag')).toHaveValue('security');
  await expect(bar.getByLabel('Status')).toHaveValue('decided');
  await expect(page.getByRole('list', { name: 'Decisions' }).getByRole('listitem')).toHaveCount(2);
  await expect(bar.getByText('Filtered by Status: Decided; Tag: security.')).toBeVisible();
  await expect(bar.getByRole('alert')).toContainText('could not be used, so it does not filter: colour=red');
  await shot(page, '45-filter-address');
  await page.setViewportSize({ width: 375, height: 800 });
  await shot(page, '45-filter-address-375');
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./?tag=nosuchtag');
  await expect(bar.getByLabel('Tag')).toHaveValue('nosuchtag');
  await expect(page.getByRole('list', { name: 'Decisions' }).getByRole('listitem')).toHaveCount(0);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(bar.getByText('No filter: every decision is listed.')).toBeVisible();
});

test('whatever people type is shown as text, never run as markup', async ({ page, browser }) => {
  const evil = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">';
  await createTeam(page, { team: `T ${evil}`, purpose: evil, me: `Ana ${evil}` });
  await addMember(page, `Bo ${evil}`);
  await page.getByRole('list', { name: 'Members' }).getByRole('button', { name: `Bo ${evil}` }).click();
  await page.getByRole('button', { name: 'Edit this member' }).click();
  await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
  await page.getByLabel('Expertise').fill(evil);
  await addRole(page, `Role ${evil}`, evil);
  await page.getByLabel('Purpose').fill(evil);
  await page.getByLabel('Accountabilities').fill(evil);
  await page.getByLabel('Expertise wanted').fill(evil);
  await addDecision(page, `Decision ${evil}`);
  for (const label of ['Driver (why now)', 'Proposal', 'Outcome', 'Rationale', 'Tags']) await page.getByLabel(label).fill(evil);
  await page.getByLabel('Objection by').selectOption({ index: 1 });
  await page.getByLabel('Objection', { exact: true }).fill(evil);
  await page.getByRole('button', { name: 'Record objection' }).click();
  await page.getByLabel(/How was .* objection resolved\?/).selectOption({ label: 'Overruled, with a reason' });
  await page.getByLabel('Resolution note').fill(evil);
  await page.getByRole('button', { name: 'Resolve objection' }).click();
  await page.getByLabel('Ask someone else').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Ask', exact: true }).click();
  await page.getByLabel(/'s answer$/).selectOption({ label: 'Concern' });
  await page.getByLabel(/^What .* said$/).fill(evil);
  await page.getByRole('button', { name: 'Record answer' }).click();
  await expect(page.getByRole('list', { name: 'People consulted' })).toContainText(evil);
  await section(page, 'Overview');
  await page.getByLabel('New goal').fill(`Goal ${evil}`);
  await page.getByRole('button', { name: 'Add goal' }).click();
  await section(page, 'Who decides?');
  await page.getByLabel('Topic').fill(evil);
  // The same text arrives at a teammate's copy through a file.
  const file = await downloadTeamFile(page);
  const other = await (await browser.newContext()).newPage();
  await other.goto('./');
  await other.getByLabel('Open a team file a teammate sent').setInputFiles({ name: 't.automerge', mimeType: 'application/octet-stream', buffer: Buffer.from(file.bytes) });
  await expect(other.getByRole('heading', { level: 1 })).toContainText('<script>');
  for (const p of [page, other]) {
    for (const s of ['Overview', 'Members', 'Roles', 'Decisions']) {
      await section(p, s);
      await expect(p.getByText(evil).first()).toBeVisible();
    }
    expect(await p.evaluate(() => window.__pwned)).toBeUndefined();
    expect(await p.evaluate(() => document.querySelectorAll('img, main script').length)).toBe(0);
  }
  await openDecision(page, `Decision ${evil}`);
  await expect(page.getByRole('list', { name: 'Objections raised' })).toContainText(`Overruled, with a reason. ${evil}`);
  await shot(page, '45-markup-as-text');
});

test('a decision in force is superseded by a newer one, linked both ways', async ({ page }) => {
  await createTeam(page, { team: 'Platform', me: 'Ana' });
  for (const title of ['Weekly notes', 'Monthly notes']) {
    await addDecision(page, title);
    await page.getByLabel('Owner').selectOption({ label: 'Person: Ana' });
    await page.getByLabel('Method').selectOption({ label: 'Consensus' });
    await page.getByLabel('Status').selectOption({ label: 'Open' });
  }
  await openDecision(page, 'Weekly notes');
  await expect(page.getByLabel('Superseded by')).toHaveCount(0);
  await expect(page.getByLabel('Status').locator('option')).toHaveText(['Open', 'Draft', 'Decided', 'Retired']);
  await page.getByLabel('Status').selectOption({ label: 'Decided' });
  await page.getByLabel('Superseded by').selectOption({ label: 'Monthly notes' });
  await page.getByRole('button', { name: 'Mark as superseded' }).click();
  await expect(page.getByLabel('Status')).toHaveValue('superseded');
  await expect(page.getByLabel('Status').locator('option')).toHaveText(['Superseded']);
  await page.getByRole('button', { name: 'Monthly notes' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Monthly notes' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Weekly notes' })).toBeVisible();
  await page.reload();
  await openDecision(page, 'Weekly notes');
  await expect(page.getByText('Superseded by')).toBeVisible();
});

test('a long decision log lists the 50 most recent and shows more on request', async ({ page }) => {
  await createTeam(page, { team: 'Platform', me: 'Ana' });
  await addDecision(page, 'The first decision');
  // Seventy more, written with the official library as another client would.
  const { bytes } = await downloadTeamFile(page);
  let doc = Automerge.load(bytes);
  const [first] = Object.values(doc.decisions);
  const base = JSON.parse(JSON.stringify(first));
  doc = Automerge.change(doc, { message: JSON.stringify({ author: null }) }, (d) => {
    for (let i = 1; i <= 70; i++) {
      const id = `d_bulk${String(i).padStart(4, '0')}`;
      // Seven of them were decided and are due for review.
      const due = i % 9 === 0 ? { status: 'decided', decided_on: '2020-01-01', review_by: `2020-02-${String(i / 9).padStart(2, '0')}` } : {};
      d.decisions[id] = { ...base, id, title: `Bulk decision ${i}`, created_at: base.created_at + i * 1000, ...due };
    }
  });
  await importFile(page, Automerge.save(doc));
  await expect(page.getByRole('status')).toContainText('70 new decisions');
  const report = page.getByRole('region', { name: 'What the import brought' });
  await expect(report.getByRole('button', { name: /^New decision: / })).toHaveCount(10);
  await expect(report.getByText('…and 60 more new decisions')).toBeVisible();
  // The overview counts all seven and names the five due first.
  await section(page, 'Overview');
  const attention = page.getByRole('region', { name: 'Needs attention' });
  await expect(attention.getByRole('heading', { name: 'Reviews due (7)' })).toBeVisible();
  const due = attention.getByRole('list', { name: 'Reviews due' }).getByRole('listitem');
  await expect(due).toHaveCount(5);
  await expect(due.first()).toHaveText('Bulk decision 9 (review by 2020-02-01)');
  await expect(due.last()).toHaveText('Bulk decision 45 (review by 2020-02-05)');
  await expect(attention.getByRole('button', { name: 'All 7 decisions due for review' })).toBeVisible();
  await section(page, 'Decisions');
  // (The import report beside it lists the decisions to check.)
  const list = page.getByRole('list', { name: 'Decisions', exact: true });
  await expect(page.getByText('71 decisions; the 50 most recent are listed')).toBeVisible();
  await expect(list.getByRole('listitem')).toHaveCount(50);
  await expect(list.getByRole('button', { name: 'Bulk decision 70', exact: true })).toBeVisible();
  await expect(list.getByRole('button', { name: 'The first decision' })).toHaveCount(0);
  await shot(page, '46-long-log-paged');
  await page.getByRole('button', { name: 'Show 21 more' }).click();
  await expect(list.getByRole('listitem')).toHaveCount(71);
  await expect(list.getByRole('button', { name: 'The first decision' })).toBeVisible();
  await expect(page.getByRole('button', { name: /^Show \d+ more$/ })).toHaveCount(0);
});

test('an open decision\'s choices follow the team: people and roles added in another tab are offered', async ({ context }) => {
  const one = await context.newPage();
  await createTeam(one, { team: 'Platform', me: 'Ana' });
  // A new decision opens in its editor.
  await addDecision(one, 'Pick a release day');
  const owner = one.getByLabel('Owner', { exact: true });
  await expect(owner.getByRole('option', { name: 'Person: Ana' })).toHaveCount(1);
  // The choices are kept between keystrokes; typing must not make them stale.
  await one.getByLabel('Title', { exact: true }).fill('Pick a release day for spring');
  const two = await openTab(context, 'Platform');
  await addMember(two, 'Bo');
  await section(two, 'Roles');
  await two.getByLabel('New role name').fill('Release manager');
  await two.getByRole('button', { name: 'Add role' }).click();
  await expect(two.getByRole('heading', { level: 2, name: 'Release manager' })).toBeVisible();
  // The first tab, still in the editor, offers both as owner, Bo as the
  // one objecting, and knows Bo in "You are".
  await expect(owner.getByRole('option', { name: /Release manager/ })).toHaveCount(1);
  await expect(owner.getByRole('option', { name: 'Person: Bo' })).toHaveCount(1);
  await expect(one.getByLabel('Objection by').getByRole('option', { name: 'Bo' })).toHaveCount(1);
  await expect(one.getByLabel('You are').getByRole('option', { name: 'Bo' })).toHaveCount(1);
});

test('a role\'s and a member\'s pages follow what another tab changes while someone types in them', async ({ context }) => {
  const one = await context.newPage();
  await createTeam(one, { team: 'Platform', me: 'Ana' });
  await addMember(one, 'Bo');
  await section(one, 'Roles');
  await one.getByLabel('New role name').fill('Release manager');
  await one.getByRole('button', { name: 'Add role' }).click();
  await expect(one.getByRole('heading', { level: 2, name: 'Release manager' })).toBeVisible();
  await addDecision(one, 'Pick a release day');
  await one.getByLabel('Owner', { exact: true }).selectOption({ label: 'Role: Release manager' });

  // Ana types into the role; its decisions are kept between keystrokes.
  await openRole(one, 'Release manager');
  await one.getByLabel('Purpose').fill('Plans the releases');
  const owned = one.getByRole('list', { name: 'Decisions of this role' });
  await expect(owned).toContainText('Pick a release day');
  const two = await openTab(context, 'Platform');
  await openDecision(two, 'Pick a release day');
  await two.getByLabel('Title', { exact: true }).fill('Pick a release day for spring');
  await expect(owned).toContainText('Pick a release day for spring');

  // Ana types into Bo's page; what Bo holds and received follows the other tab.
  await section(one, 'Members');
  await one.getByRole('list', { name: 'Members' }).getByRole('button', { name: 'Bo', exact: true }).click();
  await one.getByRole('button', { name: 'Edit this member' }).click();
  await expect(one.getByLabel('Name', { exact: true })).toBeFocused();
  await one.getByLabel('Expertise').fill('releases, finance');
  await expect(one.getByRole('heading', { name: 'Recognition received (0)' })).toBeVisible();
  // A third tab, so that the second is not taken away from its editor.
  const three = await openTab(context, 'Platform');
  await openRole(three, 'Release manager');
  await three.getByLabel('Assign a member').selectOption({ label: 'Bo' });
  await three.getByRole('button', { name: 'Assign' }).click();
  await three.getByRole('button', { name: 'Recognise Bo' }).click();
  const give = three.getByRole('form', { name: 'Give recognition' });
  await give.getByLabel('Words of recognition').fill('Took the role on');
  await give.getByRole('button', { name: 'Give recognition' }).click();
  await expect(one.getByRole('heading', { name: 'Recognition received (1)' })).toBeVisible();
  await expect(one.getByRole('list', { name: 'Recognition received' })).toContainText('Took the role on');
  await expect(one.getByRole('button', { name: 'Release manager' })).toBeVisible();
  await expect(one.getByLabel('Expertise')).toHaveValue('releases, finance');
});
