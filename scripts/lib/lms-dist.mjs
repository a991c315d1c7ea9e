/**
 * After the build: makes the LMS package's pages (dist/lms/) ready to be zipped. Every root path
 * in them becomes relative (src/lib/lms/relative.ts), and dist/lms/files.json lists the scripts,
 * styles and images they need, so the trainer's page and `npm run package` know exactly which
 * files a package holds without guessing.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { referencedFiles, relativizeHtml } from '../../src/lib/lms/relative.ts';
import { filesUnder } from './files.mjs';

/** Rewrites dist/lms/**\/*.html in place and writes dist/lms/files.json. */
export async function finishLmsPages(distDir) {
  const lmsDir = join(distDir, 'lms');
  const pages = (await filesUnder(lmsDir)).filter((f) => f.endsWith('.html'));
  const assets = new Set();
  const queue = [];
  for (const file of pages) {
    const path = relative(lmsDir, file).split(sep).join('/');
    const html = relativizeHtml(await readFile(file, 'utf8'), path);
    await writeFile(file, html);
    for (const ref of referencedFiles(html, path)) {
      if (!assets.has(ref)) queue.push(ref);
      assets.add(ref);
    }
  }
  // Scripts import scripts, styles name fonts and images: follow them all.
  while (queue.length) {
    const ref = queue.pop();
    if (!/\.(js|css)$/.test(ref)) continue;
    const text = await readFile(join(distDir, ref), 'utf8');
    for (const more of referencedFiles(text, ref)) {
      if (!assets.has(more)) queue.push(more);
      assets.add(more);
    }
  }
  for (const ref of assets) await readFile(join(distDir, ref)); // fails the build on a file that is not there
  const files = { version: 1, assets: [...assets].sort() };
  await writeFile(join(lmsDir, 'files.json'), JSON.stringify(files, null, 1) + '\n');
  return files;
}
