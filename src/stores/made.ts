/**
 * The trainer page's own actions on the assignments made here (./training.ts `sent`): apart from
 * ./training.ts, which the results and My training pages load too.
 */
import { MAX_HELD, type SentAssignment } from '../lib/lists';
import { restoreEntry, type RestoreOutcome } from '../lib/restore';
import { sent } from './training';

/** Undo of "Remove from this list": the assignment back as it was, in the freshest stored list. */
export function restoreMade(entry: SentAssignment, now = Date.now()): RestoreOutcome {
  let outcome: RestoreOutcome = 'already';
  sent.update((list) => {
    const back = restoreEntry(list, entry, now, MAX_HELD);
    outcome = back.outcome;
    return back.list;
  });
  return outcome;
}
