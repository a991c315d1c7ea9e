/**
 * Each exercise and role-play is in its lesson in every language, with the same id (moved from
 * tests/e2e/exercises.spec.ts and tests/e2e/roleplay.spec.ts: the islands are rendered into the
 * built HTML; the specs there open every one of them in a browser and work it).
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { LANGS, UI, lessonPages, page, root, type Lang } from './dist';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const load = (dir: string, lang: Lang, id: string): any =>
  parse(readFileSync(path.join(root, 'content', dir, lang, `${id}.yaml`), 'utf8'));
const TYPES = ['buyer-seller', 'preferred-supplier', 'partnership', 'strategic-alliance'];

describe('each exercise appears in its lesson in every language with the same id, and counts are as promised', () => {
  const expected: [string, string, number][] = [
    ['relationship-scenarios', 'scenario', 10],
    ['which-approach-fits', 'approach', 6],
    ['sales-or-service-sort', 'sort', 16],
    ['four-elements-match', 'match', 8],
  ];
  it.each(expected)('%s (%s, at least %i)', (id, kind, min) => {
    for (const lang of LANGS) {
      const data = load('exercises', lang, id);
      expect((data.items ?? data.cards).length, `${lang} ${id}`).toBeGreaterThanOrEqual(min);
      expect(
        page(`/${lang}/${data.lesson}/`).querySelectorAll(`[data-exercise-kind="${kind}"][data-exercise-id="${id}"]`),
        `${lang} ${id}`,
      ).toHaveLength(1);
    }
  });

  it('each relationship type is the right "now" answer at least twice', () => {
    const scen = load('exercises', 'en', 'relationship-scenarios').items;
    for (const t of TYPES)
      expect(scen.filter((i: { current: string }) => i.current === t).length, t).toBeGreaterThanOrEqual(2);
  });
});

it('every role-play appears in its lesson in every language, with the same id', () => {
  const IDS = readdirSync(path.join(root, 'content/roleplays/en'))
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort();
  expect(IDS.length).toBeGreaterThanOrEqual(8);
  for (const id of IDS) {
    for (const lang of LANGS) {
      const rp = load('roleplays', lang, id);
      expect(
        page(`/${lang}/${rp.lesson}/`).querySelectorAll(`[data-exercise-kind="roleplay"][data-exercise-id="${id}"]`),
        `${lang} ${id}`,
      ).toHaveLength(1);
    }
  }
});

describe('without JavaScript', () => {
  // A browser with JavaScript off shows <noscript>: every exercise says, in the page's language,
  // that it needs JavaScript, instead of showing buttons that do nothing.
  it('every exercise and role-play carries its note, in the page language', () => {
    let islands = 0;
    for (const pathname of LANGS.flatMap((l) => lessonPages(l))) {
      const lang = pathname.split('/')[1] as Lang;
      for (const slot of page(pathname).querySelectorAll('.exercise-slot--live')) {
        islands++;
        const note = slot.querySelector('noscript');
        expect(note, pathname).not.toBeNull();
        expect(note!.text, pathname).toContain(UI[lang].exercise.noScript);
      }
    }
    expect(islands).toBeGreaterThanOrEqual(4 * 8);
  });
});
