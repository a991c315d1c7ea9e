/**
 * The search page (src/pages/[lang]/search/): runs Pagefind over this language's index and shows
 * the results with text nodes only. Pagefind's script and index load on the first search (or at
 * once when the address has `?q=`), never on other pages.
 */
import type { UiStrings } from '../i18n/strings';
import { fill } from '../lib/fill';
import {
  SEARCH_GROUPS,
  countText,
  excerptPieces,
  lessonSections,
  shownQuery,
  groupResults,
  queryFromSearch,
  searchAddress,
  type SearchGroup,
} from '../lib/search';

interface PagefindSub {
  url: string;
  title: string;
  excerpt: string;
}
interface PagefindData {
  url: string;
  excerpt: string;
  /** The whole indexed text: tells whether an excerpt starts or ends mid-text. */
  content: string;
  meta: { title?: string; kind?: string; lesson?: string };
  sub_results?: PagefindSub[];
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  debouncedSearch(q: string, o?: object, ms?: number): Promise<{ results: { data(): Promise<PagefindData> }[] } | null>;
}

/** How many results are shown at a time (best first); Pagefind loads each one's text, so not all at once. */
const MAX_RESULTS = 20;
/** Sections listed under a lesson: enough to pick from, short enough to scan. */
const MAX_SECTIONS = 3;

const form = document.querySelector<HTMLFormElement>('form[data-search]')!;
const input = form.querySelector<HTMLInputElement>('input[name="q"]')!;
const status = document.querySelector<HTMLElement>('[data-search-status]')!;
const out = document.querySelector<HTMLElement>('[data-search-results]')!;
const s = JSON.parse(form.dataset.strings!) as UiStrings['search'];
const lang = form.dataset.lang!;

let loading: Promise<Pagefind> | null = null;
function pagefind(): Promise<Pagefind> {
  // A path Vite does not follow: /pagefind/ is written after the build (scripts/lib/search-index.mjs).
  const url = '/pagefind/pagefind.js';
  loading ??= (import(/* @vite-ignore */ url) as Promise<Pagefind>).then(async (pf) => {
    await pf.options({ baseUrl: '/' });
    return pf;
  });
  return loading;
}

/**
 * Search could not load. Offline (the browser says so, or Pagefind's script cannot even be
 * reached) reloading cannot help: search is not saved for offline use, so the learner is told it
 * needs a connection and pointed to the glossary, which every "Save for offline" stores.
 * Otherwise: reload (an import that failed is not tried again until the page is reloaded).
 */
async function failed() {
  const reachable =
    navigator.onLine && (await fetch('/pagefind/pagefind.js', { method: 'HEAD', cache: 'no-store' }).catch(() => null));
  if (reachable) return void (status.textContent = s.failed);
  const link = el('a', undefined, s.offlineGlossary);
  link.href = `/${location.pathname.split('/')[1]}/glossary/`;
  const [before, after] = s.offline.split('{{glossary}}');
  status.replaceChildren(before!, link, after!);
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function excerpt(html: string, content: string): HTMLElement {
  const p = el('p', 'search-result__excerpt');
  for (const piece of excerptPieces(html, content))
    p.append(piece.mark ? el('mark', undefined, piece.text) : piece.text);
  return p;
}

function result(r: PagefindData, group: SearchGroup): HTMLLIElement {
  const li = el('li', 'search-result');
  const title = el('a', 'search-result__title', r.meta.title ?? r.url);
  title.href = r.url;
  li.append(title);
  if (group === 'practice') {
    const kind = r.meta.kind === 'roleplay' ? s.roleplay : s.exercise;
    li.append(el('p', 'meta', `${kind} · ${s.inLesson.replace('{{lesson}}', r.meta.lesson ?? '')}`));
  }
  const sections = lessonSections(r.sub_results, MAX_SECTIONS);
  if (group === 'lessons' && sections.length) {
    // The lesson's sections that match, each linking to its heading: the answer is usually there.
    const list = el('ul', 'search-result__sections');
    list.setAttribute('aria-label', s.sections.replace('{{lesson}}', r.meta.title ?? ''));
    for (const sub of sections) {
      const item = el('li');
      const link = el('a', undefined, sub.title);
      link.href = sub.url;
      item.append(link, excerpt(sub.excerpt, r.content));
      list.append(item);
    }
    li.append(list);
  } else {
    li.append(excerpt(r.excerpt, r.content));
  }
  return li;
}

/**
 * Shows the results loaded so far, grouped; `total` is every result Pagefind found. With more than
 * shown, a line says so and a button loads the next ones. `firstNew` (an index into `data`) is
 * focused after "Show more", so a keyboard or screen-reader user goes on where the new ones start.
 */
function show(query: string, data: PagefindData[], total: number, more: () => void, firstNew?: number) {
  const groups = groupResults(data);
  const focusOn = firstNew === undefined ? undefined : data[firstNew];
  out.replaceChildren();
  for (const group of SEARCH_GROUPS) {
    if (!groups[group].length) continue;
    const section = el('section', 'search-group');
    const id = `search-group-${group}`;
    section.setAttribute('aria-labelledby', id);
    const heading = el('h2', undefined, fill(s.groupCount, { group: s[group], count: groups[group].length }));
    heading.id = id;
    const list = el('ol', 'search-group__list');
    for (const r of groups[group]) {
      const item = result(r, group);
      list.append(item);
      if (r === focusOn) queueMicrotask(() => item.querySelector('a')?.focus());
    }
    section.append(heading, list);
    out.append(section);
  }
  if (data.length < total) {
    const foot = el('div', 'search-more');
    const button = el('button', 'button button--quiet', s.more);
    button.type = 'button';
    button.addEventListener('click', more);
    foot.append(el('p', 'meta', fill(s.shown, { shown: data.length, total })), button);
    out.append(foot);
  }
  status.textContent = total
    ? countText(s, 'results', total, lang, { query: shownQuery(query) })
    : s.none.replace('{{query}}', shownQuery(query));
}

let latest = '';
async function run(query: string) {
  latest = query;
  if (!query) {
    status.textContent = '';
    out.replaceChildren();
    return;
  }
  try {
    if (!loading) status.textContent = s.loading;
    const pf = await pagefind();
    const search = await pf.debouncedSearch(query, {}, 250);
    // null: a newer search replaced this one while it waited.
    if (!search || query !== latest) return;
    const data: PagefindData[] = [];
    const loadMore = async () => {
      const from = data.length;
      const next = await Promise.all(search.results.slice(from, from + MAX_RESULTS).map((r) => r.data()));
      if (query !== latest) return;
      data.push(...next);
      show(query, data, search.results.length, () => void loadMore().catch(failed), from || undefined);
    };
    await loadMore();
  } catch {
    if (query === latest) await failed();
  }
}

function update(query: string) {
  // replaceState, not pushState: Back leaves the search page rather than stepping through letters.
  history.replaceState(history.state, '', searchAddress(location.pathname, query) + location.hash);
  void run(query);
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  update(input.value.trim());
});
input.addEventListener('input', () => update(input.value.trim()));
// Pagefind starts loading when the learner is about to type, not with the page.
input.addEventListener('focus', () => void pagefind().catch(() => {}), { once: true });

const initial = queryFromSearch(location.search);
if (initial) {
  input.value = initial;
  // Arrived with a search (the header's form on another page, or a shared link): focus goes to the
  // line that says what was found, so a screen reader reads it and Tab goes on to the results,
  // rather than focus starting again at the top. Not if the learner has moved focus meanwhile.
  void run(initial).then(() => {
    if (latest === initial && (!document.activeElement || document.activeElement === document.body)) status.focus();
  });
}
