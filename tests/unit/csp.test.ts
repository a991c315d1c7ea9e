/**
 * The Content-Security-Policy allows inline scripts by hash only (no 'unsafe-inline'), and Astro
 * does not hash `is:inline` scripts: src/lib/csp.ts allowInlineScript adds the hash of the string a
 * page renders. These tests fail when an inline script could reach a page without its hash.
 * (tests/e2e/csp.spec.ts checks the same on the built pages and in a browser.)
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { allowInlineScript, cspHash } from '../../src/lib/csp';
import { HOSTILE_RESCUE_PATHS } from '../fixtures/hostile-codes';
import { hashRescueScript } from '../../src/lib/hash-rescue';
import { languageRedirectScript } from '../../src/lib/negotiate';

const root = path.resolve(import.meta.dirname, '..', '..');
const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });

describe('inline script hashes', () => {
  it('cspHash is the CSP sha256 source of the exact text', () => {
    // Known vectors: the empty string, and what Chromium reports for `alert(1)`.
    expect(cspHash('')).toBe('sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=');
    expect(cspHash('alert(1)')).toBe(`sha256-${createHash('sha256').update('alert(1)').digest('base64')}`);
    // Non-ASCII is hashed as UTF-8, as the browser does.
    expect(cspHash('’')).toBe(`sha256-${createHash('sha256').update(Buffer.from('’', 'utf8')).digest('base64')}`);
  });

  it.each([
    ['the language redirect of /', languageRedirectScript()],
    ['the language redirect of /my-training/', languageRedirectScript('my-training/')],
    ["the 404 pages' '#' rescue", hashRescueScript()],
  ])('allowInlineScript adds the hash of %s to the page policy and returns it unchanged', (_, code) => {
    const hashes: string[] = [];
    const returned = allowInlineScript({ csp: { insertScriptHash: (h) => hashes.push(h) } }, code);
    expect(returned).toBe(code);
    expect(hashes).toEqual([cspHash(code)]);
    // With CSP off (no Astro.csp) it still renders the script.
    expect(allowInlineScript({}, code)).toBe(code);
  });

  const astroFiles = walk(path.join(root, 'src')).filter((f) => f.endsWith('.astro'));
  it('finds the .astro files', () => expect(astroFiles.length).toBeGreaterThan(10));

  it('every inline script in src/ renders a string that went through allowInlineScript in the frontmatter', () => {
    const problems: string[] = [];
    let seen = 0;
    for (const file of astroFiles) {
      const text = readFileSync(file, 'utf8');
      const name = path.relative(root, file);
      const frontmatter = text.match(/^---\n([\s\S]*?)\n---/)?.[1] ?? '';
      // Astro bundles (and hashes) a <script> without attributes; any other is inline.
      for (const m of text.matchAll(/<script\b([^>]*)>/g)) {
        const attrs = m[1];
        if (!attrs.trim()) continue;
        seen++;
        const html = attrs.match(/^\s*is:inline(?:\s+slot="[^"]*")?\s+set:html=\{(\w+)\}\s*\/$/);
        if (!html) {
          problems.push(`${name}: ${m[0]} (render inline scripts as <script is:inline set:html={x} />)`);
          continue;
        }
        // Called in the frontmatter: a component rendered later, in <body>, adds its hash after
        // Astro has written the policy's <meta> (see src/lib/csp.ts).
        if (!new RegExp(`\\bconst ${html[1]} = allowInlineScript\\(Astro, `).test(frontmatter)) {
          problems.push(
            `${name}: ${html[1]} is not \`const ${html[1]} = allowInlineScript(Astro, …)\` in the frontmatter`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
    // The pages' scripts: /, the two redirect pages (one component), the two kinds of 404, and the
    // lessons with an exercise, on the site and in an LMS package (a click before the exercise
    // loads, src/lib/island-replay.ts).
    expect(seen).toBe(6);
  });

  it('content has no inline scripts or style attributes (the policy would block them)', () => {
    const files = walk(path.join(root, 'content')).filter((f) => f.endsWith('.mdx'));
    expect(files.length).toBeGreaterThan(10);
    const bad = files.filter((f) => /<script\b|\sstyle=|\son[a-z]+=/i.test(readFileSync(f, 'utf8')));
    expect(bad).toEqual([]);
  });
});

describe("the 404 pages' '#' rescue", () => {
  const origin = 'http://127.0.0.1:4321';
  /** Runs the script as a browser would on `address`; returns where it sent the page, or null. */
  function rescue(address: string): string | null {
    const url = new URL(address, origin);
    let target: string | null = null;
    runInNewContext(hashRescueScript(), {
      location: {
        pathname: url.pathname,
        origin: url.origin,
        replace: (t: string) => {
          target = t;
        },
      },
      decodeURIComponent,
    });
    return target;
  }

  it.each([
    ['/en/my-training/%23a1.abc.1x2', '/en/my-training/#a1.abc.1x2'],
    ['/lv/my-training%23a1.abc.1x2', '/lv/my-training/#a1.abc.1x2'],
    ['/zh/trainer/results/%23r1.abc_-9.z', '/zh/trainer/results/#r1.abc_-9.z'],
    ['/my-training/%23a1.abc.1x2).', '/my-training/#a1.abc.1x2).'],
    ['/trainer/results/%23r1.cut', '/trainer/results/#r1.cut'],
    // Spaces around the code are dropped, as the page itself would.
    ['/ms/my-training/%23%20a1.abc.1x2%20', '/ms/my-training/#a1.abc.1x2'],
  ])('sends %s to %s on this site', (from, to) => {
    expect(rescue(from)).toBe(origin + to);
  });

  it.each([
    ...HOSTILE_RESCUE_PATHS,
    '/en/my-training/%23a1.x%23a1.y',
    '/en/my-training/%23%E0%A4%A',
    '/de/my-training/%23a1.x',
    '/en/glossary/%23a1.x',
    '/en/my-training/extra/%23a1.x',
    // Codes are lowercase [ar]<version> (src/lib/assignment.ts).
    '/en/my-training/%23A1.abc.1x2',
  ])('does not redirect %s', (from) => {
    expect(rescue(from)).toBeNull();
  });
});

describe('reading a policy', () => {
  it('gives each directive its values, by name', async () => {
    const { policyDirectives } = await import('../../src/lib/csp');
    expect(policyDirectives("default-src 'self'; script-src 'self' 'sha256-x';  ;img-src 'self'")).toEqual({
      'default-src': ["'self'"],
      'script-src': ["'self'", "'sha256-x'"],
      'img-src': ["'self'"],
    });
  });
});
