/**
 * The name typed on the whole course's certificate. An assignment's certificate keeps its name with
 * the held assignment (setHeldName in ./my-training.ts, shared with the report); the course has
 * no such entry, so its name has its own key, on the same storage layer (read fresh, merged,
 * written; an unreadable value set aside, not overwritten).
 */
import { mergeName, parseName, type StoredName } from '../lib/certificate';
import { storedValue } from './storage';

export const CERTIFICATE_NAME_KEY = 'sales-course:certificate-name';

const stored = storedValue<StoredName | null>(CERTIFICATE_NAME_KEY, {
  empty: () => null,
  parse: (raw) => {
    const value = parseName(raw);
    return { value, status: raw === null ? 'empty' : value ? 'ok' : 'corrupt' };
  },
  merge: mergeName,
});

export const $courseName = stored.$value;
export const startCourseName = (): void => stored.start();
/** Timed, so the latest typing wins over another tab's older name. */
export const setCourseName = (name: string, now = Date.now()): void => {
  stored.update(() => ({ name: name.slice(0, 60), edited: now }));
};
