/**
 * The certificate of completion (`/<lang>/my-training/certificate/`, `?a=<id>` for a held
 * assignment, none for the whole course). It renders src/lib/certificate.ts from the progress and
 * held-assignment stores; the words arrive as props. Print styles in global.css ("Certificate")
 * keep it to one A4 or Letter page.
 */
import { useStore } from '@nanostores/preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { assignmentCertificate, certificateId, certificateName, courseCertificate } from '../lib/certificate';
import { fill, percent } from '../lib/format';
import { outlineIndex, type Outline } from '../lib/outline';
import type { Progress } from '../lib/progress';
import type { Locale } from '../i18n/locales';
import { $courseName, setCourseName } from '../stores/certificate';
import { heldAssignments, setHeldName } from '../stores/my-training';
import { $progress } from '../stores/progress';
import { formatDate } from './shared';
import type { UiStrings } from '../i18n/strings';

interface Props {
  /** BCP-47 tag for dates: 'zh-CN' */
  lang: string;
  locale: Locale;
  outline: Outline;
  /** The course's name, the title of the whole course's certificate */
  courseName: string;
  s: UiStrings['certificate'];
}

export default function Certificate({ lang, locale, outline, courseName, s }: Props) {
  const course = outlineIndex(outline);
  const list = useStore(useMemo(() => heldAssignments(course), []));
  const progress = useStore($progress) as Progress;
  const typedCourseName = useStore($courseName);
  // Which certificate is read from the address after the first render, so the server's copy and
  // the first render agree (the server has no address query and no stored progress).
  const [wanted, setWanted] = useState<string | null | undefined>(undefined);
  useEffect(() => setWanted(new URLSearchParams(location.search).get('a')), []);
  if (wanted === undefined) return <div class="certificate-wait" />;

  const lessons = outline.modules.flatMap((m) => m.lessons);
  const held = wanted ? list.find((x) => x.decoded.ok && certificateId(x.decoded.value) === wanted) : undefined;
  const back = (
    <p class="certificate-back">
      <a href={`/${locale}/my-training/`}>{s.back}</a>
    </p>
  );
  if (wanted && (!held || !held.decoded.ok))
    return (
      <div class="certificate-missing">
        <p class="message message--error">{s.notFound}</p>
        {back}
      </div>
    );
  const a = held?.decoded.ok ? held.decoded.value : null;
  const data = a ? assignmentCertificate(a, progress, course) : courseCertificate(progress, course);
  if (!data.complete)
    return (
      <div class="certificate-missing" data-testid="certificate-incomplete">
        <p class="message">{fill(s.notComplete, { done: data.done, total: data.total })}</p>
        {back}
      </div>
    );

  const typed = a ? held!.entry.name : typedCourseName?.name;
  const name = certificateName(a, typed);
  const nameId = 'certificate-name';
  const exerciseTitle = (id: string) => outline.exercises.find((x) => x.id === id)?.title ?? id;

  return (
    <div class="certificate-tool">
      {!a?.trainee && (
        <p class="field certificate-name-field">
          <label for={nameId}>{s.nameLabel}</label>
          <input
            id={nameId}
            type="text"
            maxLength={60}
            autoComplete="name"
            value={typed ?? ''}
            aria-describedby={name ? undefined : `${nameId}-hint`}
            // Kept as typed (read fresh, merged, written): with the assignment, or for the course on its own key.
            onInput={(ev) => {
              const value = (ev.currentTarget as HTMLInputElement).value;
              if (a) setHeldName(held!.entry.code, value);
              else setCourseName(value);
            }}
          />
          {!name && (
            <span id={`${nameId}-hint`} class="meta">
              {s.nameMissing}
            </span>
          )}
        </p>
      )}
      <article class="certificate" aria-labelledby="certificate-title" data-testid="certificate">
        <p class="certificate__course">{courseName}</p>
        <h2 id="certificate-title" class="certificate__heading">
          {s.title}
        </h2>
        {/* A blank line for the name when none is given yet: the printout can be signed by hand. */}
        <p class="certificate__name" data-testid="certificate-name">
          {name || '\u00a0'}
        </p>
        <p class="certificate__has">{s.hasCompleted}</p>
        <p class="certificate__title">{a ? a.title : courseName}</p>
        <ul class="certificate__facts">
          <li>{fill(s.completedOn, { date: formatDate(data.completed, lang) })}</li>
          {/* The page's language is the course language; each language names itself as its grammar wants (lv: "latviešu"). */}
          <li>{s.courseLanguage}</li>
          <li>{fill(s.lessonsCount, { count: data.lessons.length })}</li>
        </ul>
        <table class="certificate__lessons">
          <thead>
            <tr>
              <th scope="col">{s.colLesson}</th>
              <th scope="col">{s.colDone}</th>
              <th scope="col">{s.colScores}</th>
            </tr>
          </thead>
          <tbody>
            {data.lessons.map((line) => {
              const l = lessons.find((x) => x.id === line.lesson)!;
              return (
                <tr key={line.lesson} data-lesson={line.lesson}>
                  <th scope="row">
                    {l.number} {l.title}
                  </th>
                  <td>{formatDate(line.done, lang)}</td>
                  <td>
                    {line.exercises.length === 0
                      ? s.noExercises
                      : line.exercises.map((x) => (
                          <span class="certificate__score" key={x.id} data-exercise={x.id}>
                            {x.best === undefined
                              ? fill(s.notTried, { title: exerciseTitle(x.id) })
                              : fill(s.score, { title: exerciseTitle(x.id), best: percent(x.best) })}
                          </span>
                        ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p class="certificate__honest">{s.honest}</p>
      </article>
      <div class="certificate-actions">
        <p>
          <button type="button" class="button" onClick={() => window.print()}>
            {s.print}
          </button>
        </p>
        <p class="meta">{s.printHelp}</p>
        {back}
      </div>
    </div>
  );
}
