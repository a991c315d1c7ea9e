/**
 * Builds an LMS package in the browser and saves it: the trainer page imports this module on the
 * first click of "Download package", so the package code (fflate, the manifests, about 15 KB) is in
 * no page's JavaScript. Every file comes from this site (the same files `npm run package` reads
 * from dist/), so nothing is asked of another host.
 */
import type { Locale } from '../i18n/locales';
import { formatFileSize, packageDescription } from '../lib/lms/download-info';
import type { LmsCourse } from '../lib/lms/course';
import { buildPackageZip, type PackageChoice, type PackageFiles } from '../lib/lms/package';
import { downloadBlob } from './shared';

/** A file of the site as bytes; a missing file (an old page after a new release) is an error, not an empty file. */
async function read(path: string): Promise<Response> {
  const response = await fetch(path);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response;
}

/**
 * Builds the package of `choice` and downloads it; its file name and size (for `lang`, a BCP-47
 * tag) for the page to say. Throws when any file cannot be fetched: nothing is downloaded then.
 */
export async function downloadPackage(
  choice: Omit<PackageChoice, 'description'>,
  lang: string,
): Promise<{ name: string; size: string }> {
  const [files, course] = await Promise.all([
    read('/lms/files.json').then((r) => r.json() as Promise<PackageFiles>),
    read('/lms/course.json').then((r) => r.json() as Promise<LmsCourse>),
  ]);
  const first: Locale = choice.languages[0];
  const description = packageDescription(course, choice.lessons, first);
  const { name, bytes } = await buildPackageZip(
    { ...choice, description },
    files,
    async (path) => new Uint8Array(await (await read(path)).arrayBuffer()),
  );
  downloadBlob(name, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
  return { name, size: formatFileSize(bytes.length, lang) };
}
