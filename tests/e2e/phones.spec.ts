/**
 * No page scrolls sideways on a phone: every localized page at 320 and 390 px in every language
 * (as built, before and after its islands hydrate), with the elements that stick out named when
 * one does. The site menu keeps to one row there; an assignment's lesson list on "My training"
 * cuts off no button; the sorting exercise shows one card at a time, by the categories, and can be
 * worked to the end by keyboard.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { expect, test } from './fixtures';
import { LANGS, UI, localizedPages, type Lang } from './site';
import { encodeAssignment } from '../../src/lib/assignment';

const hydrated = (page: Page) => page.waitForSelector('astro-island:not([ssr])');
const fillIn = (t: string, v: Record<string, string | number>) =>
  t.replace(/\{\{?(\w+)\}?\}/g, (_, k: string) => String(v[k]));

for (const lang of LANGS) {
  for (const width of [320, 390]) {
    test(`every ${lang} page fits a ${width} px screen`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize({ width, height: 800 });
      const wide: string[] = [];
      for (const path of localizedPages().filter((p) => p.startsWith(`/${lang}/`))) {
        await page.goto(path);
        await page.waitForLoadState('load');
        const overflow = await page.evaluate(() => {
          const w = document.documentElement.clientWidth;
          if (document.documentElement.scrollWidth <= w) return null;
          // What sticks out, outside the boxes that scroll on purpose (wide tables).
          const out = [...document.querySelectorAll('body *')]
            .filter((el) => el.getBoundingClientRect().right > w + 1 && !el.closest('.table-scroll'))
            .slice(0, 3)
            .map((el) => `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''}`);
          return `${document.documentElement.scrollWidth} px: ${out.join(', ')}`;
        });
        if (overflow) wide.push(`${path} ${overflow}`);
        // The menu is one row of links, each name on one line, all on screen, each link a big
        // enough target (WCAG 2.2 asks 24 px; ours are 44).
        const menu = await page.evaluate(() => {
          const ul = document.querySelector('.site-nav ul')!;
          const links = [...ul.querySelectorAll('a')].map((a) => a.getBoundingClientRect());
          const names = [...ul.querySelectorAll('a > span')].filter((s) => s.getClientRects().length > 0);
          const bad = [
            ul.getBoundingClientRect().height > links[0].height + 1 && 'taller than one row',
            links.some((r) => Math.abs(r.top - links[0].top) > 1) && 'links on more than one row',
            names.length !== links.length && 'not one name per link',
            names.some((n) => n.getClientRects().length > 1) && 'a name wraps',
            links.some((r) => r.left < 0 || r.right > document.documentElement.clientWidth) && 'a link off screen',
            links.some((r) => r.height < 24 || r.width < 24) && 'a link smaller than 24 px',
          ].filter(Boolean);
          return bad.join(', ');
        });
        if (menu) wide.push(`${path} menu: ${menu}`);
      }
      expect(wide).toEqual([]);
      // The header keeps the site's whole name (it may wrap) beside the language switcher.
      const name = page.locator('.site-name span');
      expect(
        await name.evaluate((el) => el.scrollWidth <= el.clientWidth && el.scrollHeight <= el.clientHeight + 1),
      ).toBe(true);
      await expect(page.locator('.lang-switcher summary')).toContainText(lang.toUpperCase());
    });
  }
}

/**
 * Why an element is not whole on screen, or null: it must lie inside the viewport and inside every
 * box that clips it, and no such box may scroll sideways (a button in a hidden scroll box is cut
 * off too). Scrolls the page, never an inner box, to bring it up.
 */
function cutOff(el: Element): string | null {
  window.scrollBy(0, el.getBoundingClientRect().top - innerHeight / 2);
  const r = el.getBoundingClientRect();
  if (r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight) return 'outside the viewport';
  for (let a = el.parentElement; a; a = a.parentElement) {
    const style = getComputedStyle(a);
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    const name = `${a.tagName.toLowerCase()}.${a.getAttribute('class') ?? ''}`;
    if (a.scrollWidth > a.clientWidth + 1) return `in ${name}, which scrolls sideways`;
    const box = a.getBoundingClientRect();
    const left = box.left + a.clientLeft;
    const top = box.top + a.clientTop;
    if (
      r.left < left - 0.5 ||
      r.right > left + a.clientWidth + 0.5 ||
      r.top < top - 0.5 ||
      r.bottom > top + a.clientHeight + 0.5
    )
      return `cut by ${name}`;
  }
  return null;
}

