/** Importing a progress file into the store (only the progress page needs this code). */
import { importInto } from '../lib/progress-file';
import type { Progress } from '../lib/progress';
import { updateProgress } from './progress';

/** Merges an imported record into the learner's: nothing is lost, newer or better wins per item. */
export function importProgress(imported: Progress): Progress {
  return updateProgress((p) => importInto(p, imported));
}
