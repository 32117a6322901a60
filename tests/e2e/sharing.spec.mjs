// Teammates exchange the team by link and by file, with no server; every
// import merges, bad input is refused and changes nothing.
import { test, expect } from '@playwright/test';
import * as Automerge from '@automerge/automerge';
import {
  addDecision, addMember, createTeam, downloadTeamFile, importFile, openTab, section, shot, storedTeams, teamLink, openDecision, openRole,
} from './helpers.mjs';

test('two teammates join by link, edit offline, exchange files both ways and settle a conflict', async ({ browser }) => {
  const ctxA = await browser.newContext();
  const ctxB = await browser.newContext();
  const a = await ctxA.newPage();
  const b = await ctxB.newPage();

  await createTeam(a, { team: 'Platform', me: 'Ana' });
  await section(a, 'Roles');
  await a.getByLabel('New role name').fill('Facilitator');
  await a.getByRole('button', { name: 'Add role' }).click();
  await a.getByLabel('Purpose').fill('Good meetings');
  await addDecision(a, 'Rotate facilitation');
  await a.getByLabel('Owner').selectOption({ label: 'Role: Facilitator' });
  await a.getByLabel('Method').selectOption({ label: 'Consent' });
  await a.getByLabel('Status').selectOption({ label: 'Open' });

  // Ana sends a link; Bo opens it and joins the same team.
  const link = await teamLink(a);
  await shot(a, '20-share-link');
  await b.goto(link);
  await expect(b.getByRole('heading', { level: 1, name: 'Platform' })).toBeVisible();
  await expect(b).not.toHaveURL(/#/);
  await expect(b.getByRole('heading', { name: 'Who are you in this team?' })).toBeVisible();
  await shot(b, '21-joined-who-are-you');
  await b.getByLabel('Not listed? Your name').fill('Bo');
  await b.getByRole('button', { name: 'Add me to the team' }).click();
  await expect(b.getByLabel('You are').locator('option:checked')).toHaveText('Bo');
  await b.reload();
  await expect(b.getByRole('heading', { level: 1, name: 'Platform' })).toBeVisible();
  await section(b, 'Decisions');
  await expect(b.getByRole('list', { name: 'Decisions' }).getByRole('button', { name: 'Rotate facilitation' })).toBeVisible();
  // Opening the link again merges into the same team, never a second copy.
  await b.goto(link);
  await expect(b.getByRole('status')).toContainText('Imported: Nothing new');
  await expect(b.getByLabel('Team', { exact: true }).locator('option')).toHaveText(['Platform', 'New team or example…']);

  // Both go offline and edit the same things.
  await ctxA.setOffline(true);
  await ctxB.setOffline(true);
  await openDecision(a, 'Rotate facilitation');
  await a.getByLabel('Status').selectOption({ label: 'Decided' });
  await openRole(a, 'Facilitator');
  await a.getByLabel('Purpose').click();
  await a.getByLabel('Purpose').press('End');
  await a.keyboard.type(' for all');
  await openDecision(b, 'Rotate facilitation');
  await b.getByLabel('Status').selectOption({ label: 'Retired' });
  await openRole(b, 'Facilitator');
  await b.getByLabel('Purpose').click();
  await b.getByLabel('Purpose').press('Home');
  await b.keyboard.type('Short and ');

  // They exchange files both ways.
  const fromAna = await downloadTeamFile(a);
  await importFile(b, fromAna.bytes, fromAna.name);
  await expect(b.getByRole('status')).toContainText('Imported: 2 decisions changed'.slice(0, 9));
  const fromBo = await downloadTeamFile(b);
  await importFile(a, fromBo.bytes, fromBo.name);
  await expect(a.getByRole('status').filter({ hasText: 'Imported:' })).toBeVisible();
  await shot(a, '22-import-summary');

  for (const page of [a, b]) {
    await openRole(page, 'Facilitator');
    await expect(page.getByLabel('Purpose')).toHaveValue('Short and Good meetings for all');
    await openDecision(page, 'Rotate facilitation');
    const box = page.getByRole('region', { name: 'Edits made apart disagree' });
    await expect(box).toContainText('Ana chose “Decided”');
    await expect(box).toContainText('Bo chose “Retired”');
    await section(page, 'Members');
    await expect(page.getByRole('list', { name: 'Members' }).getByRole('button', { name: 'Bo', exact: true })).toBeVisible();
  }
  await openDecision(a, 'Rotate facilitation');
  await shot(a, '23-conflict');
  await a.getByRole('button', { name: 'Keep “Decided”' }).click();
  await expect(a.getByRole('region', { name: 'Edits made apart disagree' })).toHaveCount(0);
  await expect(a.getByLabel('Status')).toHaveValue('decided');

  // The settled value travels like any edit.
  const settled = await downloadTeamFile(a);
  await importFile(b, settled.bytes);
  await openDecision(b, 'Rotate facilitation');
  await expect(b.getByRole('region', { name: 'Edits made apart disagree' })).toHaveCount(0);
  await expect(b.getByLabel('Status')).toHaveValue('decided');
  await ctxA.close();
  await ctxB.close();
});

test('bad files and links are refused in plain words and leave the team exactly as it was', async ({ browser, page }) => {
  await createTeam(page, { team: 'Platform', me: 'Ana' });
  await addMember(page, 'Bo');
  const good = await downloadTeamFile(page);
  const link = await teamLink(page);
  const before = await storedTeams(page);

  const newer = Automerge.change(Automerge.load(good.bytes), (d) => { d.schema = 2; });
  const bent = Automerge.change(Automerge.load(good.bytes), (d) => { d.members = 'nobody'; });
  const flipped = good.bytes.slice();
  for (let i = 40; i < flipped.length; i += 97) flipped[i] ^= 0xff;
  const cases = [
    ['a text file', new TextEncoder().encode('Meeting notes, not a team'), /not a Roundtable team document/],
    ['an empty file', new Uint8Array(0), /The file is empty/],
    ['a truncated file', good.bytes.slice(0, Math.floor(good.bytes.length / 2)), /damaged, cut short/],
    ['a bit-flipped file', flipped, /Nothing was imported/],
    ['a huge file', new Uint8Array(9 * 1024 * 1024), /too large/],
    ['a newer schema', Automerge.save(newer), /newer version of Roundtable/],
    ['another Automerge document', Automerge.save(Automerge.from({ todo: 'buy milk' })), /not a Roundtable team: it has no schema version/],
    ['a document off the schema', Automerge.save(bent), /does not follow the expected layout/],
  ];
  for (const [what, bytes, message] of cases) {
    await importFile(page, bytes, `${what}.automerge`);
    await expect(page.getByRole('alert').first(), what).toContainText(message);
    expect(await storedTeams(page), `${what} changed nothing`).toBe(before);
    await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).click();
  }
  await shot(page, '24-bad-file');

  // Links cut short or mangled.
  for (const bad of [link.slice(0, Math.floor(link.length * 0.6)), link.replace('#team=', '#team=%%%!'), './#team=AAAA']) {
    await page.goto(bad);
    await expect(page.getByRole('alert').first()).toContainText(/Nothing was imported|damaged/);
    await expect(page).not.toHaveURL(/#team=/);
    expect(await storedTeams(page)).toBe(before);
  }

  // A file of a different team is never mixed in; it can be opened apart.
  const other = await browser.newContext();
  const o = await other.newPage();
  await createTeam(o, { team: 'Other team', me: 'Zed' });
  const foreign = await downloadTeamFile(o);
  await other.close();
  await page.goto('./');
  await importFile(page, foreign.bytes);
  const prompt = page.getByRole('alert').filter({ hasText: 'This is another team: Other team' });
  await expect(prompt).toContainText('It was not mixed into Platform');
  expect(await storedTeams(page)).toBe(before);
  await shot(page, '25-another-team');
  await prompt.getByRole('button', { name: 'Open Other team as its own team' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Other team' })).toBeVisible();
  await page.getByLabel('Team', { exact: true }).selectOption({ label: 'Platform' });
  await section(page, 'Members');
  await expect(page.getByRole('list', { name: 'Members' }).getByRole('listitem')).toHaveCount(2);
});

test('changes made with the official Automerge library merge in and show', async ({ page }) => {
  await createTeam(page, { team: 'Platform', me: 'Ana' });
  await addDecision(page, 'Rotate facilitation');
  const { bytes } = await downloadTeamFile(page);
  let doc = Automerge.load(bytes);
  const [decisionId] = Object.keys(doc.decisions);
  doc = Automerge.change(doc, { message: JSON.stringify({ author: null }) }, (d) => {
    d.decisions[decisionId].title = 'Rotate facilitation monthly';
    d.members.m_jsclient0001 = {
      id: 'm_jsclient0001', name: 'Zoe', expertise: ['research'], joined_on: '2026-11-23', left_on: null,
    };
  });
  await importFile(page, Automerge.save(doc));
  await expect(page.getByRole('status')).toContainText('1 decision changed, 1 new member');
  await page.getByRole('region', { name: 'What the import brought' }).getByRole('button', { name: 'New member: Zoe' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Zoe' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'research' })).toBeVisible();
  await section(page, 'Decisions');
  await expect(page.getByRole('list', { name: 'Decisions' }).getByRole('button', { name: 'Rotate facilitation monthly' })).toBeVisible();
  await page.reload();
  await section(page, 'Members');
  await expect(page.getByRole('list', { name: 'Members' }).getByRole('button', { name: 'Zoe' })).toBeVisible();
});

test('a team file can be dropped onto the page', async ({ browser, page }) => {
  const other = await browser.newContext();
  const o = await other.newPage();
  await createTeam(o, { team: 'Platform', me: 'Ana' });
  const link = await teamLink(o);
  await page.goto(link);
  await expect(page.getByRole('heading', { level: 1, name: 'Platform' })).toBeVisible();
  await addMember(o, 'Dropped Dana');
  const { bytes } = await downloadTeamFile(o);
  await other.close();
  await section(page, 'Overview');
  const dataTransfer = await page.evaluateHandle((data) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], 'platform.automerge'));
    return dt;
  }, Array.from(bytes));
  await page.getByRole('region', { name: 'Import from a teammate' }).dispatchEvent('drop', { dataTransfer });
  await expect(page.getByRole('status')).toContainText('1 new member');
});

test('a link too long for chat apps says so and suggests the file', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('button', { name: 'Open the example team' }).click();
  await section(page, 'Overview');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.getByText(/The link is \d+ characters long/)).toBeVisible();
  await expect(page.getByText('That is too long for many chat apps: send the team file instead.')).toBeVisible();
});

