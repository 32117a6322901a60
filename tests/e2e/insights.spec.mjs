// Insights: the team's figures match what a person can work out by hand,
// each chart has a table, and the example team's screen reads well at
// 1280 and 375 px.
import { test, expect } from '@playwright/test';
import { accessibilityProblems, addDecision, addMember, createTeam, section, shot } from './helpers.mjs';

test('a small team: ownership concentrated on one person shows as such', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await createTeam(page, { me: 'Ana' });
  await addMember(page, 'Bo');
  for (const title of ['Weekly releases', 'New laptop policy']) {
    await addDecision(page, title);
    await page.getByLabel('Owner').selectOption({ label: 'Person: Ana' });
  }
  await section(page, 'Insights');
  await expect(page.getByRole('heading', { level: 2, name: 'Insights' })).toBeVisible();
  // Two members, Ana owns both decisions: Gini 0.50; the top fifth
  // (one person) holds all of them.
  const figure = (name) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name, exact: true }) });
  await expect(figure('Concentration of decision ownership')).toContainText('0.50');
  await expect(figure('Share held by the top fifth')).toContainText('1.00');
  await expect(figure('Density of advice')).toContainText('0.00');
  const bars = page.getByRole('list', { name: 'Decisions owned per member' });
  await expect(bars.getByRole('listitem')).toHaveText(['Ana2', 'Bo0']);
  await page.getByLabel('Kind of contribution').selectOption({ label: 'Roles held' });
  await expect(page.getByRole('list', { name: 'Roles held per member' })).toBeVisible();
  // The table view holds the same numbers.
  await page.getByText('Table: every contribution of every member').click();
  const table = page.getByRole('table', { name: 'Contributions by member' });
  await expect(table.getByRole('row', { name: /^Ana 2/ })).toBeVisible();
  expect(await accessibilityProblems(page), 'Insights screen').toEqual([]);
});

test('the example team: figures, trends, bars, people and roles', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./');
  await page.getByRole('button', { name: 'Open the example team' }).click();
  await expect(page.getByRole('status')).toContainText('example team');
  await section(page, 'Insights');
  await expect(page.getByRole('img', { name: /^Trend of concentration of decision ownership by quarter/ })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Who holds which role' })).toBeVisible();
  await expect(page.getByRole('heading', { name: /^Single points of failure \(\d+\)$/ })).toBeVisible();
  await page.getByText('Table: the figures by quarter').click();
  await expect(page.getByRole('table', { name: 'Team figures by quarter' }).getByRole('row')).not.toHaveCount(1);
  await shot(page, '80-insights');
  expect(await accessibilityProblems(page), 'Insights, example team').toEqual([]);
  await page.setViewportSize({ width: 375, height: 800 });
  await shot(page, '81-insights-375');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
