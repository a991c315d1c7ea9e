/** Due dates, as a person reads them: days left, due today, overdue; days in the browser's own time zone. */
import { daysLeft } from './assignment';

export type DueState =
  { kind: 'none' } | { kind: 'left'; days: number } | { kind: 'today' } | { kind: 'overdue'; days: number };

export function dueState(due: string | undefined, today: Date): DueState {
  if (!due) return { kind: 'none' };
  const days = daysLeft(due, today);
  return days > 0 ? { kind: 'left', days } : days === 0 ? { kind: 'today' } : { kind: 'overdue', days: -days };
}

/** 'YYYY-MM-DD' of a time in the browser's own time zone (what "on the due date" means to a person). */
export function localDay(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
