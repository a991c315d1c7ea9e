/**
 * Real `astro build`s of broken content: each must fail and name the file and the field.
 * A small fixture (the course's first lesson in every language) keeps each build to seconds.
 * Each build has its own copy of the project, so they run side by side, as many at once as the
 * machine has cores.
 */
import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { LOCALE_IDS } from '../../src/i18n/locales';

const root = path.resolve(import.meta.dirname, '..', '..');
const work = path.join(root, '.tmp', 'content-errors');
const LANGS = LOCALE_IDS;
const MODULE = 'sales-and-service';
const LESSON = 'what-sales-is';

/** A copy of the project with only the first lesson, so one build takes seconds. */
function makeFixture(name: string): string {
  const dir = path.join(work, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of ['package.json', 'tsconfig.json', 'astro.config.mjs', 'src', 'public', 'scripts'])
    cpSync(path.join(root, f), path.join(dir, f), { recursive: true });
  // The packages, but not a link to the whole node_modules: Astro and Vite keep caches there
  // (node_modules/.astro/data-store.json, node_modules/.vite), and builds running side by side,
  // or the project's own build, must not share them.
  mkdirSync(path.join(dir, 'node_modules'));
  for (const name of readdirSync(path.join(root, 'node_modules'))) {
    if (name === '.astro' || name === '.vite' || name === '.cache') continue;
    symlinkSync(path.join(root, 'node_modules', name), path.join(dir, 'node_modules', name));
  }
  const modules = parse(readFileSync(path.join(root, 'content/modules.yaml'), 'utf8')) as {
    id: string;
    lessons: { id: string }[];
  }[];
  const first = modules.find((m) => m.id === MODULE)!;
  mkdirSync(path.join(dir, 'content', 'module-text'), { recursive: true });
  cpSync(path.join(root, 'content/glossary.yaml'), path.join(dir, 'content/glossary.yaml'));
  writeFileSync(
    path.join(dir, 'content/modules.yaml'),
    stringify([{ ...first, lessons: first.lessons.filter((l) => l.id === LESSON) }]),
  );
  for (const lang of LANGS) {
    const text = parse(readFileSync(path.join(root, `content/module-text/${lang}.yaml`), 'utf8'));
    writeFileSync(path.join(dir, `content/module-text/${lang}.yaml`), stringify({ [MODULE]: text[MODULE] }));
    const target = path.join(dir, 'content/lessons', lang, MODULE);
    mkdirSync(target, { recursive: true });
    cpSync(path.join(root, 'content/lessons', lang, MODULE, `${LESSON}.mdx`), path.join(target, `${LESSON}.mdx`));
  }
  return dir;
}

/** At most one build per core at a time: more would only make each of them slower. */
const slots = Math.max(1, availableParallelism());
let running = 0;
const waiting: (() => void)[] = [];
async function build(dir: string): Promise<{ code: number; output: string }> {
  if (running >= slots) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await new Promise((resolve) => {
      const child = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build'], {
        cwd: dir,
        env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
      });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.on('error', (e) => resolve({ code: 1, output: `${stdout}\n${stderr}\n${e.message}` }));
      child.on('close', (code) => resolve({ code: code ?? 1, output: `${stdout}\n${stderr}` }));
    });
  } finally {
    running--;
    waiting.shift()?.();
  }
}

const lessonFile = (dir: string, lang: string) => path.join(dir, 'content/lessons', lang, MODULE, `${LESSON}.mdx`);
const edit = (file: string, fn: (s: string) => string) => writeFileSync(file, fn(readFileSync(file, 'utf8')));

