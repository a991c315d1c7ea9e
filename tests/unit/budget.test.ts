// The JavaScript budget check `npm test` runs after the build (scripts/budget.mjs): every built
// page gets the budget of its kind, a page one byte over fails and one at the budget passes, and
// the measured figure counts inline scripts and every statically imported file, once each.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BUDGETS, classifyPage, overBudget, summarize } from '../../scripts/lib/budget.mjs';
import { gzipBytes, measurePages } from '../../scripts/lib/page-js.mjs';

describe('classifyPage', () => {
  it.each([
    ['/404.html', false, 'reading', '404'],
    ['/en/404/', false, 'reading', '404'],
    ['/', false, 'reading', 'root redirect'],
    ['/my-training/', false, 'reading', 'root redirect'],
    ['/trainer/results/', false, 'reading', 'root redirect'],
    ['/zh/', false, 'home', 'course home'],
    ['/lv/glossary/', false, 'reading', 'glossary'],
    ['/ms/offline/', false, 'reading', 'offline page'],
    ['/en/relationship-selling/', false, 'reading', 'module page'],
    ['/en/relationship-selling/what-relationship-selling-is/', false, 'reading', 'lesson, reading'],
    ['/en/relationship-selling/four-elements/', true, 'exercise', 'lesson, exercise'],
    ['/ms/trainer/', true, 'trainer', 'trainer assign'],
    ['/ms/trainer/results/', true, 'trainer', 'trainer results'],
    ['/en/my-training/', true, 'trainer', 'my training'],
    ['/en/progress/', true, 'trainer', 'progress page'],
    ['/zh/search/', false, 'search', 'search page'],
    ['/lms/', false, 'lms', 'LMS package frame'],
    ['/lms/lv/glossary/', false, 'reading', 'LMS glossary'],
    ['/lms/en/relationship-selling/four-elements/', true, 'exercise', 'LMS lesson, exercise'],
    ['/lms/zh/sales-and-service/what-sales-is/', false, 'reading', 'LMS lesson, reading'],
  ] as const)('%s (island: %s) is a %s page', (urlPath, hasIsland, kind, page) => {
    expect(classifyPage(urlPath, hasIsland)).toEqual({ kind, page });
  });

  it('keeps an island on a page that is not a lesson within the reading budget', () => {
    expect(classifyPage('/en/glossary/', true).kind).toBe('reading');
    expect(classifyPage('/en/relationship-selling/', true).kind).toBe('reading');
  });

  it('gives the search page its own budget: a reading page and its form, Pagefind loading later', () => {
    // 6.4 KB when it was added (issue 16): the reading page's 4.9 KB and the search script's 1.5 KB.
    // 7.5 KB since "Show more" and the header form's arrival focus (7.05 KB measured then).
    expect(BUDGETS.search).toBe(7.5 * 1024);
    // A lesson in a module called "search" cannot exist (a reserved slug), but it would be a lesson.
    expect(classifyPage('/en/search/x/', false).kind).toBe('reading');
  });

  it('gives a page of no known shape the strictest budget', () => {
    expect(classifyPage('/en/a/b/c/', true)).toEqual({ kind: 'reading', page: 'other' });
    const strictest = Math.min(...Object.values(BUDGETS));
    expect(BUDGETS.reading).toBe(strictest);
  });
});

