/**
 * Progress on every page: a small script, not a framework. It records the lesson opened and read
 * to its end, shows each lesson's state by the completion rule (src/lib/completion.ts), fills
 * module progress bars, and shows the storage warning or the one-time notice about damaged saved
 * progress. The course home's dashboard is ./home.ts; a lesson opened from an assignment, ./lesson-path.ts.
 * All words come from the page (rendered on the server in its language).
 */
import { markRead, openLesson } from '../lib/progress';
import { downloadProgress, downloadSetAside } from './download-progress';
import { lessonState } from '../lib/completion';
import { fill } from '../lib/fill';
import { $notice, $progress, $storageState, dismissNotice, updateProgress } from '../stores/progress';

const $ = <T extends Element>(selector: string, root: ParentNode = document) => [...root.querySelectorAll<T>(selector)];

/** A lesson's exercise ids as the page lists them ('a b c'). */
const idList = (text = '') => text.split(' ').filter(Boolean);

function render(): void {
  const p = $progress.get();
  // The completion rule (src/lib/completion.ts): read to the end, marked, or every exercise finished.
  for (const el of $<HTMLElement>('[data-lesson-state]')) {
    const state = lessonState(p, el.dataset.lessonState!, idList(el.dataset.exercises));
    const label = el.getAttribute(`data-label-${state}`)!;
    el.dataset.state = state;
    if (el.hasAttribute('data-labelled')) el.textContent = label;
    else {
      el.setAttribute('role', 'img');
      el.setAttribute('aria-label', label);
    }
  }
  for (const bar of $<HTMLProgressElement>('progress[data-module-lessons]')) {
    // 'lesson=exercise,exercise lesson= …'
    const lessons = idList(bar.dataset.moduleLessons).map((x) => x.split('='));
    const done = lessons.filter(([id, ex]) => lessonState(p, id, ex.split(',').filter(Boolean)) === 'done').length;
    bar.max = lessons.length;
    bar.value = done;
    const count = bar.parentElement?.querySelector<HTMLElement>('[data-module-count]');
    if (count) count.textContent = fill(count.dataset.template!, { read: done, total: lessons.length });
  }
  const article = document.querySelector<HTMLElement>('[data-lesson-id]');
  if (article) {
    const done = lessonState(p, article.dataset.lessonId!, idList(article.dataset.exercises)) === 'done';
    for (const el of $<HTMLElement>('[data-when-read]')) el.hidden = !done;
    for (const el of $<HTMLElement>('[data-when-unread]')) el.hidden = done;
  }
  const storageState = $storageState.get();
  const notice = $notice.get();
  for (const el of $<HTMLElement>('[data-storage-warning]')) el.hidden = el.dataset.storageWarning !== storageState;
  for (const el of $<HTMLElement>('[data-notice]')) el.hidden = el.dataset.notice !== notice;
  for (const el of $<HTMLElement>('[data-dismiss-notice]')) el.hidden = !notice;
  for (const el of $<HTMLElement>('[data-download-aside]')) el.hidden = !notice;
  const banner = document.querySelector<HTMLElement>('[data-progress-banner]');
  if (banner) banner.hidden = storageState === 'ok' && !notice;
  document.documentElement.classList.add('progress-ready');
}

const lessonId = document.querySelector<HTMLElement>('[data-lesson-id]')?.dataset.lessonId;
if (lessonId) {
  updateProgress((p) => openLesson(p, lessonId, Date.now()));
  // Reaching the end of the lesson counts as reading it, once the end has stayed in view for a
  // moment (a fast scroll past, or a click on "Mark as read" on the way, is not that).
  const end = document.querySelector('[data-lesson-end]');
  if (end && 'IntersectionObserver' in window) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const observer = new IntersectionObserver((entries) => {
      clearTimeout(timer);
      if (entries.some((e) => e.isIntersecting)) {
        timer = setTimeout(() => {
          observer.disconnect();
          updateProgress((p) => markRead(p, lessonId, Date.now()));
        }, 1200);
      }
    });
    observer.observe(end);
  }
  for (const button of $<HTMLButtonElement>('[data-mark-read]')) {
    button.addEventListener('click', () => {
      updateProgress((p) => markRead(p, lessonId, Date.now()));
      document.querySelector<HTMLElement>('[data-when-read]')?.focus();
    });
  }
}
// One listener for the page: islands render these buttons too (the progress page's export, the
// lists' set-aside data), and importing the download code into each island would add a file.
document.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest?.('[data-export-progress], [data-download-aside]');
  if (button) (button.hasAttribute('data-export-progress') ? downloadProgress : downloadSetAside)();
});
for (const button of $<HTMLButtonElement>('[data-dismiss-notice]')) button.addEventListener('click', dismissNotice);
$progress.listen(render);
$storageState.listen(render);
$notice.listen(render);
render();
