/** What the end-to-end tests need to know about the built site, read from dist/ itself. */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { parse } from 'node-html-parser';
import { parse as parseYaml } from 'yaml';
import { LOCALE_IDS, type Locale } from '../../src/i18n/locales';

/** The site's languages, from src/i18n/locales.ts. */
export const LANGS: readonly Locale[] = LOCALE_IDS;
export type Lang = Locale;
// Tags and labels stay written out: they are what the pages must show, checked against the built
// site rather than taken from the table that builds it (a new language must add its expectations here).
export const TAGS: Record<Lang, string> = { en: 'en', ms: 'ms', zh: 'zh-CN', lv: 'lv' };
export const LABELS: Record<Lang, string> = { en: 'English', ms: 'Bahasa Melayu', zh: '中文', lv: 'Latviešu' };
/** The UI strings the site is built from, to assert what a learner reads in each language. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const UI: Record<Lang, any> = Object.fromEntries(
  LANGS.map((l) => [
    l,
    JSON.parse(readFileSync(path.resolve(import.meta.dirname, '..', '..', 'src/i18n/ui', `${l}.json`), 'utf8')),
  ]),
) as Record<Lang, never>;
export const SITE_NAMES = Object.fromEntries(Object.entries(UI).map(([l, u]) => [l, u.site.name])) as Record<
  Lang,
  string
>;

const dist = path.resolve(import.meta.dirname, '..', '..', 'dist');

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** Every localized page of the built site, as a URL path ('/en/', '/zh/module/lesson/'). */
export function localizedPages(): string[] {
  return walk(dist)
    .filter((f) => f.endsWith('index.html'))
    .map((f) => '/' + path.relative(dist, path.dirname(f)).split(path.sep).join('/') + '/')
    .filter((p) => LANGS.some((l) => p.startsWith(`/${l}/`)))
    .sort();
}

/** Lesson pages ('/<lang>/<module>/<lesson>/') of one language. */
export function lessonPages(lang: Lang): string[] {
  // Three segments, but not the tools' own pages (/<lang>/trainer/results/, /<lang>/my-training/certificate/).
  return localizedPages().filter(
    (p) =>
      p.startsWith(`/${lang}/`) &&
      p.split('/').filter(Boolean).length === 3 &&
      !p.startsWith(`/${lang}/trainer/`) &&
      !p.startsWith(`/${lang}/my-training/`),
  );
}

export function langOf(pathname: string): Lang {
  return pathname.split('/')[1] as Lang;
}

/** Fails the test on any request that leaves this machine's server. */
export function forbidOtherHosts(page: Page, baseURL: string): string[] {
  const foreign: string[] = [];
  const allowed = new URL(baseURL).host;
  page.on('request', (req) => {
    const url = new URL(req.url());
    if ((url.protocol === 'http:' || url.protocol === 'https:') && url.host !== allowed) foreign.push(req.url());
  });
  return foreign;
}

const MODULES = new Set(
  (
    parseYaml(readFileSync(path.resolve(import.meta.dirname, '..', '..', 'content/modules.yaml'), 'utf8')) as {
      id: string;
    }[]
  ).map((m) => m.id),
);

/**
 * What kind of page a localized page is, the same in every language: its path without the
 * language ('/', '/glossary/', '/trainer/results/'), 'module' for a module's page, and for a
 * lesson the kinds of exercise it holds ('lesson: roleplay', 'lesson: ' for one with none).
 */
export function pageKind(pathname: string): string {
  const neutral = pathname.replace(/^\/[a-z]{2}\//, '/');
  const segments = neutral.split('/').filter(Boolean);
  if (!MODULES.has(segments[0])) return neutral;
  if (segments.length === 1) return 'module';
  const html = parse(readFileSync(path.join(dist, pathname, 'index.html'), 'utf8'));
  const kinds = new Set(
    html.querySelectorAll('[data-exercise-kind]').map((el) => el.getAttribute('data-exercise-kind')),
  );
  const islands = new Set(
    html
      .querySelectorAll('astro-island')
      .map(
        (el) =>
          el.getAttribute('component-export') +
          ':' +
          (el.getAttribute('component-url') ?? '').replace(/^.*\/|\..*$/g, ''),
      ),
  );
  return `lesson: ${[...kinds].sort().join(' ')} ${[...islands].sort().join(' ')}`.trim();
}

/** The first page of each kind in one language (see pageKind). */
export function onePageOfEachKind(lang: Lang): string[] {
  const seen = new Map<string, string>();
  for (const p of localizedPages().filter((p) => p.startsWith(`/${lang}/`)))
    if (!seen.has(pageKind(p))) seen.set(pageKind(p), p);
  return [...seen.values()];
}

/** Places a card of a sort or match exercise: the card from the pile, then its column's button. */
export async function placeCard(box: Locator, card: string, column: string) {
  await box.locator('.categorize__pile').getByRole('button', { name: card, exact: true }).click();
  await box.locator('.categorize__targets').getByRole('button', { name: column, exact: true }).click();
}
