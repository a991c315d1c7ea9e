/**
 * The course's exercises, loaded once per build and checked across files and languages: a broken
 * role-play stops the build with the file and the field.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { useTranslations } from '../i18n/t';
import { APPROACHES, ELEMENTS, RELATIONSHIP_TYPES, SORT_COLUMNS, type Card, type QuizItem } from '../lib/quiz';
import { LOCALE_IDS, isLocale, type Locale } from '../i18n/locales';
import { ContentError } from '../lib/course';
import { checkRolePlay, compareStructure, type RolePlay } from '../lib/roleplay';
import { getCourse } from './course';

/** The MDX tag kind that shows an exercise kind in a lesson. */
const SLOT_KIND: Record<string, string> = {
  roleplay: 'roleplay',
  scenario: 'scenario',
  approach: 'approach',
  sort: 'sort',
  match: 'elements',
};

/** An exercise must have a place in its lesson, in every language, or learners would never see it. */
async function checkSlots(kind: string, lesson: string, file: string, problems: string[]): Promise<void> {
  const lessons = await getCollection('lessons');
  for (const locale of LOCALE_IDS) {
    const entry = lessons.find((l) => l.id === `${locale}/${lesson}`);
    if (entry && !entry.body?.includes(`<Exercise kind="${SLOT_KIND[kind]}"`)) {
      problems.push(
        `${file}: field "lesson": ${entry.filePath ?? entry.id} has no <Exercise kind="${SLOT_KIND[kind]}" /> where this exercise would appear`,
      );
    }
  }
}

type Versions<T> = Record<Locale, { data: T; file: string }>;

/**
 * Reads `<lang>/<id>` entries of an exercise collection, checks each file (its own rules, that
 * its lesson exists and shows it) and that every language has every exercise with the same
 * language-neutral shape as English. Problems go to `problems`; complete exercises are returned.
 */
async function loadByLanguage<T extends { lesson: string }>(
  entries: { id: string; filePath?: string; data: T }[],
  folder: string,
  options: {
    kindOf: (data: T) => string;
    check: (data: T) => string[];
    /** How a language version's shape differs from the English one (in enFile), as "field ...: message" */
    differs: (en: T, other: T, enFile: string) => string[];
  },
  problems: string[],
): Promise<Map<string, Versions<T>>> {
  const course = await getCourse();
  const byId = new Map<string, Partial<Versions<T>>>();
  for (const e of entries) {
    const file = e.filePath ?? `${folder}/${e.id}.yaml`;
    const [lang, id] = e.id.split('/');
    if (!isLocale(lang)) {
      problems.push(`${file}: folder "${lang}" is not a course language`);
      continue;
    }
    for (const p of options.check(e.data)) {
      const [field, ...rest] = p.split(': ');
      problems.push(`${file}: field "${field}": ${rest.join(': ')}`);
    }
    if (!course.lessons.some((l) => l.id === e.data.lesson))
      problems.push(`${file}: field "lesson": lesson "${e.data.lesson}" does not exist`);
    else if (lang === 'en') await checkSlots(options.kindOf(e.data), e.data.lesson, file, problems);
    byId.set(id, { ...byId.get(id), [lang]: { data: e.data, file } });
  }
  const complete = new Map<string, Versions<T>>();
  for (const [id, versions] of byId) {
    const en = versions.en;
    for (const locale of LOCALE_IDS) {
      const v = versions[locale];
      if (!v) problems.push(`${folder}/${locale}/${id}.yaml: missing: "${id}" has no ${locale} version`);
      else if (en && locale !== 'en')
        for (const message of options.differs(en.data, v.data, en.file)) problems.push(`${v.file}: ${message}`);
    }
    if (LOCALE_IDS.every((l) => versions[l])) complete.set(id, versions as Versions<T>);
  }
  return complete;
}

export interface RolePlayEntry {
  id: string;
  lesson: string;
  byLocale: Record<Locale, RolePlay>;
}

let cached: Promise<RolePlayEntry[]> | undefined;

