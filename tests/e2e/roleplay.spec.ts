/** Listening/response role-plays, played as a trainee would: by mouse, keyboard and ear. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import type { Page } from '@playwright/test';
import { parse } from 'yaml';
import { LANGS, type Lang } from './site';

interface Choice {
  id: string;
  text: string;
  quality: 'good' | 'ok' | 'poor';
  skill?: string;
  error?: string;
  next: string;
}
interface Turn {
  says: string;
  choices?: Choice[];
  outcome?: string;
}
interface RolePlayFile {
  lesson: string;
  title: string;
  start: string;
  turns: Record<string, Turn>;
}

const root = path.resolve(import.meta.dirname, '..', '..');
const ui = (lang: Lang) => JSON.parse(readFileSync(path.join(root, 'src/i18n/ui', `${lang}.json`), 'utf8'));
const load = (lang: Lang, id: string): RolePlayFile =>
  parse(readFileSync(path.join(root, 'content/roleplays', lang, `${id}.yaml`), 'utf8'));
const ID = 'hammer-price';

/** The turns and choices of a path: always the good response, or always the first poor one. */
function pathOf(rp: RolePlayFile, pick: 'good' | 'poor'): { turn: string; choice: Choice }[] {
  const steps = [];
  let at = rp.start;
  while (rp.turns[at].choices) {
    const choices = rp.turns[at].choices!;
    const choice = choices.find((c) => c.quality === pick) ?? choices.find((c) => c.quality !== 'good')!;
    steps.push({ turn: at, choice });
    at = choice.next;
  }
  return steps;
}

async function open(page: Page, lang: Lang, id = ID) {
  const rp = load(lang, id);
  await page.goto(`/${lang}/${rp.lesson}/`);
  const box = page.locator(`[data-exercise-kind="roleplay"][data-exercise-id="${id}"]`);
  await box.scrollIntoViewIfNeeded();
  await expect(box.locator('xpath=ancestor::astro-island')).not.toHaveAttribute('ssr', /.*/);
  return { rp, box };
}

for (const lang of LANGS) {
  test(`${lang}: the good path to the end, with skills named and a full score`, async ({ page }) => {
    const s = ui(lang);
    const { rp, box } = await open(page, lang);
    await expect(box.getByRole('heading', { name: rp.title })).toBeVisible();
    for (const { turn, choice } of pathOf(rp, 'good')) {
      await expect(box.getByTestId('customer-line')).toHaveText(rp.turns[turn].says);
      await box
        .getByRole('group', { name: s.roleplay.yourResponse })
        .getByRole('button', { name: choice.text, exact: true })
        .click();
      const feedback = box.locator('.feedback');
      await expect(feedback).toContainText(s.roleplay.good);
      await expect(feedback).toContainText(s.skills[choice.skill!]);
      await feedback.getByRole('button').click();
    }
    const summary = box.getByTestId('roleplay-summary');
    await expect(summary).toContainText(s.roleplay.score.replace('{score}', '100'));
    await expect(summary).toContainText(s.roleplay.noErrors);
  });

  test(`${lang}: a poor path names the listening error each time`, async ({ page }) => {
    const s = ui(lang);
    const { rp, box } = await open(page, lang);
    const steps = pathOf(rp, 'poor');
    for (const { choice } of steps) {
      await box.getByRole('button', { name: choice.text, exact: true }).click();
      await expect(box.locator('.feedback')).toContainText(s.listeningErrors[choice.error!].name);
      await box.locator('.feedback').getByRole('button').click();
    }
    const summary = box.getByTestId('roleplay-summary');
    for (const { choice } of steps) await expect(summary).toContainText(s.listeningErrors[choice.error!].line);
    await expect(summary.getByRole('button', { name: s.roleplay.tryAgain })).toBeVisible();
  });
}

