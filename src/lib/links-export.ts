/**
 * The links file of an assignment the trainer made. The trainer page imports this module only
 * when the file is asked for, so it is in no page's JavaScript.
 */
import type { AssignmentLink } from './assign-form';
import { assignedLessons, decodeAssignment } from './assignment';
import { csvDelimiter, toCsv } from './csv';
import { fileSlug } from './file-name';
import type { Outline } from './outline';

export type LinksFileWords = Record<
  'csvName' | 'csvLink' | 'linkEveryone' | 'csvTitle' | 'csvDue' | 'csvLessons',
  string
>;

/**
 * The rows of the links file: a header, then one row per link, each with what the link assigns
 * (title, due date, the lessons' numbers and titles in the page's language), read back from the
 * links themselves, so the file says what the trainees will see.
 */
export function linksCsvRows(
  links: readonly AssignmentLink[],
  outline: Pick<Outline, 'modules'>,
  words: LinksFileWords,
): string[][] {
  const all = outline.modules.flatMap((m) => m.lessons);
  const course = { modules: outline.modules.map((m) => m.id), lessons: all.map((l) => l.id) };
  return [
    [words.csvName, words.csvLink, words.csvTitle, words.csvDue, words.csvLessons],
    ...links.map((l) => {
      const decoded = decodeAssignment(l.url, course);
      const a = decoded.ok ? decoded.value : undefined;
      const lessons = a ? all.filter((x) => assignedLessons(a, course).includes(x.id)) : [];
      return [
        l.name ?? words.linkEveryone,
        l.url,
        a?.title ?? '',
        a?.due ?? '',
        lessons.map((x) => `${x.number} ${x.title}`).join('; '),
      ];
    }),
  ];
}

/**
 * The file as the trainer page downloads it: named after the assignment's title, with the
 * delimiter the reader's Excel expects (src/lib/csv.ts `csvDelimiter`).
 */
export function linksFile(
  links: { title: string; list: readonly AssignmentLink[] },
  outline: Pick<Outline, 'modules'>,
  words: LinksFileWords,
  lang: string,
  browserLocales: readonly string[],
): { name: string; text: string } {
  return {
    name: `${fileSlug(links.title, 'assignment')}-links.csv`,
    text: toCsv(linksCsvRows(links.list, outline, words), csvDelimiter(lang, browserLocales)),
  };
}
