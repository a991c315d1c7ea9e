/** Every lesson page in every language shows its title, objectives, key points and glossary links. */
import { expect, test } from './fixtures';
import { LANGS, lessonPages } from './site';

const KEY_POINTS = { en: 'Key points', ms: 'Isi penting', zh: '要点', lv: 'Galvenais' } as const;

for (const lang of LANGS) {
  test(`every ${lang} lesson renders title, objectives, key points and glossary links`, async ({ page, request }) => {
    const glossary = await (await request.get(`/${lang}/glossary/`)).text();
    for (const pathname of lessonPages(lang)) {
      await page.goto(pathname);
      await expect(page.locator('h1'), pathname).not.toBeEmpty();
      await expect(page.locator('.objectives li').first(), pathname).toBeVisible();
      const keyPoints = page.getByRole('heading', { level: 2, name: KEY_POINTS[lang], exact: true });
      await expect(keyPoints, pathname).toBeVisible();
      expect(await page.locator(`h2:text-is("${KEY_POINTS[lang]}") + ul li`).count(), pathname).toBeGreaterThanOrEqual(3);
      const links = page.locator('.lesson-terms a');
      expect(await links.count(), pathname).toBeGreaterThanOrEqual(2);
      for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
        expect(href, pathname).toMatch(new RegExp(`^/${lang}/glossary/#term-[a-z0-9-]+$`));
        expect(glossary, `${pathname} -> ${href}`).toContain(`id="${href.split('#')[1]}"`);
      }
      // Nothing of the source pages' debris, no broken Markdown emphasis, no replacement characters.
      const text = await page.locator('main').innerText();
      expect(text, pathname).not.toMatch(/\*\*|\uFFFD|Arī lasīt|相关推荐|我要投稿|Leave a Comment/);
    }
  });
}

test('a glossary link from a lesson lands on the term, highlighted', async ({ page }) => {
  await page.goto('/lv/relationship-selling/four-elements/');
  const link = page.locator('.lesson-terms a[data-term="trust"]');
  const term = (await link.textContent())!.trim();
  await link.click();
  await expect(page).toHaveURL(/\/lv\/glossary\/#term-trust$/);
  await expect(page.locator('#term-trust dt')).toHaveText(term);
  await expect(page.locator('#term-trust')).toBeInViewport();
});

test('the glossary sorts each language its own way', async ({ page }) => {
  const order = async (lang: string) => page.goto(`/${lang}/glossary/`).then(() => page.locator('.glossary dt').allTextContents());
  const lv = await order('lv');
  expect(lv.length).toBeGreaterThanOrEqual(30);
  expect([...lv].sort(new Intl.Collator('lv').compare)).toEqual(lv);
  const zh = await order('zh');
  expect([...zh].sort(new Intl.Collator('zh-CN-u-co-pinyin').compare)).toEqual(zh);
  const en = await order('en');
  expect([...en].sort(new Intl.Collator('en', { sensitivity: 'base' }).compare)).toEqual(en);
});
