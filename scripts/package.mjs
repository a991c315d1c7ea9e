/**
 * `npm run package -- --format scorm12 --lessons all --lang en --title "Sales basics" --out sales.zip`
 *
 * Builds the same LMS package the trainer's page builds, from the built site in dist/ (built
 * first if it is missing). Options:
 *   --format   scorm12 (default) | scorm2004 | cmi5
 *   --lessons  all (default) | a comma list of module ids and lesson ids (module/lesson)
 *   --lang     en | ms | zh | lv (one, fixed) or `choice` (default: all four, the learner picks;
 *              a comma list such as `ms,en` offers those, the first the default)
 *   --mastery  a score from 1 to 100: passed/failed against it; leave out for completion only
 *   --title    the title the LMS shows (default: "Sales training")
 *   --out      the zip's path (default: the title and format as a file name, in the current folder)
 * The package code is src/lib/lms/package.ts, loaded through Vite as the site's build loads it.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const LANGS = ['en', 'ms', 'zh', 'lv'];

function fail(message) {
  console.error(`npm run package: ${message}`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    help: { type: 'boolean', short: 'h' },
    format: { type: 'string', default: 'scorm12' },
    lessons: { type: 'string', default: 'all' },
    lang: { type: 'string', default: 'choice' },
    mastery: { type: 'string' },
    title: { type: 'string' },
    out: { type: 'string' },
  },
});

if (values.help) {
  // The comment at the top of this file is the help.
  const source = await readFile(fileURLToPath(import.meta.url), 'utf8');
  console.log(
    source
      .slice(source.indexOf('/**') + 3, source.indexOf('*/'))
      .split('\n')
      .map((l) => l.replace(/^ \* ?/, ''))
      .join('\n')
      .trim(),
  );
  process.exit(0);
}
if (!['scorm12', 'scorm2004', 'cmi5'].includes(values.format))
  fail(`--format must be scorm12, scorm2004 or cmi5, not "${values.format}"`);
const languages = values.lang === 'choice' ? LANGS : values.lang.split(',').map((l) => l.trim());
if (!languages.length || languages.some((l) => !LANGS.includes(l)) || new Set(languages).size !== languages.length)
  fail(`--lang must be one of ${LANGS.join(', ')}, a comma list of them, or "choice"`);
let mastery;
if (values.mastery !== undefined) {
  const m = Number(values.mastery);
  if (!Number.isFinite(m) || m < 1 || m > 100) fail('--mastery must be a number from 1 to 100');
  mastery = m / 100;
}

if (!existsSync(join(dist, 'lms', 'files.json')) || !existsSync(join(dist, 'lms', 'course.json'))) {
  console.log('No built site in dist/: building it first.');
  const built = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (built.status !== 0) fail('the build failed');
}

const course = JSON.parse(await readFile(join(dist, 'lms', 'course.json'), 'utf8'));
const lessonIds = course.lessons.map((l) => l.id);
let lessons;
if (values.lessons === 'all') lessons = lessonIds;
else {
  const wanted = values.lessons
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const unknown = wanted.filter((w) => !lessonIds.includes(w) && !course.modules.some((m) => m.id === w));
  if (unknown.length)
    fail(
      `unknown module or lesson: ${unknown.join(', ')}. Known: ${course.modules.map((m) => m.id).join(', ')} and their lessons`,
    );
  lessons = lessonIds.filter((id) => wanted.includes(id) || wanted.includes(id.split('/')[0]));
}
const first = languages[0];
const title = (values.title ?? '').trim() || 'Sales training';
const description = lessons.map((id) => course.lessons.find((l) => l.id === id).title[first]).join('; ');

const vite = await createServer({ root, logLevel: 'error', server: { middlewareMode: true }, appType: 'custom' });
try {
  const { buildPackageZip } = await vite.ssrLoadModule('/src/lib/lms/package.ts');
  const files = JSON.parse(await readFile(join(dist, 'lms', 'files.json'), 'utf8'));
  const choice = { format: values.format, languages, lessons, mastery, title, description };
  const { name, bytes, config } = await buildPackageZip(choice, files, async (sitePath) => {
    const path = join(dist, ...decodeURIComponent(sitePath).split('/').filter(Boolean));
    if (!path.startsWith(dist)) throw new Error(`outside dist: ${sitePath}`);
    return new Uint8Array(await readFile(path));
  });
  const out = resolve(values.out ?? name);
  await writeFile(out, bytes);
  console.log(
    `${out}: ${config.format}, ${config.lessons.length} lesson(s), ${config.languages.join('+')}, ` +
      `${config.mastery ? `mastery ${Math.round(config.mastery * 100)}%` : 'completion only'}, ${(bytes.length / 1024).toFixed(0)} KB`,
  );
} finally {
  await vite.close();
}