for (const lang of LANGS) {
  test(`${lang}: an error made twice is one point in the summary, with each turn and its lines`, async ({ page }) => {
    const s = ui(lang);
    const id = 'budget-worried-buyer';
    const { rp, box } = await open(page, lang, id);
    const steps = pathOf(rp, 'poor');
    const error = steps[0].choice.error!;
    // The premise: this path makes the same listening error more than once.
    expect(steps.filter((st) => st.choice.error === error).length).toBeGreaterThan(1);
    for (const { choice } of steps) {
      await box.getByRole('button', { name: choice.text, exact: true }).click();
      await box.locator('.feedback').getByRole('button').click();
    }
    const summary = box.getByTestId('roleplay-summary');
    const point = summary.locator('li', { hasText: s.listeningErrors[error].name });
    await expect(point).toHaveCount(1);
    await expect(point).toContainText(s.listeningErrors[error].line);
    const places = point.locator('.roleplay__where li');
    const made = steps.map((st, i) => ({ ...st, n: i + 1 })).filter((st) => st.choice.error === error);
    await expect(places).toHaveCount(made.length);
    for (const [i, st] of made.entries()) {
      // "Customer turn 2 – Name: “…” / You: “…”", as the language words it.
      const [head] = s.roleplay.errorAt.split('{name}');
      await expect(places.nth(i)).toContainText(head.replace('{n}', String(st.n)));
      await expect(places.nth(i)).toContainText(rp.turns[st.turn].says);
      await expect(places.nth(i)).toContainText(st.choice.text);
    }
  });
}

