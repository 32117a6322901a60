// Accessibility fixes found by axe-core and by keyboard (#15, first part):
// accessible names start with the words shown, retired roles keep their
// contrast, and the focus ring on the dark section bar is not cut off.
import { test, expect } from '@playwright/test';
import { accessibilityProblems, addDecision, addMember, createTeam, section } from './helpers.mjs';

/** Buttons in the main area whose accessible name does not hold the words shown. */
function namesWithoutTheirWords(page) {
  return page.evaluate(() => [...document.querySelectorAll('main button[aria-label]')]
    .filter((b) => {
      const shown = b.textContent.trim().toLowerCase();
      return shown && !b.getAttribute('aria-label').toLowerCase().startsWith(shown);
    })
    .map((b) => `${b.textContent.trim()} / ${b.getAttribute('aria-label')}`));
}

test('names hold the words shown, retired roles stay readable, focus rings are whole', async ({ page }) => {
  await createTeam(page);
  await addMember(page, 'Bo');
  for (const name of ['Release lead', 'Old role']) {
    await section(page, 'Roles');
    await page.getByLabel('New role name').fill(name);
    await page.getByRole('button', { name: 'Add role' }).click();
  }
  await page.getByRole('button', { name: 'Retire this role' }).click();
  await section(page, 'Roles');
  await page.getByRole('list', { name: 'Roles' }).getByRole('button', { name: 'Release lead' }).click();
  await page.getByLabel('Assign a member').selectOption({ label: 'Bo' });
  await page.getByRole('button', { name: 'Assign', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Step down: Bo' })).toBeVisible();
  expect(await namesWithoutTheirWords(page)).toEqual([]);
  await addDecision(page, 'Ship monthly');
  const ask = page.getByLabel('Ask someone else');
  await ask.selectOption(await ask.locator('option', { hasText: /^Bo/ }).first().getAttribute('value'));
  await page.getByRole('button', { name: 'Ask', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Remove Bo from those asked' })).toBeVisible();
  expect(await namesWithoutTheirWords(page)).toEqual([]);

  await section(page, 'Roles');
  await expect(page.getByRole('list', { name: 'Roles' }).getByText('Retired')).toBeVisible();
  expect(await accessibilityProblems(page)).toEqual([]);

  // The ring of a focused section button lies inside the bar that scrolls.
  const nav = page.getByRole('navigation', { name: 'Sections' });
  await nav.getByRole('button', { name: 'Overview' }).focus();
  await page.keyboard.press('Tab');
  const ring = await page.evaluate(() => {
    const b = document.activeElement;
    const bar = b.closest('ul');
    const cs = getComputedStyle(b);
    const out = parseFloat(cs.outlineOffset) + parseFloat(cs.outlineWidth);
    const r = b.getBoundingClientRect();
    const u = bar.getBoundingClientRect();
    return { name: b.textContent, inside: r.top - out >= u.top - 0.5 && r.bottom + out <= u.bottom + 0.5 && r.left - out >= u.left - 0.5 };
  });
  expect(ring).toEqual({ name: 'Members', inside: true });
});
