/** Scenario, approach, sorting and matching exercises, worked as a trainee would, in every language. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import type { Locator, Page } from '@playwright/test';
import { parse } from 'yaml';
import { LANGS, placeCard, type Lang } from './site';

const root = path.resolve(import.meta.dirname, '..', '..');
const ui = (lang: Lang) => JSON.parse(readFileSync(path.join(root, 'src/i18n/ui', `${lang}.json`), 'utf8'));
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const load = (lang: Lang, id: string): any =>
  parse(readFileSync(path.join(root, 'content/exercises', lang, `${id}.yaml`), 'utf8'));
const TYPES = ['buyer-seller', 'preferred-supplier', 'partnership', 'strategic-alliance'];

async function open(page: Page, lang: Lang, id: string): Promise<Locator> {
  const data = load(lang, id);
  await page.goto(`/${lang}/${data.lesson}/`);
  const box = page.locator(`[data-exercise-id="${id}"]`);
  await box.scrollIntoViewIfNeeded();
  await expect(box.locator('xpath=ancestor::astro-island')).not.toHaveAttribute('ssr', /.*/);
  return box;
}

/** Names the island shows for the ordered options, in the page's language. */
function typeName(lang: Lang, key: string): string {
  const l = ui(lang).diagram.ladder;
  return {
    'buyer-seller': l.buyerSeller,
    'preferred-supplier': l.preferred,
    partnership: l.partnership,
    'strategic-alliance': l.alliance,
  }[key]!;
}
function approachName(lang: Lang, key: string): string {
  const c = ui(lang).diagram.continuum;
  return { transactional: c.transactional, relationship: c.relationship, 'relationship-oriented': c.oriented }[key]!;
}
function elementName(lang: Lang, key: string): string {
  const e = ui(lang).diagram.elements;
  return { 'contract-bond': e.bond, reciprocity: e.reciprocity, empathy: e.empathy, trust: e.trust }[key]!;
}

async function answer(box: Locator, option: string) {
  await box.locator('.quiz__options').getByRole('button', { name: option, exact: true }).click();
  await expect(box.locator('.feedback')).toBeVisible();
  await box.locator('.feedback').getByRole('button').click();
}