describe('overBudget', () => {
  const row = (urlPath: string, kind: 'reading' | 'home' | 'exercise' | 'trainer', gz: number) => ({
    urlPath,
    kind,
    gz,
  });

  it('passes a page at its budget and fails one a byte over, naming page, kind, bytes and budget', () => {
    const rows = [
      row('/en/', 'reading', BUDGETS.reading),
      row('/en/m/l/', 'exercise', BUDGETS.exercise + 1),
      row('/en/trainer/', 'trainer', BUDGETS.trainer),
    ];
    expect(overBudget(rows)).toEqual([
      { urlPath: '/en/m/l/', kind: 'exercise', gz: BUDGETS.exercise + 1, budget: BUDGETS.exercise },
    ]);
  });

  it('judges each page by its own kind, heaviest first', () => {
    const rows = [row('/a/', 'reading', 6000), row('/b/', 'exercise', 6000), row('/c/', 'reading', 9000)];
    expect(overBudget(rows).map((r) => r.urlPath)).toEqual(['/c/', '/a/']);
    expect(
      overBudget(rows, { reading: 10_000, home: 1, exercise: 1, trainer: 1, lms: 1, search: 1 }).map((r) => r.urlPath),
    ).toEqual(['/b/']);
  });

  it('summarizes max and typical (median) per kind', () => {
    const s = summarize([
      row('/a/', 'reading', 1),
      row('/b/', 'reading', 3),
      row('/c/', 'reading', 2),
      row('/t/', 'trainer', 7),
    ]);
    expect(s.get('reading')).toEqual({ pages: 3, max: 3, typical: 2, heaviest: '/b/' });
    expect(s.get('trainer')).toEqual({ pages: 1, max: 7, typical: 7, heaviest: '/t/' });
  });
});

describe('measurePages', () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'budget-'));
  afterAll(() => rmSync(dist, { recursive: true, force: true }));
  const write = (file: string, text: string) => {
    mkdirSync(path.dirname(path.join(dist, file)), { recursive: true });
    writeFileSync(path.join(dist, file), text);
  };

  it('counts inline scripts and each imported file once, and leaves JSON data out', () => {
    const shared = `export const shared = ${JSON.stringify('s'.repeat(500))};`;
    const entry = `import { shared } from "./shared.js";import "/_astro/other.js";console.log(shared);`;
    const other = `import { shared } from "./shared.js";export default shared;`;
    const inline = 'document.documentElement.dataset.theme = localStorage.getItem("theme") ?? "light";';
    write('_astro/shared.js', shared);
    write('_astro/entry.js', entry);
    write('_astro/other.js', other);
    write('_astro/Island.js', 'export default 1;');
    write(
      'en/m/l/index.html',
      `<script type="module" src="/_astro/entry.js"></script><script>${inline}</script>` +
        `<script type="application/json">${'{"big":1}'.repeat(200)}</script>` +
        `<astro-island component-url="/_astro/Island.js" renderer-url="/_astro/entry.js"></astro-island>`,
    );
    write('en/index.html', '<p>no script</p>');

    const rows = measurePages(dist).sort((a, b) => a.urlPath.localeCompare(b.urlPath));
    expect(rows.map((r) => r.urlPath)).toEqual(['/en/', '/en/m/l/']);
    const [home, lesson] = rows;
    expect(home).toMatchObject({ files: 0, gz: 0, islands: [] });
    expect(lesson.islands).toEqual(['/_astro/Island.js']);
    expect(lesson.files).toBe(4);
    const files = [shared, entry, other, 'export default 1;'].reduce((n, code) => n + gzipBytes(Buffer.from(code)), 0);
    expect(lesson.inlineGz).toBe(gzipBytes(inline));
    expect(lesson.gz).toBe(files + gzipBytes(inline));
  });
});

describe('the budgets as CONTRIBUTING.md states them', () => {
  it('are the documented figures', () => {
    // Issue 16 raised reading 5.5 -> 5.75 KB, home 6.5 -> 6.75 KB and exercise 17 -> 17.25 KB: every
    // page registers the offline service worker (+about 265 bytes gzipped), measured with
    // scripts/budget.mjs before and after. A change here needs the same in CONTRIBUTING.md.
    expect(BUDGETS).toEqual({
      reading: 5.75 * 1024,
      home: 6.75 * 1024,
      exercise: 17.25 * 1024,
      trainer: 27 * 1024,
      lms: 20 * 1024,
      // 7 -> 7.5 KB: "Show more" results and the focus on arrival (7.05 KB measured).
      search: 7.5 * 1024,
    });
  });
});