test('two tabs of one browser see each other\'s edits and never overwrite them', async ({ context }) => {
  const one = await context.newPage();
  await createTeam(one, { team: 'Platform', me: 'Ana' });
  const two = await openTab(context, 'Platform');
  await section(one, 'Members');
  await section(two, 'Members');
  // Both add people at once.
  await one.getByLabel("New member's name").fill('Cy');
  await two.getByLabel("New member's name").fill('Di');
  await Promise.all([
    one.getByRole('button', { name: 'Add member' }).click(),
    two.getByRole('button', { name: 'Add member' }).click(),
  ]);
  for (const page of [one, two]) {
    const list = page.getByRole('list', { name: 'Members' });
    await expect(list.getByRole('button', { name: 'Cy' })).toBeVisible({ timeout: 1500 });
    await expect(list.getByRole('button', { name: 'Di' })).toBeVisible({ timeout: 1500 });
  }
  // Typing in one tab shows in the other.
  await section(one, 'Overview');
  await section(two, 'Overview');
  await one.getByLabel('Team purpose').fill('Written in tab one');
  await expect(two.getByLabel('Team purpose')).toHaveValue('Written in tab one', { timeout: 1500 });
  await two.reload();
  await section(two, 'Members');
  await expect(two.getByRole('list', { name: 'Members' }).getByRole('listitem')).toHaveCount(3);
});

