// Shared steps for the end-to-end tests: what a person does, by role and label.
import { expect } from '@playwright/test';
import { mkdirSync, readFileSync } from 'node:fs';

const shots = new URL('./screenshots/', import.meta.url).pathname;
mkdirSync(shots, { recursive: true });

export async function shot(page, name) {
  await page.screenshot({ path: `${shots}${name}.png`, fullPage: true });
}

export async function createTeam(page, { team = 'Platform', purpose = 'Keep the lights on for our users', me = 'Ana' } = {}) {
  await page.goto('./');
  await page.getByLabel('Team name').fill(team);
  await page.getByLabel('Purpose').fill(purpose);
  await page.getByLabel('Your name').fill(me);
  await page.getByRole('button', { name: 'Create team' }).click();
  await expect(page.getByRole('heading', { level: 1, name: team })).toBeVisible();
}

export function section(page, name) {
  return page.getByRole('navigation', { name: 'Sections' }).getByRole('button', { name }).click();
}

export async function addMember(page, name) {
  await section(page, 'Members');
  await page.getByLabel("New member's name").fill(name);
  await page.getByRole('button', { name: 'Add member' }).click();
  await expect(page.getByRole('list', { name: 'Members' }).getByRole('button', { name, exact: true })).toBeVisible();
}

export async function addDecision(page, title) {
  await section(page, 'Decisions');
  await page.getByLabel('New decision title').fill(title);
  await page.getByRole('button', { name: 'Add decision' }).click();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
}

/** A new tab of the same browser (context), showing the team `team` it opens on. */
export async function openTab(context, team) {
  const tab = await context.newPage();
  await tab.goto('./');
  await expect(tab.getByRole('heading', { level: 1, name: team })).toBeVisible();
  return tab;
}

/** Opens a decision from the log, for editing (it opens as a record to read). */
export async function openDecision(page, title) {
  await section(page, 'Decisions');
  await page.getByRole('list', { name: 'Decisions', exact: true }).getByRole('button', { name: title, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
  await page.getByRole('button', { name: 'Edit this decision' }).click();
}

/** Opens a role from the list, for editing. */
export async function openRole(page, name) {
  await section(page, 'Roles');
  await page.getByRole('list', { name: 'Roles' }).getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name })).toBeVisible();
  await page.getByRole('button', { name: 'Edit this role' }).click();
}

/** Clicks "Download team file" and returns the file's bytes. */
export async function downloadTeamFile(page) {
  await section(page, 'Overview');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download team file' }).click(),
  ]);
  const path = await download.path();
  return { bytes: new Uint8Array(readFileSync(path)), name: download.suggestedFilename() };
}

/** Imports bytes as if the person picked a file. */
export async function importFile(page, bytes, name = 'team.automerge') {
  await section(page, 'Overview');
  await page.getByLabel('Import a team file').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(bytes) });
}

/** Everything this site keeps about its teams, to show nothing changed
 * (but the snapshot, a cache the page rewrites on its own schedule). */
export function storedTeams(page) {
  return page.evaluate(() =>
    JSON.stringify(Object.entries(localStorage).filter(([k]) => k.includes('/team/') && !k.endsWith('/snapshot')).sort()),
  );
}

/** Makes a link to the open team and returns it. */
export async function teamLink(page) {
  await section(page, 'Overview');
  await page.getByRole('button', { name: 'Copy link' }).click();
  const link = await page.getByLabel('Link to this team').inputValue();
  expect(link).toContain('#team=');
  return link;
}

/** Runs axe-core in the page; returns the serious and critical violations
 * (rule id and the first element each names), or every one with `all`. */
export async function accessibilityProblems(page, { all = false } = {}) {
  // Evaluated, not added as a script: the page's CSP allows no other script.
  await page.evaluate(readFileSync(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8'));
  return page.evaluate(async (all) => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => all || v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes[0]?.target?.join(' ')}`);
  }, all);
}
