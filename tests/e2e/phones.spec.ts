/**
 * No page scrolls sideways on a phone: every localized page at 320 and 390 px in every language
 * (as built, before and after its islands hydrate), with the elements that stick out named when
 * one does.
 */
import { expect, test } from './fixtures';
import { LANGS, localizedPages } from './site';

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
