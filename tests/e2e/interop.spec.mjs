// A downloaded team file is a plain Automerge document that the official
// JavaScript library reads under the documented schema (docs/schema.md).
import { test, expect } from '@playwright/test';
import * as Automerge from '@automerge/automerge';
import { addDecision, addMember, createTeam, downloadTeamFile, importFile, section } from './helpers.mjs';

const str = (v) => (v === null || v === undefined ? v : String(v));
const SHARED_ACTOR = '726f756e647461626c653a636f6c3a32';
const OPTIONS_ACTOR = '726f756e647461626c653a636f6c3a33';

test('the team file opens with the official Automerge library, every change naming its author', async ({ page }) => {
  await createTeam(page, { team: 'Platform', me: 'Ana' });
  await addMember(page, 'Bo');
  await section(page, 'Roles');
  await page.getByLabel('New role name').fill('Facilitator');
  await page.getByRole('button', { name: 'Add role' }).click();
  await page.getByLabel('Purpose').fill('Good meetings');
  await addDecision(page, 'Rotate facilitation');
  await page.getByLabel('Owner').selectOption({ label: 'Role: Facilitator' });
  // Bo takes over this browser: his edits are recorded as his.
  await page.getByLabel('You are').selectOption({ label: 'Bo' });
  await page.getByLabel('Status').selectOption({ label: 'Open' });

  const { bytes, name } = await downloadTeamFile(page);
  expect(name).toMatch(/^platform-\d{4}-\d{2}-\d{2}\.automerge$/);
  const doc = Automerge.load(bytes);
  expect(doc.schema).toBe(1);
  expect(str(doc.team.name)).toBe('Platform');
  expect(String(doc.team.purpose)).toBe('Keep the lights on for our users');
  const members = Object.values(doc.members);
  const ana = members.find((m) => str(m.name) === 'Ana');
  const bo = members.find((m) => str(m.name) === 'Bo');
  expect(ana && bo).toBeTruthy();
  for (const [key, m] of Object.entries(doc.members)) expect(str(m.id)).toBe(key);
  const [role] = Object.values(doc.roles);
  expect(str(role.name)).toBe('Facilitator');
  expect(String(role.purpose)).toBe('Good meetings');
  expect(str(role.status)).toBe('active');
  const [decision] = Object.values(doc.decisions);
  expect(str(decision.title)).toBe('Rotate facilitation');
  expect(str(decision.owner)).toBe(`role:${str(role.id)}`);
  expect(str(decision.status)).toBe('open');
  expect(str(decision.created_by)).toBe(str(ana.id));

  // The later collections come from one shared change, made by no person
  // (docs/schema.md, "Later collections"); every other change names its author.
  const history = Automerge.getHistory(doc);
  const shared = history.filter((h) => h.change.actor === SHARED_ACTOR);
  expect(shared).toHaveLength(1);
  expect(JSON.parse(shared[0].change.message)).toEqual({ author: null, collections: 2 });
  // The options map came later, from a second shared change of its own.
  const options = history.filter((h) => h.change.actor === OPTIONS_ACTOR);
  expect(options).toHaveLength(1);
  expect(JSON.parse(options[0].change.message)).toEqual({ author: null, collections: 3 });
  const authors = history.filter((h) => h.change.actor !== SHARED_ACTOR && h.change.actor !== OPTIONS_ACTOR).map((h) => JSON.parse(h.change.message).author);
  expect(authors[0]).toBe(str(ana.id));
  expect(authors.at(-1)).toBe(str(bo.id));
  expect(authors.every((a) => a === str(ana.id) || a === str(bo.id))).toBe(true);
});

test('tensions and meetings are read and written by the official Automerge library', async ({ page }) => {
  await createTeam(page, { team: 'Platform', me: 'Ana' });
  await section(page, 'Tensions');
  await page.getByLabel('Tension', { exact: true }).fill('Our stand-up runs long');
  await page.getByRole('button', { name: 'Raise tension' }).click();
  await expect(page.getByRole('list', { name: 'Open tensions' }).getByRole('heading', { name: 'Our stand-up runs long' })).toBeVisible();

  const { bytes } = await downloadTeamFile(page);
  const doc = Automerge.load(bytes);
  const [tension] = Object.values(doc.tensions);
  expect(String(tension.text)).toBe('Our stand-up runs long');
  expect(str(tension.status)).toBe('open');
  expect(str(tension.kind)).toBe('operational');
  expect(doc.meetings).toEqual({});

  // Another tool plans a meeting in the file; the app takes it in.
  const edited = Automerge.change(doc, (d) => {
    d.meetings.e_fromjs000001 = {
      id: 'e_fromjs000001', date: '2026-12-15', kind: 'retrospective', status: 'planned',
      facilitator: null, note_taker: null, attendance: {}, declined: [], agenda: {}, created_at: 0,
    };
  });
  await importFile(page, Automerge.save(edited));
  await expect(page.getByRole('status').filter({ hasText: 'Imported: 1 new meeting' })).toBeVisible();
  await section(page, 'Meetings');
  await expect(page.getByRole('list', { name: 'Planned meetings' }).getByRole('button', { name: 'Retrospective meeting, 2026-12-15' })).toBeVisible();
});

test('recognitions are read and written by the official Automerge library', async ({ page }) => {
  await createTeam(page, { team: 'Platform', me: 'Ana' });
  await addMember(page, 'Bo');
  await page.getByRole('list', { name: 'Members' }).getByRole('button', { name: 'Bo', exact: true }).click();
  await page.getByRole('button', { name: 'Recognise Bo' }).click();
  const give = page.getByRole('form', { name: 'Give recognition' });
  await expect(give.getByRole('checkbox', { name: 'Bo' })).toBeChecked();
  await give.getByLabel('Words of recognition').fill('Kept the retro on time');
  await give.getByRole('button', { name: 'Give recognition' }).click();
  await expect(page.getByRole('status')).toContainText('Recognition given to Bo.');

  const { bytes } = await downloadTeamFile(page);
  const doc = Automerge.load(bytes);
  const members = Object.values(doc.members);
  const ana = members.find((m) => str(m.name) === 'Ana');
  const bo = members.find((m) => str(m.name) === 'Bo');
  const [given] = Object.values(doc.recognitions);
  expect(String(given.words)).toBe('Kept the retro on time');
  expect(str(given.from)).toBe(str(ana.id));
  expect(given.to.map(str)).toEqual([str(bo.id)]);
  expect(given.for_what).toBeNull();

  // Another tool records Bo recognising Ana for a meeting; the app shows it.
  const edited = Automerge.change(doc, (d) => {
    d.recognitions.k_fromjs000001 = {
      id: 'k_fromjs000001', from: str(bo.id), to: [str(ana.id)], for_what: null,
      words: 'Thanks for chairing', date: '2026-12-02', created_at: 0,
    };
  });
  await importFile(page, Automerge.save(edited));
  await expect(page.getByRole('status').filter({ hasText: 'Imported: 1 new recognition' })).toBeVisible();
  await section(page, 'Members');
  await page.getByRole('list', { name: 'Members' }).getByRole('button', { name: 'Ana', exact: true }).click();
  const received = page.getByRole('list', { name: 'Recognition received' });
  await expect(received).toContainText('Thanks for chairing');
  await expect(received).toContainText('From Bo, 2026-12-02');
  await expect(page.getByRole('button', { name: 'Recognise Ana' })).toHaveCount(0);
});