for (const width of [320, 390]) {
  test(`My training at ${width} px: no lesson button is cut off, in any language`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    // One lesson opened and one read, so the list has Start, Continue and Review buttons.
    await page.goto('/en/sales-and-service/what-service-is/');
    await page.goto('/en/sales-and-service/what-sales-is/');
    await page.getByRole('button', { name: UI.en.progress.markRead }).click();
    const code = encodeAssignment({
      id: 'phones01',
      title: 'Sales, service and relationships',
      modules: ['sales-and-service', 'relationship-selling'],
      lessons: [],
      trainee: 'Siti Nurhaliza',
    });
    for (const lang of LANGS) {
      await page.goto(`/${lang}/my-training/#${code}`);
      await hydrated(page);
      if (lang === 'en') await page.getByRole('button', { name: UI.en.training.add }).click();
      const card = page.locator('.held-assignment');
      await expect(card.locator('tbody tr')).toHaveCount(8);
      const buttons = card.locator('tbody a.button');
      for (const name of [UI[lang].training.start, UI[lang].training.continue, UI[lang].training.review])
        await expect(buttons.filter({ hasText: name }).first()).toBeVisible();
      const problems: string[] = [];
      for (const button of await buttons.all()) {
        const cut = await button.evaluate(cutOff);
        if (cut) problems.push(`${lang}: ${await button.getAttribute('href')} ${cut}`);
      }
      expect(problems).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    }
  });
}

const SORT = 'sales-or-service-sort';
const sortData = (lang: Lang) =>
  parse(
    readFileSync(path.resolve(import.meta.dirname, '..', '..', 'content/exercises', lang, `${SORT}.yaml`), 'utf8'),
  ) as {
    lesson: string;
    columns: Record<string, string>;
    cards: { id: string; text: string; column: string }[];
  };

for (const lang of LANGS) {
  test(`${lang}: on a 390 px phone the sort shows one card at a time by its categories, to the end by keyboard`, async ({
    page,
  }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    const data = sortData(lang);
    const columns = Object.keys(data.columns);
    await page.goto(`/${lang}/${data.lesson}/`);
    const box = page.locator(`[data-exercise-id="${SORT}"]`);
    await box.scrollIntoViewIfNeeded();
    await expect(box.locator('xpath=ancestor::astro-island')).not.toHaveAttribute('ssr', /.*/);
    const shown = box.locator('.categorize__pile .card-button:visible');
    const targets = box.locator('.categorize__targets button');
    const s = UI[lang].quiz;
    await shown.focus();
    for (const [i, card] of data.cards.entries()) {
      // One card on show, the one in hand, with focus on it; the count says how many are left.
      await expect(shown).toHaveCount(1);
      await expect(shown).toHaveText(card.text);
      await expect(shown).toBeFocused();
      await expect(box.locator('.categorize__work .meta')).toHaveText(
        fillIn(s.cardsLeft, { n: data.cards.length - i }),
      );
      // The card and both categories are whole on screen, below the sticky header.
      const header = (await page.locator('.site-header').boundingBox())!;
      for (const el of [shown, targets.first(), targets.last()]) {
        const r = (await el.boundingBox())!;
        expect(r.y, `${card.id}`).toBeGreaterThanOrEqual(header.y + header.height - 1);
        expect(r.y + r.height, `${card.id}`).toBeLessThanOrEqual(800);
        expect(r.x + r.width).toBeLessThanOrEqual(390);
      }
      // Back from the card to its category (the categories come just before it), then Enter.
      for (let k = columns.length - 1; k >= columns.indexOf(card.column); k--) await page.keyboard.press('Shift+Tab');
      await expect(targets.nth(columns.indexOf(card.column))).toBeFocused();
      await page.keyboard.press('Enter');
      await expect(box.locator('.feedback')).toBeFocused();
      await expect(box.locator('.feedback')).toContainText(card.text);
      if (i === data.cards.length - 1) break;
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
    }
    await expect(box.getByTestId('quiz-results')).toContainText(fillIn(s.score, { score: 100 }));
    await expect(box.locator('.categorize__pile')).toHaveCount(0);
  });
}