describe.concurrent('the build refuses broken content and names the file and the field', () => {
  beforeAll(() => mkdirSync(work, { recursive: true }));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('builds the untouched fixture (so the failures below are the edits, not the fixture)', async ({ expect }) => {
    const { code, output } = await build(makeFixture('ok'));
    expect(output).toContain('Complete!');
    expect(code).toBe(0);
  });

  it('a mistyped frontmatter field', async ({ expect }) => {
    const dir = makeFixture('typo');
    edit(lessonFile(dir, 'ms'), (s) => s.replace(/^objectives:/m, 'objectivs:'));
    const { code, output } = await build(dir);
    expect(code).not.toBe(0);
    expect(output).toContain(`content/lessons/ms/${MODULE}/${LESSON}.mdx`);
    expect(output).toContain('objectivs');
    expect(output).toMatch(/objectives/);
  });

  it('a missing frontmatter field', async ({ expect }) => {
    const dir = makeFixture('missing-field');
    edit(lessonFile(dir, 'lv'), (s) => s.replace(/^title:.*\n/m, ''));
    const { code, output } = await build(dir);
    expect(code).not.toBe(0);
    expect(output).toContain(`content/lessons/lv/${MODULE}/${LESSON}.mdx`);
    expect(output).toMatch(/title/);
  });

  it('a lesson that exists in one language but not another', async ({ expect }) => {
    const dir = makeFixture('missing-translation');
    unlinkSync(lessonFile(dir, 'zh'));
    const { code, output } = await build(dir);
    expect(code).not.toBe(0);
    expect(output).toContain(
      `content/lessons/zh/${MODULE}/${LESSON}.mdx: missing lesson: it exists in en, ms, lv but not in zh`,
    );
  });

  it('a lesson that points at a module that does not exist', async ({ expect }) => {
    const dir = makeFixture('no-module');
    for (const lang of LANGS) {
      mkdirSync(path.join(dir, 'content/lessons', lang, 'no-such-module'), { recursive: true });
      cpSync(lessonFile(dir, lang), path.join(dir, 'content/lessons', lang, 'no-such-module', 'stray.mdx'));
    }
    const { code, output } = await build(dir);
    expect(code).not.toBe(0);
    expect(output).toContain(
      'content/lessons/en/no-such-module/stray.mdx: module "no-such-module" (its folder) does not exist in content/modules.yaml',
    );
  });

  it('duplicate order numbers', async ({ expect }) => {
    const dir = makeFixture('duplicate-order');
    const file = path.join(dir, 'content/modules.yaml');
    const modules = parse(readFileSync(file, 'utf8'));
    modules.push({ id: 'second-module', order: modules[0].order, lessons: [{ id: 'copy', minutes: 3 }] });
    writeFileSync(file, stringify(modules));
    for (const lang of LANGS) {
      mkdirSync(path.join(dir, 'content/lessons', lang, 'second-module'), { recursive: true });
      cpSync(lessonFile(dir, lang), path.join(dir, 'content/lessons', lang, 'second-module', 'copy.mdx'));
      edit(
        path.join(dir, `content/module-text/${lang}.yaml`),
        (s) => `${s}second-module:\n  title: "Two"\n  summary: "Two"\n`,
      );
    }
    const { code, output } = await build(dir);
    expect(code).not.toBe(0);
    expect(output).toMatch(
      /content\/modules\.yaml: module "[a-z-]+", field "order": 1 is already the order of module "[a-z-]+"/,
    );
  });

  /** Adds the course's hammer role-play to the fixture's lesson, in every language, then edits one. */
  function withRolePlay(
    name: string,
    editEn: (rp: { turns: Record<string, { choices?: { next: string }[] }> }) => void,
  ): string {
    const dir = makeFixture(name);
    for (const lang of LANGS) {
      const rp = parse(readFileSync(path.join(root, 'content/roleplays', lang, 'hammer-price.yaml'), 'utf8'));
      rp.lesson = `${MODULE}/${LESSON}`;
      if (lang === 'en') editEn(rp);
      mkdirSync(path.join(dir, 'content/roleplays', lang), { recursive: true });
      writeFileSync(path.join(dir, 'content/roleplays', lang, 'hammer-price.yaml'), stringify(rp));
    }
    return dir;
  }

  it('a role-play branch that points at a turn that does not exist', async ({ expect }) => {
    const dir = withRolePlay('roleplay-missing-turn', (rp) => {
      const first = Object.values(rp.turns).find((t) => t.choices)!;
      first.choices![0].next = 'no-such-turn';
    });
    const { code, output } = await build(dir);
    expect(code).not.toBe(0);
    expect(output).toMatch(
      /content\/roleplays\/en\/hammer-price\.yaml: field "turns\.[a-z0-9-]+\.choices\.[a-z]\.next": turn "no-such-turn" does not exist/,
    );
  });

  it('a role-play turn that no path reaches', async ({ expect }) => {
    const dir = withRolePlay('roleplay-orphan', (rp) => {
      rp.turns['lonely-turn'] = { says: 'Is anyone there?', outcome: 'bad' } as never;
    });
    const { code, output } = await build(dir);
    expect(code).not.toBe(0);
    expect(output).toContain(
      'content/roleplays/en/hammer-price.yaml: field "turns.lonely-turn": no path from the start reaches this turn',
    );
  });

  it('a lesson that declares a glossary term the glossary does not have', async ({ expect }) => {
    const dir = makeFixture('bad-term');
    edit(path.join(dir, 'content/modules.yaml'), (s) => s.replace(/terms:\n(\s*)- /, 'terms:\n$1- no-such-term\n$1- '));
    const { code, output } = await build(dir);
    expect(code).not.toBe(0);
    expect(output).toContain(
      `content/modules.yaml: lesson "${MODULE}/${LESSON}", field "terms": "no-such-term" is not a term in content/glossary.yaml`,
    );
  });

  /** Adds one of the course's exercises to the fixture's lesson in every language, then edits the Malay one. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  function withExercise(name: string, id: string, editMs: (data: any) => void): string {
    const dir = makeFixture(name);
    for (const lang of LANGS) {
      const data = parse(readFileSync(path.join(root, 'content/exercises', lang, `${id}.yaml`), 'utf8'));
      data.lesson = `${MODULE}/${LESSON}`;
      if (lang === 'ms') editMs(data);
      mkdirSync(path.join(dir, 'content/exercises', lang), { recursive: true });
      writeFileSync(path.join(dir, 'content/exercises', lang, `${id}.yaml`), stringify(data));
    }
    return dir;
  }

  it('an exercise answer key that names an option that does not exist', async ({ expect }) => {
    const dir = withExercise('exercise-bad-key', 'relationship-scenarios', (d) => (d.items[2].worth = 'joint-venture'));
    const { code, output } = await build(dir);
    expect(code).not.toBe(0);
    expect(output).toContain('content/exercises/ms/relationship-scenarios.yaml');
    expect(output).toMatch(/items\.2\.worth/);
  });

  it('a scenario without feedback for one of its options', async ({ expect }) => {
    const dir = withExercise(
      'exercise-no-feedback',
      'relationship-scenarios',
      (d) => delete d.items[0].currentFeedback.partnership,
    );
    const { code, output } = await build(dir);
    expect(code).not.toBe(0);
    expect(output).toContain('content/exercises/ms/relationship-scenarios.yaml');
    expect(output).toMatch(/items\.0\.currentFeedback\.partnership/);
  });

  it('a sorting card without a column', async ({ expect }) => {
    const dir = withExercise('exercise-no-column', 'sales-or-service-sort', (d) => delete d.cards[3].column);
    const { code, output } = await build(dir);
    expect(code).not.toBe(0);
    expect(output).toContain('content/exercises/ms/sales-or-service-sort.yaml');
    expect(output).toMatch(/cards\.3\.column/);
  });

  it('an exercise whose answer keys differ between languages', async ({ expect }) => {
    const dir = withExercise(
      'exercise-mismatch',
      'four-elements-match',
      (d) => (d.items[0].element = d.items[0].element === 'trust' ? 'empathy' : 'trust'),
    );
    const { code, output } = await build(dir);
    expect(code).not.toBe(0);
    expect(output).toContain(
      'content/exercises/ms/four-elements-match.yaml: field "items": ids or answer keys differ from',
    );
  });

  it('a mistyped field in the module structure', async ({ expect }) => {
    const dir = makeFixture('bad-minutes');
    edit(path.join(dir, 'content/modules.yaml'), (s) => s.replace(/minutes: \d+/, 'minutes: five'));
    const { code, output } = await build(dir);
    expect(code).not.toBe(0);
    expect(output).toContain('content/modules.yaml');
    expect(output).toMatch(/minutes/);
  });
});
