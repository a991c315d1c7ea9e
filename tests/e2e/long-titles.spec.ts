/**
 * What trainers really type: a title that is one long word (a URL) or has '$' patterns in it.
 * It must show as typed and never push a phone page sideways.
 */
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { encodeAssignment } from '../../src/lib/assignment';
import { UI } from './site';

const hydrated = (page: Page) => page.waitForSelector('astro-island:not([ssr])');
const sideways = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - innerWidth);

test('a URL as a title, or "$&" in it, shows as typed and the phone pages do not scroll sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  const title = 'https://intranet.example.com/training/q1onboarding $$ $& x';
  const a = { id: 'long0001', title, modules: ['relationship-types'], lessons: [] };
  await page.goto(`/en/my-training/#${encodeAssignment(a)}`);
  await hydrated(page);
  await expect(page.getByTestId('assignment-preview')).toContainText(title);
  expect(await sideways(page)).toBe(0);
  await page.getByRole('button', { name: UI.en.training.add }).click();
  await expect(page.locator('.held-assignment h3')).toHaveText(title);
  expect(await sideways(page)).toBe(0);
  await page.locator('.held-assignment a.button').first().click();
  await expect(page.locator('[data-path]')).toContainText(`“${title}”`);
  expect(await sideways(page)).toBe(0);
  await page.goto('/en/');
  await expect(page.locator('[data-paths]')).toContainText(title);
  expect(await sideways(page)).toBe(0);
});