for (const lang of LANGS) {
  test(`${lang}: every exercise kind done right scores 100%`, async ({ page }) => {
    const s = ui(lang).quiz;
    // Scenarios: type now, level worth investing in, reason.
    const scen = load(lang, 'relationship-scenarios');
    let box = await open(page, lang, 'relationship-scenarios');
    for (const item of scen.items) {
      await expect(box.locator('.quiz__prompt')).toHaveText(item.situation);
      await answer(box, typeName(lang, item.current));
      await answer(box, typeName(lang, item.worth));
      await answer(box, item.reasons.find((r: { correct: boolean }) => r.correct).text);
    }
    await expect(box.getByTestId('quiz-results')).toContainText(s.score.replace('{score}', '100'));

    // Which approach fits, with the aspect for relationship-oriented selling.
    const appr = load(lang, 'which-approach-fits');
    box = await open(page, lang, 'which-approach-fits');
    for (const item of appr.items) {
      await answer(box, approachName(lang, item.answer));
      if (item.aspects) await answer(box, item.aspects.find((a: { correct: boolean }) => a.correct).text);
    }
    await expect(box.getByTestId('quiz-results')).toContainText(s.score.replace('{score}', '100'));

    // Sorting and matching: pick each card, then its category.
    for (const [id, cardsKey, catKey, name] of [
      ['sales-or-service-sort', 'cards', 'column', (k: string) => load(lang, 'sales-or-service-sort').columns[k]],
      ['four-elements-match', 'items', 'element', (k: string) => elementName(lang, k)],
    ] as const) {
      const data = load(lang, id);
      box = await open(page, lang, id);
      for (const card of data[cardsKey]) {
        await placeCard(box, card.text, name(card[catKey]));
        await expect(box.locator('.feedback')).toContainText(card.feedback);
      }
      await expect(box.getByTestId('quiz-results')).toContainText(s.score.replace('{score}', '100'));
    }
  });

  test(`${lang}: wrong answers get their own feedback, a near miss says which way it is off`, async ({ page }) => {
    const s = ui(lang).quiz;
    const item = load(lang, 'relationship-scenarios').items[0];
    const box = await open(page, lang, 'relationship-scenarios');
    const higher = TYPES[TYPES.indexOf(item.current) + 1];
    await box
      .locator('.quiz__options')
      .getByRole('button', { name: typeName(lang, higher), exact: true })
      .click();
    const feedback = box.locator('.feedback');
    await expect(feedback).toContainText(s.near);
    await expect(feedback).toContainText(s.higher);
    await expect(feedback).toContainText(item.currentFeedback[higher]);
    await expect(feedback).toContainText(s.rightAnswer.replace('{answer}', typeName(lang, item.current)));

    // A wrong card stays in the pile, can be retried, and counts against the first-try score.
    const sort = load(lang, 'sales-or-service-sort');
    const card = sort.cards[0];
    const wrongColumn = card.column === 'sales' ? 'service' : 'sales';
    const sortBox = await open(page, lang, 'sales-or-service-sort');
    await placeCard(sortBox, card.text, sort.columns[wrongColumn]);
    await expect(sortBox.locator('.feedback')).toContainText(
      s.placedWrong.replace('{category}', sort.columns[wrongColumn]),
    );
    await expect(sortBox.locator('.categorize__pile')).toContainText(card.text);
    await sortBox
      .locator('.categorize__pile')
      .getByRole('button', { name: new RegExp(card.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')) })
      .click();
    await sortBox
      .locator('.categorize__targets')
      .getByRole('button', { name: sort.columns[card.column], exact: true })
      .click();
    await expect(sortBox.locator('.feedback')).toContainText(card.feedback);
    await expect(sortBox.locator(`.categorize__column:has(h4:text("${sort.columns[card.column]}"))`)).toContainText(
      card.text,
    );
  });
}

const PAIRS: [Lang, Lang][] = [
  ['en', 'lv'],
  ['ms', 'zh'],
  ['zh', 'en'],
  ['lv', 'ms'],
];
for (const [from, to] of PAIRS) {
  test(`switch ${from} -> ${to} mid-exercise and reload: the same answers, in the new language`, async ({ page }) => {
    const a = load(from, 'which-approach-fits');
    let box = await open(page, from, 'which-approach-fits');
    await answer(box, approachName(from, a.items[0].answer));
    // Second item, answered, its feedback still open.
    await box
      .locator('.quiz__options')
      .getByRole('button', { name: approachName(from, 'transactional'), exact: true })
      .click();
    box = await open(page, to, 'which-approach-fits');
    const b = load(to, 'which-approach-fits');
    await expect(box.locator('.quiz__prompt')).toHaveText(b.items[1].situation);
    await expect(box.locator('.feedback')).toContainText(approachName(to, 'transactional'));
    await expect(box.locator('.feedback')).toContainText(b.items[1].approachFeedback.transactional);
    await page.reload();
    box = await open(page, to, 'which-approach-fits');
    await expect(box.locator('.feedback')).toContainText(b.items[1].approachFeedback.transactional);

    // A card sorted in one language is in its column in the other.
    const sortFrom = load(from, 'sales-or-service-sort');
    let sbox = await open(page, from, 'sales-or-service-sort');
    const card = sortFrom.cards[2];
    await placeCard(sbox, card.text, sortFrom.columns[card.column]);
    const sortTo = load(to, 'sales-or-service-sort');
    sbox = await open(page, to, 'sales-or-service-sort');
    await expect(sbox.locator(`.categorize__column:has(h4:text("${sortTo.columns[card.column]}"))`)).toContainText(
      sortTo.cards[2].text,
    );

    // Reset and retry: back to the first item, the attempt's answers cleared.
    box = await open(page, to, 'which-approach-fits');
    await box.getByRole('button', { name: ui(to).quiz.tryAgain }).click();
    await box.getByRole('button', { name: ui(to).quiz.restartYes }).click();
    await expect(box.locator('.quiz__prompt')).toHaveText(b.items[0].situation);
  });
}

for (const lang of LANGS) {
  test(`${lang}: "Start again" asks before it discards a half-done attempt, not after a finished one`, async ({
    page,
  }) => {
    const s = ui(lang).quiz;
    const a = load(lang, 'which-approach-fits');
    const box = await open(page, lang, 'which-approach-fits');
    await answer(box, approachName(lang, a.items[0].answer));
    await expect(box.locator('.quiz__prompt')).toHaveText(a.items[1].situation);

    // Asked in the page, the question focused (so it is read out); keeping the answers keeps them.
    const again = box.getByRole('button', { name: s.tryAgain });
    await again.click();
    const ask = box.getByRole('alertdialog', { name: s.restartAsk });
    await expect(ask).toBeVisible();
    await expect(ask.locator('#which-approach-fits-ask')).toBeFocused();
    await expect(ask.locator('#which-approach-fits-ask')).toHaveText(s.restartAsk);
    await ask.getByRole('button', { name: s.restartKeep }).click();
    await expect(ask).toBeHidden();
    await expect(again).toBeFocused();
    await expect(box.locator('.quiz__prompt')).toHaveText(a.items[1].situation);
    // Yes: back to the first situation, focus on its question.
    await again.click();
    await ask.getByRole('button', { name: s.restartYes }).click();
    await expect(box.locator('.quiz__prompt')).toHaveText(a.items[0].situation);
    await expect(box.locator('.quiz__item h4')).toBeFocused();
    await expect(again).toBeHidden();

    // A finished attempt is scored and kept: starting again needs no question.
    for (const item of a.items) {
      await answer(box, approachName(lang, item.answer));
      if (item.aspects) await answer(box, item.aspects.find((x: { correct: boolean }) => x.correct).text);
    }
    await expect(box.getByTestId('quiz-results')).toBeVisible();
    await again.click();
    await expect(ask).toBeHidden();
    await expect(box.locator('.quiz__prompt')).toHaveText(a.items[0].situation);

    // Sorting: a placed card is half-done work too.
    const sort = load(lang, 'sales-or-service-sort');
    const card = sort.cards[0];
    const sbox = await open(page, lang, 'sales-or-service-sort');
    await placeCard(sbox, card.text, sort.columns[card.column]);
    const column = sbox.locator(`.categorize__column:has(h4:text("${sort.columns[card.column]}"))`);
    await expect(column).toContainText(card.text);
    await sbox.getByRole('button', { name: s.tryAgain }).click();
    await sbox.getByRole('alertdialog').getByRole('button', { name: s.restartKeep }).click();
    await expect(column).toContainText(card.text);
    await sbox.getByRole('button', { name: s.tryAgain }).click();
    await sbox.getByRole('alertdialog').getByRole('button', { name: s.restartYes }).click();
    await expect(column).not.toContainText(card.text);
    await expect(sbox.locator('.categorize__pile')).toContainText(card.text);
  });
}

for (const lang of LANGS) {
  test(`${lang}: keyboard only: sort a card and answer a scenario question, focus following`, async ({ page }) => {
    const zh = load(lang, 'four-elements-match');
    const box = await open(page, lang, 'four-elements-match');
    const first = zh.items[0];
    // The first card is selected; its category is one Tab stop among the target buttons.
    const targets = box.locator('.categorize__targets').getByRole('button');
    await targets.first().focus();
    const index = ['contract-bond', 'reciprocity', 'empathy', 'trust'].indexOf(first.element);
    for (let i = 0; i < index; i++) await page.keyboard.press('Tab');
    await expect(targets.nth(index)).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(box.locator('.feedback')).toBeFocused();
    await expect(box.locator('.feedback')).toContainText(first.feedback);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(box.locator('.categorize__pile button').first()).toBeFocused();

    const scen = load(lang, 'relationship-scenarios');
    const sbox = await open(page, lang, 'relationship-scenarios');
    const options = sbox.locator('.quiz__options button');
    await options.first().focus();
    for (let i = 0; i < TYPES.indexOf(scen.items[0].current); i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(sbox.locator('.feedback')).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect(sbox.locator('h4')).toBeFocused();
    await expect(sbox.locator('h4')).toHaveText(ui(lang).quiz.worthQuestion);
  });
}

test('no accessibility violations with feedback showing, light and dark', async ({ page }) => {
  for (const [lang, id, click] of [
    ['ms', 'relationship-scenarios', '.quiz__options button'],
    ['lv', 'sales-or-service-sort', '.categorize__targets button'],
  ] as const) {
    const box = await open(page, lang, id);
    await box.locator(click).first().click();
    await expect(box.locator('.feedback')).toBeVisible();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      const results = await new AxeBuilder({ page }).include(`[data-exercise-id="${id}"]`).analyze();
      expect(
        results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        `${lang} ${scheme}`,
      ).toEqual([]);
    }
    // And with "Start again" asking whether to discard the answers.
    await page.emulateMedia({ colorScheme: 'light' });
    await box.getByRole('button', { name: ui(lang).quiz.tryAgain }).click();
    await expect(box.getByRole('alertdialog')).toBeVisible();
    const asking = await new AxeBuilder({ page }).include(`[data-exercise-id="${id}"]`).analyze();
    expect(
      asking.violations.map((v) => v.id),
      `${lang} asking`,
    ).toEqual([]);
  }
});

// That each exercise is in its lesson in every language with the same id, and the counts, are read
// from the built HTML and the content in tests/dist/exercises.test.ts.

/**
 * Opens an exercise's lesson with its island's JavaScript held back, so its buttons are on the
 * page but not live yet (as on a slow connection); `release` lets the script load.
 */
async function openHeld(page: Page, lang: Lang, id: string, chunk: string) {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let asked = false;
  await page.route(`**/_astro/${chunk}.*.js`, async (route) => {
    asked = true;
    await held;
    await route.continue();
  });
  await page.goto(`/${lang}/${load(lang, id).lesson}/`);
  const box = page.locator(`[data-exercise-id="${id}"]`);
  await box.scrollIntoViewIfNeeded();
  // Scrolled into view, the island asked for its script, which is held: it has not hydrated.
  await expect.poll(() => asked).toBe(true);
  const island = box.locator('xpath=ancestor::astro-island');
  await expect(island).toHaveAttribute('ssr', '');
  return { box, island, release };
}

test('a click on an answer before the exercise has loaded counts once it has', async ({ page }) => {
  const lang = 'en';
  const s = ui(lang).quiz;
  const item = load(lang, 'relationship-scenarios').items[0];
  const { box, island, release } = await openHeld(page, lang, 'relationship-scenarios', 'QuestionSet');
  const option = typeName(lang, item.current);
  await box.locator('.quiz__options').getByRole('button', { name: option, exact: true }).click();
  // About a second of a slow network before the script arrives.
  await page.waitForTimeout(1000);
  await expect(box.locator('.feedback')).toHaveCount(0);
  release();
  await expect(island).not.toHaveAttribute('ssr', /.*/);
  await expect(box.locator('.feedback')).toContainText(`${s.yourAnswer} ${option}`);
  await expect(box.locator('.feedback__verdict')).toContainText(s.right);
  // Recorded, not just shown: it is there after a reload.
  await page.unrouteAll();
  const again = await open(page, lang, 'relationship-scenarios');
  await expect(again.locator('.feedback')).toContainText(`${s.yourAnswer} ${option}`);
});

test('a click before loading is dropped when the saved attempt shows something else', async ({ page }) => {
  const lang = 'lv';
  const s = ui(lang).quiz;
  const item = load(lang, 'relationship-scenarios').items[0];
  const first = typeName(lang, item.current);
  const other = typeName(
    lang,
    TYPES.find((t) => t !== item.current)!,
  );
  let box = await open(page, lang, 'relationship-scenarios');
  await box.locator('.quiz__options').getByRole('button', { name: first, exact: true }).click();
  await expect(box.locator('.feedback')).toContainText(`${s.yourAnswer} ${first}`);

  // The server renders the exercise at its start; the saved answer appears only after hydration. A
  // click on the start view must not become an answer to wherever the saved attempt is.
  const held = await openHeld(page, lang, 'relationship-scenarios', 'QuestionSet');
  box = held.box;
  await box.locator('.quiz__options').getByRole('button', { name: other, exact: true }).click();
  held.release();
  await expect(held.island).not.toHaveAttribute('ssr', /.*/);
  await expect(box.locator('.feedback')).toContainText(`${s.yourAnswer} ${first}`);
  // Nothing was clicked for the learner: not another answer, not "Next", not "Start again" (which
  // sit where the options were).
  await page.waitForTimeout(300);
  await expect(box.locator('.feedback')).toContainText(`${s.yourAnswer} ${first}`);
  await expect(box.locator('.quiz__item h4')).toHaveText(s.currentQuestion);
  await expect(box.getByRole('alertdialog')).toHaveCount(0);
  await expect(box.locator('.quiz__earlier')).toHaveCount(0);
});
