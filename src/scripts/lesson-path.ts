/**
 * A lesson opened from an assignment (`?in=<assignment id>`, the links on My training): says so
 * (the assignment's title, lesson n of m), leads "Next" and "Previous" through the assigned lessons
 * only, and back to My training. It reads the summary My training keeps (src/lib/paths.ts); an
 * unknown id or a damaged summary changes nothing, and the page stays an ordinary lesson. Kept
 * small, since every lesson carries it: only lessons this page knows the title of are linked to
 * (so nothing stored becomes an address), and the trainer's title is set as text, never markup.
 */
import type { AssignmentPath } from '../lib/paths';
import { PATHS_KEY, readRaw } from '../stores/storage';
import { fill } from '../lib/fill';

const nav = document.querySelector<HTMLElement>('[data-path]');
const id = new URLSearchParams(location.search).get('in');
const lesson = document.querySelector<HTMLElement>('[data-lesson-id]')?.dataset.lessonId;
let path: AssignmentPath | undefined;
try {
  path = (JSON.parse(readRaw(PATHS_KEY) ?? '[]') as (AssignmentPath | null)[]).find((x) => x?.id === id) ?? undefined;
} catch {
  // A damaged summary: an ordinary lesson page. My training writes it afresh when next opened.
}
if (nav && id && lesson && path && Array.isArray(path.lessons) && typeof path.title == 'string') {
  const titles = JSON.parse(nav.dataset.lessons!) as Record<string, string>;
  const lessons = [...new Set(path.lessons)].filter((l) => Object.hasOwn(titles, l));
  const i = lessons.indexOf(lesson);
  if (i >= 0) {
    const position = nav.querySelector<HTMLElement>('[data-path-position]')!;
    position.textContent = fill(position.dataset.template!, {
      number: i + 1,
      total: lessons.length,
      title: path.title.slice(0, 80),
    });
    nav.hidden = false;
    for (const el of document.querySelectorAll<HTMLElement>('[data-pager-default]')) el.hidden = true;
    const link = (selector: string, to?: string) => {
      const a = document.querySelector<HTMLAnchorElement>(selector)!;
      a.hidden = !to;
      if (to) {
        a.href = `${nav.dataset.base}${to}/?in=${encodeURIComponent(id)}`;
        a.querySelector('[data-path-lesson]')!.textContent = titles[to];
      }
    };
    link('[data-path-prev]', lessons[i - 1]);
    link('[data-path-next]', lessons[i + 1]);
    document.querySelector<HTMLElement>('[data-path-end]')!.hidden = i + 1 < lessons.length;
  }
}
