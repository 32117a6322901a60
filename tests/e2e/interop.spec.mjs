// A downloaded team file is a plain Automerge document that the official
// JavaScript library reads under the documented schema (docs/schema.md).
import { test, expect } from '@playwright/test';
import * as Automerge from '@automerge/automerge';
import { addDecision, addMember, createTeam, downloadTeamFile, section } from './helpers.mjs';

const str = (v) => (v === null || v === undefined ? v : String(v));

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

  const authors = Automerge.getHistory(doc).map((h) => JSON.parse(h.change.message).author);
  expect(authors[0]).toBe(str(ana.id));
  expect(authors.at(-1)).toBe(str(bo.id));
  expect(authors.every((a) => a === str(ana.id) || a === str(bo.id))).toBe(true);
});