export function getRolePlays(): Promise<RolePlayEntry[]> {
  cached ??= (async () => {
    const problems: string[] = [];
    const entries = (await getCollection('roleplays')).map((e) => ({ ...e, data: e.data as RolePlay }));
    const loaded = await loadByLanguage(
      entries,
      'content/roleplays',
      {
        kindOf: () => 'roleplay',
        check: checkRolePlay,
        differs: (en, other, enFile) =>
          compareStructure(en, other).map(
            (field) =>
              `field "${field}": differs in structure from ${enFile} (ids, quality, skill, error and next must match)`,
          ),
      },
      problems,
    );
    if (problems.length) throw new ContentError(problems);
    return [...loaded]
      .map(([id, v]) => ({
        id,
        lesson: v.en.data.lesson,
        byLocale: Object.fromEntries(LOCALE_IDS.map((l) => [l, v[l].data])) as Record<Locale, RolePlay>,
      }))
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  })();
  return cached;
}

// ---------------------------------------------------------------------------------------------
// Scenario, approach, sort and match exercises: checked across languages, then turned into the
// two shapes the islands render (question sets and categorisations) with words in each language.

type ExerciseData = CollectionEntry<'exercises'>['data'];
export type ExerciseKind = ExerciseData['kind'];

export interface QuestionSetView {
  shape: 'questions';
  kind: 'scenario' | 'approach';
  title: string;
  intro: string;
  items: QuizItem[];
}
export interface CategorizeView {
  shape: 'categories';
  kind: 'sort' | 'match';
  title: string;
  intro: string;
  categories: { id: string; label: string }[];
  cards: Card[];
}
export interface ExerciseEntry {
  id: string;
  kind: ExerciseKind;
  lesson: string;
  /** Item count, for notes and reports */
  size: number;
  byLocale: Record<Locale, QuestionSetView | CategorizeView>;
}

/** The language-neutral shape of an exercise file: ids and answer keys, never words. */
function skeleton(d: ExerciseData): unknown {
  switch (d.kind) {
    case 'scenario':
      return [
        d.kind,
        d.lesson,
        d.items.map((i) => [i.id, i.current, i.worth, i.reasons.map((r) => [r.id, r.correct])]),
      ];
    case 'approach':
      return [d.kind, d.lesson, d.items.map((i) => [i.id, i.answer, i.aspects?.map((a) => [a.id, a.correct]) ?? null])];
    case 'sort':
      return [d.kind, d.lesson, d.cards.map((c) => [c.id, c.column])];
    case 'match':
      return [d.kind, d.lesson, d.items.map((i) => [i.id, i.element])];
  }
}

/** Problems one file can have beyond its schema, as "field: message". */
function checkExercise(d: ExerciseData): string[] {
  const problems: string[] = [];
  const ids = 'cards' in d ? d.cards.map((c) => c.id) : d.items.map((i) => i.id);
  ids.forEach(
    (id, n) =>
      ids.indexOf(id) !== n && problems.push(`${'cards' in d ? 'cards' : 'items'}.${n}.id: "${id}" is used twice`),
  );
  const oneCorrect = (options: { correct: boolean }[] | undefined, field: string) => {
    if (options && options.filter((o) => o.correct).length !== 1)
      problems.push(`${field}: exactly one option must be correct`);
  };
  if (d.kind === 'scenario') d.items.forEach((item, n) => oneCorrect(item.reasons, `items.${n}.reasons`));
  if (d.kind === 'approach') {
    d.items.forEach((item, n) => {
      if (item.answer === 'relationship-oriented' && !item.aspects)
        problems.push(`items.${n}.aspects: relationship-oriented selling needs the aspects to aim at`);
      if (item.answer !== 'relationship-oriented' && item.aspects)
        problems.push(`items.${n}.aspects: only relationship-oriented items have aspects`);
      oneCorrect(item.aspects, `items.${n}.aspects`);
    });
  }
  return problems;
}

