/**
 * The key progress is stored under, and a quick look into the stored record that needs nothing
 * else: the `client:answered` directive (src/scripts/client-answered.ts) asks it, in an inline
 * script on every lesson page with an exercise, before any of the store's code has loaded. The
 * store (src/stores/progress.ts) writes its key out too, and a unit test holds the two equal.
 */
export const PROGRESS_KEY = 'sales-course:progress';

/**
 * Whether the stored record holds answers of the current attempt for one exercise or role-play
 * (progress.exercises[id].answers is not empty). Never throws: storage that refuses access, nothing
 * stored, a damaged or cut-off value or an entry of the wrong shape all answer false, as does an
 * attempt just restarted (no answers, nothing to show). It does not validate: the store does that
 * when the island loads, so an entry it would drop only loads the island early, which is harmless.
 * One JSON.parse of a record a few kilobytes long, once per exercise on the page.
 */
export function holdsAnswers(read: () => string | null, id: string): boolean {
  try {
    return Object.keys(JSON.parse(read()!).exercises[id].answers).length > 0;
  } catch {
    return false;
  }
}
