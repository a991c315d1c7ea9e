/**
 * The Content-Security-Policy in every built HTML file (moved from tests/e2e/csp.spec.ts, which
 * read the files without a browser too; it still loads every page to catch violations at runtime).
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { CSP_DIRECTIVES, policyDirectives } from '../../src/lib/csp';
import { dist, localizedPages } from './dist';

const walk = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

// The raw text, not a parsed tree, on purpose: what counts is the bytes a browser reads, in order
// (a <meta> policy governs only what comes after it), and the exact text of each inline script.
it('every built HTML file has one policy, before any script, that allows exactly its inline scripts and styles', () => {
  const files = walk(dist).filter((f) => f.endsWith('.html'));
  expect(files.length).toBeGreaterThanOrEqual(localizedPages().length);
  const problems: string[] = [];
  for (const file of files) {
    const name = path.relative(dist, file);
    const html = readFileSync(file, 'utf8');
    const metas = [...html.matchAll(/<meta http-equiv="content-security-policy" content="([^"]*)"/gi)];
    if (metas.length !== 1) {
      problems.push(`${name}: ${metas.length} policies`);
      continue;
    }
    const policy = policyDirectives(metas[0][1]);
    for (const d of CSP_DIRECTIVES) if (!metas[0][1].includes(d)) problems.push(`${name}: lacks "${d}"`);
    for (const bad of ["'unsafe-inline'", "'unsafe-eval'", '*', 'data:', 'blob:', 'http:', 'https:']) {
      if (policy['script-src']?.includes(bad)) problems.push(`${name}: script-src has ${bad}`);
      if (policy['style-src']?.includes(bad)) problems.push(`${name}: style-src has ${bad}`);
    }
    if ('frame-ancestors' in policy)
      problems.push(`${name}: frame-ancestors is ignored in <meta> (it belongs in a header)`);
    // A <meta> policy governs only what comes after it.
    const metaAt = metas[0].index!;
    if (/<script/i.test(html.slice(0, metaAt))) problems.push(`${name}: a script before the policy runs unchecked`);
    for (const m of html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
      if (m[1] && !policy['script-src']?.includes(sha256(m[1])))
        problems.push(`${name}: inline script not in the policy: ${m[1].slice(0, 60)}`);
    }
    for (const m of html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)) {
      if (!policy['style-src']?.includes(sha256(m[1])))
        problems.push(`${name}: inline style not in the policy: ${m[1].slice(0, 60)}`);
    }
    // style-src has no 'unsafe-inline', so a style attribute would be blocked.
    if (/<[a-z][^>]*\sstyle=/i.test(html)) problems.push(`${name}: has a style attribute`);
    if (/\son[a-z]+=/i.test(html.replace(/<script[\s\S]*?<\/script>/gi, '')))
      problems.push(`${name}: has an inline event handler`);
  }
  expect(problems).toEqual([]);
});