test('a response clicked before the role-play has loaded counts once it has', async ({ page }) => {
  const rp = load('ms', ID);
  const [first] = pathOf(rp, 'good');
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let asked = false;
  await page.route('**/_astro/RolePlay.*.js', async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  await page.goto(`/ms/${rp.lesson}/`);
  const box = page.locator(`[data-exercise-kind="roleplay"][data-exercise-id="${ID}"]`);
  await box.scrollIntoViewIfNeeded();
  await expect.poll(() => asked).toBe(true);
  const island = box.locator('xpath=ancestor::astro-island');
  await expect(island).toHaveAttribute('ssr', '');
  await box.getByRole('button', { name: first.choice.text, exact: true }).click();
  await page.waitForTimeout(1000);
  release();
  await expect(island).not.toHaveAttribute('ssr', /.*/);
  await expect(box.locator('.feedback')).toContainText(first.choice.text);
  await expect(box.locator('.feedback')).toContainText(ui('ms').roleplay.good);
});

test('switching language in the middle continues at the same turn with the same answers', async ({ page }) => {
  const en = load('en', ID);
  const lv = load('lv', ID);
  const [first, second] = pathOf(en, 'good');
  let { box } = await open(page, 'en');
  await box.getByRole('button', { name: first.choice.text, exact: true }).click();
  await box.locator('.feedback').getByRole('button').click();
  await expect(box.getByTestId('customer-line')).toHaveText(en.turns[second.turn].says);
  ({ box } = await open(page, 'lv'));
  // Same place, now in Latvian: the second customer turn, and the first answer in the history.
  await expect(box.getByTestId('customer-line')).toHaveText(lv.turns[second.turn].says);
  await box.locator('.roleplay__history summary').click();
  await expect(box.locator('.roleplay__history')).toContainText(
    lv.turns[first.turn].choices!.find((c) => c.id === first.choice.id)!.text,
  );
});

test('reload in the middle keeps the answer and its feedback', async ({ page }) => {
  const zh = load('zh', ID);
  const [first] = pathOf(zh, 'poor');
  let { box } = await open(page, 'zh');
  await box.getByRole('button', { name: first.choice.text, exact: true }).click();
  await expect(box.locator('.feedback')).toContainText(ui('zh').listeningErrors[first.choice.error!].name);
  await page.reload();
  ({ box } = await open(page, 'zh'));
  await expect(box.locator('.feedback')).toContainText(first.choice.text);
  await expect(box.locator('.feedback')).toContainText(ui('zh').listeningErrors[first.choice.error!].name);
});

test('keyboard only: choose, hear the feedback, move on, with focus managed', async ({ page }) => {
  const s = ui('ms');
  const { rp, box } = await open(page, 'ms');
  const [first, second] = pathOf(rp, 'good');
  const choices = box.getByRole('group', { name: s.roleplay.yourResponse }).getByRole('button');
  await choices.first().focus();
  const index = rp.turns[first.turn].choices!.findIndex((c) => c.id === first.choice.id);
  for (let i = 0; i < index; i++) await page.keyboard.press('Tab');
  await expect(choices.nth(index)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(box.locator('.feedback')).toBeFocused();
  await expect(box.locator('[aria-live="polite"]')).toContainText(s.roleplay.good);
  await page.keyboard.press('Tab');
  await expect(box.locator('.feedback').getByRole('button')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(box.locator('.roleplay__turn h4')).toBeFocused();
  await expect(box.getByTestId('customer-line')).toHaveText(rp.turns[second.turn].says);
});

/** A fake speech synthesis: records what would be spoken, in which language. */
function stubSpeech(page: Page, voices: { lang: string; name: string }[] | null) {
  return page.addInitScript((v) => {
    const w = window as unknown as Record<string, unknown>;
    w.__spoken = [];
    if (v === null) {
      delete w.speechSynthesis;
      Object.defineProperty(window, 'speechSynthesis', { value: undefined });
      return;
    }
    w.SpeechSynthesisUtterance = class {
      text: string;
      lang = '';
      voice: unknown = null;
      rate = 1;
      constructor(t: string) {
        this.text = t;
      }
    };
    Object.defineProperty(window, 'speechSynthesis', {
      value: {
        getVoices: () => v,
        speak: (u: { text: string; lang: string; rate: number }) =>
          (w.__spoken as unknown[]).push({ text: u.text, lang: u.lang, rate: u.rate }),
        cancel: () => {},
        addEventListener: () => {},
      },
    });
  }, voices);
}

test('listening mode: the line is hidden, spoken in the page language, slower on request', async ({ page }) => {
  await stubSpeech(page, [
    { lang: 'en-US', name: 'English' },
    { lang: 'lv-LV', name: 'Latviešu' },
  ]);
  const s = ui('lv');
  const { rp, box } = await open(page, 'lv');
  await box.getByLabel(s.roleplay.listenMode).check();
  await expect(box.getByTestId('customer-line')).toHaveCount(0);
  await expect(box.getByText(s.roleplay.hidden)).toBeVisible();
  await box.getByLabel(s.roleplay.slower).check();
  await box.getByRole('button', { name: s.roleplay.listen, exact: true }).click();
  expect(await page.evaluate(() => (window as unknown as { __spoken: unknown[] }).__spoken)).toEqual([
    { text: rp.turns[rp.start].says, lang: 'lv-LV', rate: 0.7 },
  ]);
  // "Can't listen now" shows the text.
  await box.getByRole('button', { name: s.roleplay.showText }).click();
  await expect(box.getByTestId('customer-line')).toHaveText(rp.turns[rp.start].says);
});

test('no voice for the language: says so, shows the text, speaks nothing', async ({ page }) => {
  await stubSpeech(page, [
    { lang: 'id-ID', name: 'Indonesian' },
    { lang: 'en-US', name: 'English' },
  ]);
  const s = ui('ms');
  const { rp, box } = await open(page, 'ms');
  await box.getByLabel(s.roleplay.listenMode).check();
  await box.getByRole('button', { name: s.roleplay.listen, exact: true }).click();
  await expect(box.getByText(s.roleplay.noVoice)).toBeVisible();
  await expect(box.getByTestId('customer-line')).toHaveText(rp.turns[rp.start].says);
  expect(await page.evaluate(() => (window as unknown as { __spoken: unknown[] }).__spoken)).toEqual([]);
});

test('no speech synthesis at all: says so and shows the text', async ({ page }) => {
  await stubSpeech(page, null);
  const s = ui('zh');
  const { rp, box } = await open(page, 'zh');
  await box.getByLabel(s.roleplay.listenMode).check();
  await box.getByRole('button', { name: s.roleplay.listen, exact: true }).click();
  await expect(box.getByText(s.roleplay.noSpeech)).toBeVisible();
  await expect(box.getByTestId('customer-line')).toHaveText(rp.turns[rp.start].says);
});

test('no accessibility violations with feedback open, light and dark', async ({ page }) => {
  const { rp, box } = await open(page, 'en');
  const [first] = pathOf(rp, 'poor');
  await box.getByRole('button', { name: first.choice.text, exact: true }).click();
  await expect(box.locator('.feedback')).toBeVisible();
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const results = await new AxeBuilder({ page }).include(`[data-exercise-id="${ID}"]`).analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
      scheme,
    ).toEqual([]);
  }
});

// That every role-play is in its lesson in every language with the same id is read from the built
// HTML in tests/dist/exercises.test.ts.

test('a finished role-play shows on the progress page with attempts and scores', async ({ page }) => {
  const { rp, box } = await open(page, 'en');
  for (const { choice } of pathOf(rp, 'good')) {
    await box.getByRole('button', { name: choice.text, exact: true }).click();
    await box.locator('.feedback').getByRole('button').click();
  }
  await expect(box.getByTestId('roleplay-summary')).toBeVisible();
  await page.goto('/en/progress/');
  await page.waitForSelector('astro-island:not([ssr])');
  const row = page.locator(`tr[data-exercise="${ID}"]`);
  await expect(row).toContainText(rp.title);
  await expect(row.locator('td')).toHaveText(['1', '100%', '100%']);
});
