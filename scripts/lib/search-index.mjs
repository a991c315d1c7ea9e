/**
 * After the build: the search index (Pagefind) that /<lang>/search/ queries. Runs in Astro's
 * `astro:build:done` hook (astro.config.mjs), so `npm run build`, `npm start`, `npm test` and
 * `npm run package` all get the same index without a step of their own.
 *
 * What is indexed, one index per language (Pagefind splits by `<html lang>` / `language`):
 * - lessons: the `data-pagefind-body` part of dist/<lang>/<module>/<lesson>/index.html (not the
 *   LMS copies under dist/lms/, which the glob leaves out); sub-results follow the lesson's
 *   `##` headings, which have ids, so a result links to its section;
 * - exercises and role-plays: one record each, from content/ (their island shows one turn or one
 *   question at a time, so the page's HTML does not hold their whole text), linking to the
 *   exercise in its lesson (`#x-<id>`, which src/scripts/place.ts scrolls to);
 * - glossary terms: one record each, linking to the term on the glossary page (`#term-<id>`).
 * Trainer, progress, My training, home and module pages have no `data-pagefind-body`, so Pagefind
 * leaves them out.
 *
 * Pagefind is given text joined the way each language joins sentences (scripts/lib/search-text.mjs):
 * left to itself it joins blocks with an English ". ", which reads "积极交流. 学完本课" in Chinese.
 */
import { existsSync } from 'node:fs';
import { readFile, readdir, rm } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import * as pagefind from 'pagefind';
import { filesUnder } from './files.mjs';
import { indexableHtml, joinBlocks } from './search-text.mjs';

/** The languages, as src/i18n/locales.ts has them (a .mjs cannot import it; tests/unit/search.test.ts compares). */
export const SEARCH_LANGUAGES = { en: 'en', ms: 'ms', zh: 'zh-cn', lv: 'lv' };

/**
 * The text of an exercise or role-play worth finding: what the learner reads (titles,
 * situations, statements, the customer's lines and the answers offered). Feedback is left out:
 * it explains verdicts, and its words would pull lessons' terms into every exercise's result.
 */
const TEXT_KEYS = new Set(['title', 'intro', 'text', 'situation', 'says', 'name', 'role', 'company', 'wants', 'label']);

/** Every string under a TEXT_KEYS key, in document order. */
export function exerciseText(value, key = '') {
  if (typeof value === 'string') return TEXT_KEYS.has(key) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((v) => exerciseText(v, key));
  if (value && typeof value === 'object') {
    // Role-play turns are keyed by their ids (t1, t2-defensive…): their content counts, not the id.
    return Object.entries(value).flatMap(([k, v]) => exerciseText(v, TEXT_KEYS.has(k) ? k : k === key ? key : k));
  }
  return [];
}

const UNUSED = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

const decode = (s) =>
  s
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .trim();

/** A built lesson's title (its h1), for the exercise records' "in <lesson>" line. */
async function lessonTitle(distDir, lang, lesson) {
  const html = await readFile(join(distDir, lang, lesson, 'index.html'), 'utf8');
  return decode(html.match(/<h1 id="lesson-title">([\s\S]*?)<\/h1>/)?.[1] ?? lesson);
}

async function check(response, what) {
  const r = await response;
  if (r.errors?.length) throw new Error(`Search index: ${what}: ${r.errors.join('; ')}`);
  return r;
}

/** Writes dist/pagefind/; returns how many pages and records went in. */
export async function buildSearchIndex(distDir, rootDir) {
  const { index } = await check(pagefind.createIndex({}), 'starting Pagefind');
  try {
    let pages = 0;
    for (const lang of Object.keys(SEARCH_LANGUAGES)) {
      for (const file of (await filesUnder(join(distDir, lang))).filter((f) => f.endsWith('.html')).sort()) {
        // The address Pagefind's addDirectory would give: /zh/a/b/ for zh/a/b/index.html.
        const path = relative(distDir, file).split(sep).join('/');
        const html = indexableHtml(await readFile(file, 'utf8'), lang);
        await check(index.addHTMLFile({ url: `/${path.replace(/(^|\/)index\.html$/, '$1')}`, content: html }), path);
        pages++;
      }
    }
    let records = 0;
    const add = async (record) => {
      await check(index.addCustomRecord(record), record.url);
      records++;
    };
    for (const [lang, language] of Object.entries(SEARCH_LANGUAGES)) {
      for (const [folder, kind] of [
        ['exercises', 'exercise'],
        ['roleplays', 'roleplay'],
      ]) {
        const dir = join(rootDir, 'content', folder, lang);
        // A course may have no role-plays or exercises (the build tests' one-lesson course).
        if (!existsSync(dir)) continue;
        for (const file of (await readdir(dir)).filter((f) => f.endsWith('.yaml')).sort()) {
          const data = parse(await readFile(join(dir, file), 'utf8'));
          const id = file.replace(/\.yaml$/, '');
          await add({
            url: `/${lang}/${data.lesson}/#x-${id}`,
            content: joinBlocks(lang, exerciseText(data)),
            language,
            meta: { title: data.title, kind, lesson: await lessonTitle(distDir, lang, data.lesson) },
            filters: { kind: [kind] },
          });
        }
      }
      const glossary = parse(await readFile(join(rootDir, 'content', 'glossary.yaml'), 'utf8'));
      for (const entry of glossary) {
        const { term, definition } = entry[lang];
        await add({
          url: `/${lang}/glossary/#term-${entry.id}`,
          content: joinBlocks(lang, [term, definition]),
          language,
          meta: { title: term, kind: 'glossary' },
          filters: { kind: ['glossary'] },
        });
      }
    }
    const out = join(distDir, 'pagefind');
    await check(index.writeFiles({ outputPath: out }), 'writing the index');
    // Pagefind's ready-made interfaces: the search page has its own, so these would only be
    // published, never loaded (about 400 KB).
    for (const file of await readdir(out)) if (UNUSED.test(file)) await rm(join(out, file));
    return { pages, records };
  } finally {
    await pagefind.close();
  }
}
