/**
 * Dates as the reader writes them. Apart from ./format.ts, which every island page loads: only the
 * pages that show dates (trainer, results, My training, progress) load this.
 */

const NO_DATE = '–';

/**
 * The reader's own variant of the page's language, for dates: an English page read in a browser
 * set to en-GB writes 5 Dec 2026, not Dec 5, 2026. The page's tag when the browser names no variant.
 */
export function regional(lang: string, preferred: readonly string[] = globalThis.navigator?.languages ?? []): string {
  const base = (tag: string) => tag.split('-')[0].toLowerCase();
  return preferred.find((p) => base(p) === base(lang) && p.includes('-')) ?? lang;
}

/**
 * A time (ms, or a string Date reads) as the reader writes dates. Never throws: a time no Date can
 * hold (1e20, NaN, free text) shows '–' instead of an Invalid Date, which makes Intl throw a RangeError.
 */
export function formatDate(ms: number | string, lang: string, withTime = false): string {
  const date = new Date(ms);
  if (Number.isNaN(date.getTime())) return NO_DATE;
  try {
    return new Intl.DateTimeFormat(
      regional(lang),
      withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' },
    ).format(date);
  } catch {
    // Only an unusable language tag is left to throw here.
    return NO_DATE;
  }
}

/** A due date ('YYYY-MM-DD') as the reader writes dates; the date itself, in no time zone. '–' when it is no date. */
export function formatDue(due: string, lang: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(due)) return NO_DATE;
  const date = new Date(`${due}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || !date.toISOString().startsWith(due)) return NO_DATE;
  try {
    return new Intl.DateTimeFormat(regional(lang), { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
  } catch {
    return NO_DATE;
  }
}
