/** Glossary links and order in a browser. What every lesson page holds (title, objectives, key
 * points, glossary links) is read from the built HTML in tests/dist/lessons.test.ts, and that its
 * objectives and key points are visible is checked in csp.spec.ts's walk through every page. */
import { expect, test } from './fixtures';

test('a glossary link from a lesson lands on the term, highlighted', async ({ page }) => {
  await page.goto('/lv/relationship-selling/four-elements/');
  const link = page.locator('.lesson-terms a[data-term="trust"]');
  const term = (await link.textContent())!.trim();
  await link.click();
  await expect(page).toHaveURL(/\/lv\/glossary\/#term-trust$/);
  await expect(page.locator('#term-trust dt')).toHaveText(term);
  await expect(page.locator('#term-trust')).toBeInViewport();
  // Below the sticky header, not under it, on a phone and on a laptop.
  for (const viewport of [
    { width: 390, height: 700 },
    { width: 1366, height: 768 },
  ]) {
    await page.setViewportSize(viewport);
    await page.goto('/lv/glossary/#term-trust');
    await page.waitForFunction(() => window.scrollY > 0);
    const header = await page.locator('.site-header').boundingBox();
    const entry = await page.locator('#term-trust dt').boundingBox();
    expect(entry!.y).toBeGreaterThanOrEqual(header!.y + header!.height);
  }
});

test('the glossary sorts each language its own way', async ({ page }) => {
  const order = async (lang: string) =>
    page.goto(`/${lang}/glossary/`).then(() => page.locator('.glossary dt').allTextContents());
  const lv = await order('lv');
  expect(lv.length).toBeGreaterThanOrEqual(30);
  // Punctuation does not count (a Chinese term in quotation marks sorts by its words).
  expect([...lv].sort(new Intl.Collator('lv', { ignorePunctuation: true }).compare)).toEqual(lv);
  const zh = await order('zh');
  expect([...zh].sort(new Intl.Collator('zh-CN-u-co-pinyin', { ignorePunctuation: true }).compare)).toEqual(zh);
  expect(zh[0]).not.toMatch(/^“/);
  const en = await order('en');
  expect([...en].sort(new Intl.Collator('en', { sensitivity: 'base', ignorePunctuation: true }).compare)).toEqual(en);
});
