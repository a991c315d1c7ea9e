/** "Continue where you left off": which lesson to offer. */
import type { Progress } from './progress';

/** The lesson to continue with: the last one opened, if the course still has it. */
export function continueLesson(p: Progress, lessonIds: readonly string[]): string | null {
  if (p.last && lessonIds.includes(p.last.lesson)) {
    // Read to the end: suggest the next unread lesson after it, if any.
    if (p.lessons[p.last.lesson]?.read) {
      const i = lessonIds.indexOf(p.last.lesson);
      const next = lessonIds.slice(i + 1).find((id) => !p.lessons[id]?.read);
      return next ?? p.last.lesson;
    }
    return p.last.lesson;
  }
  return null;
}
