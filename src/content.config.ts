/**
 * Content collections and their schemas. What one entry cannot check by itself (a lesson in every
 * language, a module that exists, unique order numbers) is checked across collections in
 * src/lib/course.ts, which fails the build naming the file and the field.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';
import { ERRORS, SKILLS } from './lib/roleplay';
import { APPROACHES, ELEMENTS, RELATIONSHIP_TYPES, SORT_COLUMNS } from './lib/quiz';

const id = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens (e.g. "what-sales-is")');

/** One lesson in one language: content/lessons/<lang>/<module>/<lesson>.mdx */
const lessons = defineCollection({
  loader: glob({ pattern: '**/*.mdx', base: './content/lessons' }),
  schema: z
    .object({
      title: z.string().trim().min(1),
      description: z.string().trim().min(1).max(200),
      objectives: z.array(z.string().trim().min(1)).min(1),
    })
    .strict(),
});

/** Course structure, once for all languages: module order, and lesson order and reading time. */
const modules = defineCollection({
  loader: file('./content/modules.yaml'),
  schema: z
    .object({
      id,
      order: z.number().int().positive(),
      lessons: z
        .array(
          z
            .object({
              id,
              minutes: z.number().int().min(1).max(60),
              /** Glossary ids of the terms this lesson teaches; linked from the lesson page. */
              terms: z.array(id).default([]),
            })
            .strict(),
        )
        .min(1),
    })
    .strict(),
});

/** Module titles and summaries, one file per language: content/module-text/<lang>.yaml */
const moduleText = defineCollection({
  loader: glob({ pattern: '*.yaml', base: './content/module-text' }),
  schema: z.record(id, z.object({ title: z.string().trim().min(1), summary: z.string().trim().min(1) }).strict()),
});

const termText = z.object({ term: z.string().trim().min(1), definition: z.string().trim().min(1) }).strict();

/** The glossary, kept once: a language-neutral id and a term and definition per language. */
const glossary = defineCollection({
  loader: file('./content/glossary.yaml'),
  schema: z.object({ id, en: termText, ms: termText, zh: termText, lv: termText }).strict(),
});

const text = z.string().trim().min(1);
const turnId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens');
const choice = z
  .object({
    id: z.string().regex(/^[a-z]$/, 'must be one letter'),
    text,
    quality: z.enum(['good', 'ok', 'poor']),
    skill: z.enum(SKILLS).optional(),
    error: z.enum(ERRORS).optional(),
    feedback: text,
    next: turnId,
  })
  .strict();

/**
 * A listening/response role-play in one language: content/roleplays/<lang>/<id>.yaml. The graph
 * (turns, choices, next, quality, skill, error) must be the same in every language; that, and
 * that every branch leads somewhere and every turn is reachable, is checked in src/server/exercises.ts.
 */
const roleplays = defineCollection({
  loader: glob({ pattern: '*/*.yaml', base: './content/roleplays' }),
  schema: z
    .object({
      lesson: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'must be "<module>/<lesson>"'),
      title: text,
      customer: z.object({ name: text, role: text, company: text, wants: text }).strict(),
      intro: text,
      start: turnId,
      turns: z.record(
        turnId,
        z.union([
          z.object({ says: text, choices: z.array(choice).min(3).max(4) }).strict(),
          z.object({ says: text, outcome: z.enum(['good', 'mixed', 'bad']) }).strict(),
        ]),
      ),
    })
    .strict(),
});

const itemId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and hyphens');
/** One explanation per option: a missing one fails the build naming the option. */
const feedbackFor = <T extends readonly [string, ...string[]]>(keys: T) =>
  z.object(Object.fromEntries(keys.map((k) => [k, text])) as Record<T[number], typeof text>).strict();
const choiceOption = z
  .object({ id: z.string().regex(/^[a-z]$/, 'must be one letter'), text, correct: z.boolean(), feedback: text })
  .strict();
const exerciseBase = {
  lesson: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, 'must be "<module>/<lesson>"'),
  title: text,
  intro: text,
};

/**
 * The other exercises, one file per exercise and language: content/exercises/<lang>/<id>.yaml.
 * Answer keys are enums, so a key naming an option that does not exist fails here with its field;
 * what one file cannot check (one correct reason, the same ids in every language) is checked in
 * src/server/exercises.ts.
 */
const exercises = defineCollection({
  loader: glob({ pattern: '*/*.yaml', base: './content/exercises' }),
  schema: z.discriminatedUnion('kind', [
    z
      .object({
        kind: z.literal('scenario'),
        ...exerciseBase,
        items: z
          .array(
            z
              .object({
                id: itemId,
                situation: text,
                current: z.enum(RELATIONSHIP_TYPES),
                worth: z.enum(RELATIONSHIP_TYPES),
                currentFeedback: feedbackFor(RELATIONSHIP_TYPES),
                worthFeedback: feedbackFor(RELATIONSHIP_TYPES),
                reasons: z.array(choiceOption).min(2).max(4),
              })
              .strict(),
          )
          .min(1),
      })
      .strict(),
    z
      .object({
        kind: z.literal('approach'),
        ...exerciseBase,
        items: z
          .array(
            z
              .object({
                id: itemId,
                situation: text,
                answer: z.enum(APPROACHES),
                approachFeedback: feedbackFor(APPROACHES),
                aspects: z.array(choiceOption).min(2).max(4).optional(),
              })
              .strict(),
          )
          .min(1),
      })
      .strict(),
    z
      .object({
        kind: z.literal('sort'),
        ...exerciseBase,
        columns: feedbackFor(SORT_COLUMNS),
        cards: z.array(z.object({ id: itemId, text, column: z.enum(SORT_COLUMNS), feedback: text }).strict()).min(2),
      })
      .strict(),
    z
      .object({
        kind: z.literal('match'),
        ...exerciseBase,
        items: z.array(z.object({ id: itemId, text, element: z.enum(ELEMENTS), feedback: text }).strict()).min(2),
      })
      .strict(),
  ]),
});

export const collections = { lessons, modules, moduleText, glossary, roleplays, exercises };