test('"Send to" a teammate carries only what they lack; a copy without that history is asked for the full file', async ({ browser }) => {
  const a = await (await browser.newContext()).newPage();
  const b = await (await browser.newContext()).newPage();
  const c = await (await browser.newContext()).newPage();
  await createTeam(a, { team: 'Platform', me: 'Ana' });
  for (const title of ['Weekly demo', 'Rotate on-call', 'Adopt a style guide', 'Quarterly retro', 'Budget review', 'Hiring panel', 'Release train', 'Support rota']) {
    await addDecision(a, title);
  }
  const full = await teamLink(a);
  await b.goto(full);
  await expect(b.getByRole('heading', { level: 1, name: 'Platform' })).toBeVisible();
  await b.getByLabel('Not listed? Your name').fill('Bo');
  await b.getByRole('button', { name: 'Add me to the team' }).click();
  await expect(b.getByLabel('You are').locator('option:checked')).toHaveText('Bo');

  // Bo's link came after Ana's: he knows what she has, and sends only his change.
  await addDecision(b, "Bo's proposal");
  await section(b, 'Overview');
  await b.getByLabel('Send to').selectOption({ label: 'Ana' });
  await b.getByRole('button', { name: 'Copy link' }).click();
  await expect(b.getByRole('status').filter({ hasText: 'only the changes Ana has not seen yet' })).toBeVisible();
  const delta = await b.getByLabel('Link to this team').inputValue();
  await shot(b, '27-send-to-ana');
  await b.getByLabel('Send to').selectOption({ label: 'Anyone (the whole team)' });
  await b.getByRole('button', { name: 'Copy link' }).click();
  await expect(b.getByRole('status').filter({ hasText: 'It carries the whole team.' })).toBeVisible();
  const whole = await b.getByLabel('Link to this team').inputValue();
  expect(delta.length).toBeLessThan(whole.length * 0.75);

  await a.goto(delta);
  await expect(a.getByRole('status').filter({ hasText: 'Imported:' })).toBeVisible();
  await section(a, 'Decisions');
  await expect(a.getByRole('list', { name: 'Decisions' }).getByRole('button', { name: "Bo's proposal" })).toBeVisible();

  // Ana has now heard from Bo; nothing new on her side means nothing to send.
  await section(a, 'Overview');
  await a.getByLabel('Send to').selectOption({ label: 'Bo' });
  await a.getByRole('button', { name: 'Copy link' }).click();
  await expect(a.getByRole('status').filter({ hasText: 'Bo already has everything you have' })).toBeVisible();

  // Someone without the team cannot use Bo's delta: told what to ask for.
  await c.goto(delta);
  await expect(c.getByRole('alert').or(c.getByRole('status')).filter({ hasText: 'Ask your teammate for the full team file' })).toBeVisible();
  await shot(c, '28-delta-without-history');
  expect(await storedTeams(c)).toBe('[]');
});
