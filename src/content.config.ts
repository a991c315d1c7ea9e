/**
 * Content collections and their schemas. What one entry cannot check by itself (a lesson in every
 * language, a module that exists, unique order numbers) is checked across collections in
 * src/lib/course.ts, which fails the build naming the file and the field.
 */
import { defineCollection } from 'astro:content';
import { file, glob } from 'astro/loaders';
import { z } from 'astro/zod';

const id = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase words joined by hyphens (e.g. "what-sales-is")');

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
  schema: z.record(
    id,
    z.object({ title: z.string().trim().min(1), summary: z.string().trim().min(1) }).strict(),
  ),
});

const termText = z.object({ term: z.string().trim().min(1), definition: z.string().trim().min(1) }).strict();

/** The glossary, kept once: a language-neutral id and a term and definition per language. */
const glossary = defineCollection({
  loader: file('./content/glossary.yaml'),
  schema: z.object({ id, en: termText, ms: termText, zh: termText, lv: termText }).strict(),
});

export const collections = { lessons, modules, moduleText, glossary };
