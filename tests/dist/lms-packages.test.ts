/**
 * The three LMS packages the issue names, built by `npm run package` from the built site: each
 * manifest valid against the official schemas shipped inside the same zip, every file the
 * manifest names present, and every address in every page relative and leading to a file of the
 * package (an LMS serves the package from a folder of its own choosing).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildPackage, MODULE_2004_LV, type BuiltPackage } from '../lms/packages';
import { validateWithSchemas } from '../lms/xsd';

const out = mkdtempSync(path.join(tmpdir(), 'lms-packages-'));
const CASES = [
  {
    name: 'whole-scorm12',
    args: [
      '--format',
      'scorm12',
      '--lessons',
      'all',
      '--lang',
      'choice',
      '--title',
      'Sales & service: the whole course',
    ],
    manifest: 'imsmanifest.xml',
    lessons: 13,
    langs: 4,
  },
  {
    name: 'module-scorm2004',
    args: MODULE_2004_LV,
    manifest: 'imsmanifest.xml',
    lessons: 5,
    langs: 1,
  },
  {
    name: 'cmi5',
    args: [
      '--format',
      'cmi5',
      '--lessons',
      'sales-and-service,relationship-types/four-types',
      '--lang',
      'zh,en',
      '--mastery',
      '75',
      '--title',
      '销售与服务',
    ],
    manifest: 'cmi5.xml',
    lessons: 4,
    langs: 2,
  },
] as const;

const built = new Map<string, BuiltPackage>();
beforeAll(() => {
  for (const c of CASES) built.set(c.name, buildPackage(c.name, [...c.args], out));
}, 120_000);

const text = (p: BuiltPackage, file: string) => new TextDecoder().decode(p.files[file]);

describe.each(CASES)('$name', (c) => {
  it('has a manifest valid against the schemas in the package', async () => {
    const p = built.get(c.name)!;
    const schemas = Object.keys(p.files)
      .filter((f) => f.endsWith('.xsd') || f.endsWith('.dtd'))
      .map((fileName) => ({ fileName, contents: p.files[fileName] }));
    expect(schemas.length).toBeGreaterThan(0);
    const result = await validateWithSchemas(text(p, c.manifest), c.manifest, schemas);
    expect(result.errors.map((e) => e.message)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('holds every file its manifest names, and the chosen lessons in the chosen languages', () => {
    const p = built.get(c.name)!;
    const xml = text(p, c.manifest);
    const named = [...xml.matchAll(/<file href="([^"]+)"/g)].map((m) => decodeURIComponent(m[1]));
    if (c.manifest === 'imsmanifest.xml') {
      expect(named.length).toBeGreaterThan(20);
      for (const f of named) expect(p.files[f], f).toBeDefined();
    }
    const settings = JSON.parse(text(p, 'lms-package.json'));
    expect(settings.lessons).toHaveLength(c.lessons);
    expect(settings.languages).toHaveLength(c.langs);
    const lessonPages = Object.keys(p.files).filter((f) => /^[a-z]{2}\/[a-z0-9-]+\/[a-z0-9-]+\/index\.html$/.test(f));
    expect(lessonPages).toHaveLength(c.lessons * c.langs);
    // No trainer pages, no site home: only the package's own pages.
    expect(Object.keys(p.files).filter((f) => /trainer|my-training|progress\//.test(f))).toEqual([]);
  });

  it('links only to files inside the package, by relative paths', () => {
    const p = built.get(c.name)!;
    const pages = Object.keys(p.files).filter((f) => f.endsWith('.html'));
    for (const file of pages) {
      const doc = parse(text(p, file));
      for (const el of doc.querySelectorAll('[href], [src], [component-url], [renderer-url]')) {
        for (const attr of ['href', 'src', 'component-url', 'renderer-url']) {
          const value = el.getAttribute(attr);
          if (!value || value.startsWith('#')) continue;
          expect(value, `${file}: ${attr}`).not.toMatch(/^(\/|[a-z]+:)/);
          const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), value.split(/[?#]/)[0]));
          // A link to a lesson left out of the package would be a dead end.
          expect(p.files[target], `${file} → ${value}`).toBeDefined();
        }
      }
    }
  });
});

it('reports the package sizes', () => {
  for (const c of CASES) console.log(`${c.name}: ${(built.get(c.name)!.bytes / 1024).toFixed(0)} KB`);
  expect(built.get('whole-scorm12')!.bytes).toBeLessThan(2_000_000);
});
