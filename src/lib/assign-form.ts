/**
 * The trainer's assignment form as pure functions: what was typed becomes an assignment (or the
 * problems to fix, by field) and its links (one for everyone, one per named trainee); the links
 * file is src/lib/links-export.ts. The island renders the form and these results; the words come from the page's strings.
 */
import { cleanText, encodeAssignment, LIMITS, type Assignment, type AssignmentLang } from './assignment';
import type { Outline } from './outline';

export interface AssignForm {
  /** Lesson ids ticked */
  chosen: ReadonlySet<string>;
  title: string;
  /** 'YYYY-MM-DD' or '' */
  due: string;
  note: string;
  language: '' | AssignmentLang;
  /** Trainee names, one per line */
  names: string;
}

export type FormField = 'lessons' | 'title' | 'due' | 'trainees';
/** A problem with one field: the key of its message in the trainer strings, and what fills it. */
export interface FormProblem {
  key: 'nothingChosen' | 'titleMissing' | 'duePast' | 'traineesTooMany' | 'traineeTooLong';
  values?: Record<string, string | number>;
}

export type BuiltAssignment =
  | { ok: true; assignment: Assignment; trainees: string[] }
  | { ok: false; problems: Partial<Record<FormField, FormProblem>> };

/** One name per line, cleaned as a link will clean it; blank lines, invisible-only names and repeats dropped. */
export function traineeNames(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(/\r?\n/)
    .map((n) => cleanText(n, Infinity) ?? '')
    .filter((n) => n && !seen.has(n.toLocaleLowerCase()) && seen.add(n.toLocaleLowerCase()));
}

/**
 * Checks the form and builds the assignment. Whole modules collapse to their id (shorter links);
 * `today` is the trainer's own date ('YYYY-MM-DD'), since a due date in the past is refused.
 */
export function buildAssignment(
  form: AssignForm,
  outline: Outline,
  today: string,
  newId: () => string,
): BuiltAssignment {
  const problems: Partial<Record<FormField, FormProblem>> = {};
  const lessons = outline.modules.flatMap((m) => m.lessons).filter((l) => form.chosen.has(l.id));
  const trainees = traineeNames(form.names);
  const title = cleanText(form.title, LIMITS.title);
  if (lessons.length === 0) problems.lessons = { key: 'nothingChosen' };
  if (!title) problems.title = { key: 'titleMissing' };
  if (form.due && form.due < today) problems.due = { key: 'duePast' };
  if (trainees.length > LIMITS.trainees)
    problems.trainees = { key: 'traineesTooMany', values: { max: LIMITS.trainees } };
  const long = trainees.find((n) => n.length > LIMITS.name);
  if (long) problems.trainees = { key: 'traineeTooLong', values: { name: long } };
  if (Object.keys(problems).length || !title) return { ok: false, problems };

  const modules = outline.modules.filter((m) => m.lessons.every((l) => form.chosen.has(l.id)));
  const assignment: Assignment = {
    id: newId(),
    title,
    modules: modules.map((m) => m.id),
    lessons: lessons.filter((l) => !modules.some((m) => l.id.startsWith(`${m.id}/`))).map((l) => l.id),
  };
  if (form.due) assignment.due = form.due;
  const note = cleanText(form.note, LIMITS.note);
  if (note) assignment.note = note;
  if (form.language) assignment.lang = form.language;
  return { ok: true, assignment, trainees };
}

export interface AssignmentLink {
  /** The trainee a personal link is for; none for the link for everyone */
  name?: string;
  url: string;
}

/** The links of an assignment: one for everyone, one per named trainee (same id, so reports group). */
export function assignmentLinks(a: Assignment, trainees: readonly string[], origin: string): AssignmentLink[] {
  // A fixed language opens that language's page; otherwise /my-training/ picks the learner's.
  const page = `${origin}/${a.lang ? `${a.lang}/` : ''}my-training/#`;
  return [
    { url: page + encodeAssignment(a) },
    ...trainees.map((name) => ({ name, url: page + encodeAssignment({ ...a, trainee: name }) })),
  ];
}
