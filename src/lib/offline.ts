/**
 * "Save for offline" (issue 16), the pure part: which files a course or an assignment needs, how
 * many bytes that is (shown before anything downloads), and how a failure is told. The lists come
 * from dist/offline/<lang>.json, written after the build by scripts/lib/offline-dist.mjs.
 */

/** dist/offline/<lang>.json */
export interface OfflineList {
  version: 1;
  /** Lesson id ('module/lesson') → the addresses it needs beyond the precached shell, page first. */
  lessons: Record<string, string[]>;
  /**
   * The learner's own pages of the language: the course home, My training, the certificate, My
   * progress and the glossary. Every save stores them (an assignment too): a saved lesson's menu
   * links to them, and My training shows the certificate once an assignment is done.
   */
  learner: string[];
  /** The rest of the course's pages that are no lessons (module pages, search): saved with the whole course. */
  extra: string[];
  /** Address → bytes as stored. */
  bytes: Record<string, number>;
}

export interface OfflinePlan {
  urls: string[];
  bytes: number;
}

/** Cache names shared with the service worker (scripts/lib/offline-dist.mjs). */
export const PAGES_CACHE = 'pages';
export const ASSETS_CACHE = 'assets';

/** A page (address ending in '/') goes where the worker looks for pages; anything else with the assets. */
export const cacheFor = (url: string) => (url.endsWith('/') ? PAGES_CACHE : ASSETS_CACHE);

/** Checks the shape of a fetched list: a broken or old file must fail plainly, not half-save. */
export function parseOfflineList(value: unknown): OfflineList | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Partial<OfflineList>;
  if (v.version !== 1 || !v.lessons || !v.bytes || !Array.isArray(v.extra) || !Array.isArray(v.learner)) return null;
  return v as OfflineList;
}

/**
 * The files to save for some lessons (null: the whole course, with its module pages), each once,
 * and their total: the lessons first, then the learner's own pages (home, My training,
 * certificate, progress, glossary), which every save needs so that nothing a saved lesson links
 * to is a dead end offline. Lessons the list does not know (an assignment made for another
 * release) are skipped: the rest still saves.
 */
export function offlinePlan(list: OfflineList, lessonIds: readonly string[] | null): OfflinePlan {
  const ids = lessonIds ?? Object.keys(list.lessons);
  const urls = new Set<string>();
  for (const id of ids) for (const url of list.lessons[id] ?? []) urls.add(url);
  for (const url of list.learner) urls.add(url);
  if (!lessonIds) for (const url of list.extra) urls.add(url);
  const all = [...urls];
  return { urls: all, bytes: all.reduce((sum, u) => sum + (list.bytes[u] ?? 0), 0) };
}

/**
 * Where a save keeps the list it saved from, in the assets cache: the sign, read on the next
 * visit without the network, that something of this language was saved (src/stores/offline.ts).
 */
export const savedListAddress = (locale: string) => `/offline/${locale}.json`;

/**
 * Whether every address of a plan is on the device (`has` looks in the caches): what a save
 * stored, still there, so the page can say it is saved. An empty plan is not "saved".
 */
export async function allStored(urls: readonly string[], has: (url: string) => Promise<boolean>): Promise<boolean> {
  if (!urls.length) return false;
  const found = await Promise.all(urls.map(has));
  return found.every(Boolean);
}

/** Bytes as the learner's language writes them, kept on one line: "480 kB", "1.2 MB", "1,2 MB". */
export function formatBytes(bytes: number, lang: string): string {
  const mb = bytes >= 1_000_000;
  const value = mb ? bytes / 1_000_000 : Math.max(1, Math.round(bytes / 1000));
  return (
    new Intl.NumberFormat(lang, {
      style: 'unit',
      unit: mb ? 'megabyte' : 'kilobyte',
      unitDisplay: 'short',
      maximumFractionDigits: mb ? 1 : 0,
    })
      .format(value)
      // Number and unit on one line: "113 / kB" split over two lines reads badly on a phone.
      .replace(/\s/g, '\u00a0')
  );
}

/** Whether the space the browser reports left is enough, with a margin for its own bookkeeping. */
export function roomFor(bytes: number, estimate: { quota?: number; usage?: number } | undefined): boolean {
  if (!estimate?.quota) return true; // unknown: try, and report a quota error if it comes
  return estimate.quota - (estimate.usage ?? 0) >= bytes * 1.2;
}

export type SaveFailure = 'quota' | 'network' | 'other';

/** What a failed download or cache write means for the learner. */
export function failureOf(error: unknown): SaveFailure {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED') return 'quota';
  // fetch() rejects with a TypeError when the network is gone; an HTTP error is ours (see save).
  if (name === 'TypeError' || name === 'NetworkError') return 'network';
  return 'other';
}

/**
 * The same-origin files a page or a script names: root paths in attributes (an island's
 * component-url, the update prompt's data-src) and a script's static relative imports. Dynamic
 * import() is left out on purpose: those load on demand (the trainer's Excel writer, the QR
 * encoder) and are cached when used. Shared by the build (the lists and the shell, in
 * scripts/lib/offline-dist.mjs) and the service worker (src/sw/pages.ts), so both agree on what a
 * page needs.
 */
export function refsOf(text: string, fromPath: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?:href|src|component-url|renderer-url|before-hydration-url)="(\/[^"#?]*)/g))
    if (!m[1]!.startsWith('//')) found.add(m[1]!);
  for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*["'](\.\.?\/[^"']+\.js)["']/g))
    found.add(new URL(m[1]!, `http://x${fromPath}`).pathname);
  return [...found].filter((u) => !u.endsWith('/') && !u.endsWith('.html'));
}

/**
 * Every file a page needs, following scripts' and styles' own references. `read` gives a file's
 * text (only asked for scripts and styles; '' is fine for others), or null when the address is not
 * a file (a link to a page) or cannot be had: such an address is left out.
 */
export async function filesOfPage(
  html: string,
  pagePath: string,
  read: (path: string) => Promise<string | null>,
): Promise<Set<string>> {
  const files = new Set<string>();
  const queue = refsOf(html, pagePath);
  while (queue.length) {
    const ref = queue.pop()!;
    if (files.has(ref)) continue;
    const text = await read(ref);
    if (text === null) continue;
    files.add(ref);
    if (ref.endsWith('.js') || ref.endsWith('.css')) queue.push(...refsOf(text, ref));
  }
  return files;
}

/** A hashed build file (Astro names them by content): the same address is always the same bytes. */
export const isHashed = (path: string) => path.startsWith('/_astro/');

/** The header a service worker puts on files it kept from the release before (src/sw/pages.ts). */
export const KEPT_HEADER = 'x-kept-from-release';
