/**
 * The course home as the learner's dashboard: "Continue" with the lesson to go on with (by the
 * completion rule, src/lib/completion.ts) instead of "Start the course" once anything is begun, a
 * word when every lesson is done, and what each held assignment asks next (src/lib/paths.ts).
 * All words and addresses come from the page, rendered on the server in its language.
 */
import { continueLesson, lessonState } from '../lib/completion';
import { formatDue } from '../lib/dates';
import { fill } from '../lib/fill';
import { parsePaths, PATHS_KEY } from '../lib/paths';
import { $progress } from '../stores/progress';
import { readRaw } from '../stores/storage';
import { loadScript } from './load-script';

interface LessonInfo {
  href: string;
  title: string;
  /** Its exercises' ids */
  ex: string[];
}

const root = document.querySelector<HTMLElement>('[data-dashboard]');
if (root) {
  const index = JSON.parse(root.dataset.lessons!) as Record<string, LessonInfo>;
  const ids = Object.keys(index);
  const exercisesOf = (id: string) => index[id]?.ex ?? [];
  const part = (name: string) => root.querySelector<HTMLElement>(`[data-${name}]`)!;

  const render = () => {
    const p = $progress.get();
    const next = continueLesson(p, ids, exercisesOf);
    const begun = Object.keys(p.lessons).length + Object.keys(p.exercises).length > 0;
    const allDone = ids.every((id) => lessonState(p, id, exercisesOf(id)) === 'done');
    const start = part('start');
    const cont = part('continue');
    start.hidden = begun;
    cont.hidden = !next;
    part('course-done').hidden = !(begun && allDone);
    if (next) {
      const link = cont.querySelector('a')!;
      link.href = index[next].href;
      link.textContent = fill(link.dataset.template!, { title: index[next].title });
    }

    // What each assignment asks next. Its title was typed by a trainer: text, never markup.
    const list = part('paths-list');
    const paths = parsePaths(readRaw(PATHS_KEY)).filter((x) => x.lessons.every((id) => id in index));
    part('paths').hidden = !paths.length;
    const template = root.querySelector<HTMLTemplateElement>('template[data-path-template]')!;
    list.replaceChildren(
      ...paths.map((path) => {
        const item = template.content.firstElementChild!.cloneNode(true) as HTMLElement;
        const slot = (name: string) => item.querySelector<HTMLElement>(`[data-slot=${name}]`)!;
        const doneCount = path.lessons.filter((id) => lessonState(p, id, exercisesOf(id)) === 'done').length;
        const nextId = path.lessons.find((id) => lessonState(p, id, exercisesOf(id)) !== 'done');
        slot('title').textContent = path.title;
        slot('due').textContent = path.due
          ? fill(slot('due').dataset.template!, { date: formatDue(path.due, document.documentElement.lang) })
          : '';
        slot('count').textContent = fill(slot('count').dataset.template!, {
          done: doneCount,
          total: path.lessons.length,
        });
        const bar = item.querySelector('progress')!;
        bar.max = path.lessons.length;
        bar.value = doneCount;
        const link = slot('next') as HTMLAnchorElement;
        link.hidden = !nextId;
        slot('complete').hidden = !!nextId;
        if (nextId) {
          link.href = `${index[nextId].href}?in=${path.id}`;
          link.textContent = fill(link.dataset.template!, { lesson: index[nextId].title });
        }
        return item;
      }),
    );
  };
  $progress.listen(render);
  // Another tab (My training) may change the assignments: read the summary again when it does.
  addEventListener('storage', (e) => {
    if (e.key === PATHS_KEY || e.key === null) render();
  });
  render();
}

// "Save the course for offline use": the button shows where a browser can keep pages; what it does
// loads on the first click (./offline-save.ts, see ./load-script.ts), so the dashboard does not carry
// it. It loads at once where a save of this language kept its list: it then says if the course is saved.
const offline = document.querySelector<HTMLElement>('[data-offline-save]');
if (offline && 'caches' in window && 'serviceWorker' in navigator) {
  const load = () => loadScript(offline.dataset.src);
  offline.hidden = false;
  offline.querySelector('[data-offline-start]')!.addEventListener(
    'click',
    () => {
      offline.dataset.pressed = '';
      load();
    },
    { once: true },
  );
  caches.match(offline.dataset.savedList!).then(
    (kept) => kept && load(),
    () => undefined,
  );
}
