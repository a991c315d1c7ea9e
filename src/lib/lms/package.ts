/**
 * What goes into an LMS package, for the trainer's page (built in the browser) and for
 * `npm run package` (scripts/package.mjs): the same plan and the same zip from either.
 *
 * A package holds the frame (index.html), its settings (lms-package.json), the manifest the LMS
 * reads (imsmanifest.xml or cmi5.xml) with the official schemas it names, the chosen lessons in
 * each of its languages, the glossary of each language, and the scripts and styles those pages
 * use (dist/lms/files.json lists them).
 */
import { zipSync } from 'fflate';
import { checksum } from '../assignment';
import { fileSlug } from '../file-name';
import type { Locale } from '../../i18n/locales';
import { lessonFile, PACKAGE_FILE, type LmsFormat, type PackageConfig } from './course';
import { buildManifest, schemaFiles } from './manifest';

/** The trainer's choices. */
export interface PackageChoice {
  format: LmsFormat;
  /** One language, or every language the learner may choose from (the first is the default) */
  languages: Locale[];
  lessons: string[];
  /** 0..1, or undefined for completion only */
  mastery?: number;
  title: string;
  description: string;
}

/** One file of the package: taken from the built site (`from`, a site path) or written here (`text`). */
export type PackageEntry = { path: string; from: string } | { path: string; text: string };

/** dist/lms/files.json */
export interface PackageFiles {
  version: 1;
  assets: string[];
}

/** The same choices give the same id, so a new download of one package replaces it in the LMS. */
export function packageId(c: PackageChoice): string {
  return `sales-course-${checksum(JSON.stringify([c.format, c.languages, c.lessons, c.mastery ?? null, c.title]))}`;
}

/** Every file of a package and where it comes from. */
export function packagePlan(c: PackageChoice, files: PackageFiles): { config: PackageConfig; entries: PackageEntry[] } {
  const config: PackageConfig = {
    version: 1,
    id: packageId(c),
    format: c.format,
    languages: c.languages,
    lessons: c.lessons,
    ...(c.mastery !== undefined ? { mastery: c.mastery } : {}),
    title: c.title,
  };
  const site: PackageEntry[] = [
    { path: 'index.html', from: '/lms/index.html' },
    ...files.assets.map((path) => ({ path, from: `/${path}` })),
    ...c.languages.flatMap((lang) => [
      ...c.lessons.map((id) => ({ path: lessonFile(lang, id), from: `/lms/${lessonFile(lang, id)}` })),
      { path: `${lang}/glossary/index.html`, from: `/lms/${lang}/glossary/index.html` },
    ]),
    ...schemaFiles(c.format).map((name) => ({ path: name, from: `/lms/schemas/${c.format}/${name}` })),
  ];
  const settings: PackageEntry = { path: PACKAGE_FILE, text: JSON.stringify(config, null, 1) + '\n' };
  const manifest = buildManifest({
    format: c.format,
    id: config.id,
    title: c.title,
    description: c.description,
    lang: c.languages[0] === 'zh' ? 'zh-CN' : c.languages[0],
    launch: 'index.html',
    mastery: c.mastery,
    files: [...site, settings].map((e) => e.path),
  });
  return { config, entries: [...site, settings, { path: manifest.name, text: manifest.xml }] };
}

/** The package's file name: the title as a file name, and the format. */
export const packageFileName = (c: PackageChoice): string => `${fileSlug(c.title, 'course')}-${c.format}.zip`;

/**
 * The package as zip bytes. `read` fetches a file of the built site by its path (the browser
 * fetches it, the command line reads dist/). A cmi5 package's frame may talk to an LRS on another
 * host than its own (the LMS says which at launch), so its policy allows https: connections; the
 * lesson pages, which talk to no one, keep 'self' only.
 */
export async function buildPackageZip(
  c: PackageChoice,
  files: PackageFiles,
  read: (sitePath: string) => Promise<Uint8Array>,
): Promise<{ name: string; bytes: Uint8Array; config: PackageConfig }> {
  const { config, entries } = packagePlan(c, files);
  const encoder = new TextEncoder();
  const contents = await Promise.all(
    entries.map(async (e) => {
      if ('text' in e) return encoder.encode(e.text);
      const bytes = await read(e.from);
      if (e.path === 'index.html' && c.format === 'cmi5') {
        const html = new TextDecoder().decode(bytes).replace("connect-src 'self'", "connect-src 'self' https:");
        return encoder.encode(html);
      }
      return bytes;
    }),
  );
  // Scripts, pages and schemas compress well; a fixed date keeps the same package byte-for-byte the same.
  const mtime = new Date('2026-01-01T00:00:00Z');
  const zip = zipSync(Object.fromEntries(entries.map((e, i) => [e.path, [contents[i], { level: 9, mtime }]])));
  return { name: packageFileName(c), bytes: zip, config };
}
