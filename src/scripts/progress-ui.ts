/**
 * Progress on pages without an exercise island: a small script, not a framework. It records the
 * lesson opened and read, ticks lessons read, fills module progress bars and "continue where you
 * left off", and shows the storage warning or the one-time notice about damaged saved progress.
 * All words come from the page (rendered on the server in its language).
 */
import { markRead, openLesson } from '../lib/progress';
import { downloadProgress, downloadSetAside } from './download-progress';
import { continueLesson } from '../lib/progress-continue';
import { $notice, $progress, $storageState, dismissNotice, updateProgress } from '../stores/progress';

const $ = <T extends Element>(selector: string, root: ParentNode = document) => [...root.querySelectorAll<T>(selector)];

function render(): void {
  const p = $progress.get();
  for (const el of $<HTMLElement>('[data-lesson-state]')) {
    const read = !!p.lessons[el.dataset.lessonState!]?.read;
    el.dataset.read = String(read);
    el.textContent = read ? '✓' : '';
    el.setAttribute('aria-label', read ? el.dataset.labelRead! : el.dataset.labelUnread!);
    el.setAttribute('role', 'img');
  }
  for (const bar of $<HTMLProgressElement>('progress[data-module-lessons]')) {
    const ids = bar.dataset.moduleLessons!.split(' ');
    const read = ids.filter((id) => p.lessons[id]?.read).length;
    bar.max = ids.length;
    bar.value = read;
    const count = bar.parentElement?.querySelector<HTMLElement>('[data-module-count]');
    if (count)
      count.textContent = count.dataset
        .template!.replace('{read}', String(read))
        .replace('{total}', String(ids.length));
  }
  const lessonId = document.querySelector<HTMLElement>('[data-lesson-id]')?.dataset.lessonId;
  if (lessonId) {
    const read = !!p.lessons[lessonId]?.read;
    for (const el of $<HTMLElement>('[data-when-read]')) el.hidden = !read;
    for (const el of $<HTMLElement>('[data-when-unread]')) el.hidden = read;
  }
  const box = document.querySelector<HTMLElement>('[data-continue]');
  if (box) {
    const index = JSON.parse(box.dataset.lessons!) as Record<string, { href: string; title: string }>;
    const next = continueLesson(p, Object.keys(index));
    box.hidden = !next;
    if (next) {
      const link = box.querySelector<HTMLAnchorElement>('a')!;
      link.href = index[next].href;
      link.querySelector('[data-continue-title]')!.textContent = index[next].title;
    }
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