function toView(d: ExerciseData, locale: Locale): QuestionSetView | CategorizeView {
  const t = useTranslations(locale);
  const typeNames: Record<string, string> = {
    'buyer-seller': t('diagram.ladder.buyerSeller'),
    'preferred-supplier': t('diagram.ladder.preferred'),
    partnership: t('diagram.ladder.partnership'),
    'strategic-alliance': t('diagram.ladder.alliance'),
  };
  const approachNames: Record<string, string> = {
    transactional: t('diagram.continuum.transactional'),
    relationship: t('diagram.continuum.relationship'),
    'relationship-oriented': t('diagram.continuum.oriented'),
  };
  const elementNames: Record<string, string> = {
    'contract-bond': t('diagram.elements.bond'),
    reciprocity: t('diagram.elements.reciprocity'),
    empathy: t('diagram.elements.empathy'),
    trust: t('diagram.elements.trust'),
  };
  /** A question whose options are the ordered scale `keys` (types, approaches): near misses count. */
  const onScale = (
    id: string,
    label: string,
    keys: readonly string[],
    names: Record<string, string>,
    correct: string,
    feedback: Record<string, string>,
  ) => ({
    id,
    label,
    ordered: true,
    correct,
    options: keys.map((k) => ({ id: k, text: names[k], feedback: feedback[k] })),
  });
  const fromChoices = (options: { id: string; text: string; correct: boolean; feedback: string }[]) => ({
    options: options.map(({ id, text, feedback }) => ({ id, text, feedback })),
    correct: options.find((o) => o.correct)!.id,
  });
  switch (d.kind) {
    case 'scenario':
      return {
        shape: 'questions',
        kind: 'scenario',
        title: d.title,
        intro: d.intro,
        items: d.items.map((i) => ({
          id: i.id,
          prompt: i.situation,
          questions: [
            onScale('current', t('quiz.currentQuestion'), RELATIONSHIP_TYPES, typeNames, i.current, i.currentFeedback),
            onScale('worth', t('quiz.worthQuestion'), RELATIONSHIP_TYPES, typeNames, i.worth, i.worthFeedback),
            { id: 'reason', label: t('quiz.reasonQuestion'), ordered: false, ...fromChoices(i.reasons) },
          ],
        })),
      };
    case 'approach':
      return {
        shape: 'questions',
        kind: 'approach',
        title: d.title,
        intro: d.intro,
        items: d.items.map((i) => ({
          id: i.id,
          prompt: i.situation,
          questions: [
            onScale('approach', t('quiz.approachQuestion'), APPROACHES, approachNames, i.answer, i.approachFeedback),
            ...(i.aspects
              ? [{ id: 'aspect', label: t('quiz.aspectQuestion'), ordered: false, ...fromChoices(i.aspects) }]
              : []),
          ],
        })),
      };
    case 'sort':
      return {
        shape: 'categories',
        kind: 'sort',
        title: d.title,
        intro: d.intro,
        categories: SORT_COLUMNS.map((k) => ({ id: k, label: d.columns[k] })),
        cards: d.cards.map((c) => ({ id: c.id, text: c.text, category: c.column, feedback: c.feedback })),
      };
    case 'match':
      return {
        shape: 'categories',
        kind: 'match',
        title: d.title,
        intro: d.intro,
        categories: ELEMENTS.map((k) => ({ id: k, label: elementNames[k] })),
        cards: d.items.map((c) => ({ id: c.id, text: c.text, category: c.element, feedback: c.feedback })),
      };
  }
}

let cachedExercises: Promise<ExerciseEntry[]> | undefined;

export function getExercises(): Promise<ExerciseEntry[]> {
  cachedExercises ??= (async () => {
    const problems: string[] = [];
    const loaded = await loadByLanguage(
      await getCollection('exercises'),
      'content/exercises',
      {
        kindOf: (d) => d.kind,
        check: checkExercise,
        differs: (en, other, enFile) =>
          JSON.stringify(skeleton(other)) !== JSON.stringify(skeleton(en))
            ? [`field "items": ids or answer keys differ from ${enFile} (they must be the same in every language)`]
            : [],
      },
      problems,
    );
    if (problems.length) throw new ContentError(problems);
    return [...loaded]
      .map(([id, v]) => {
        const d = v.en.data;
        return {
          id,
          kind: d.kind,
          lesson: d.lesson,
          size: 'cards' in d ? d.cards.length : d.items.length,
          byLocale: Object.fromEntries(LOCALE_IDS.map((l) => [l, toView(v[l].data, l)])) as ExerciseEntry['byLocale'],
        };
      })
      .sort((a, b) => (a.id < b.id ? -1 : 1));
  })();
  return cachedExercises;
}

/** Each lesson's exercises and role-plays by id: what the completion rule (src/lib/completion.ts) needs. */
export async function lessonExercises(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const e of [...(await getRolePlays()), ...(await getExercises())]) (out[e.lesson] ??= []).push(e.id);
  return out;
}
