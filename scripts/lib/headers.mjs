// The response headers a static host should send with every file of the site, defined once:
// scripts/serve.mjs sends them, and public/_headers (which Netlify and Cloudflare Pages read,
// and Astro copies into dist/) is written from them. tests/unit/serve.test.ts fails when the
// committed public/_headers, this list and what the server sends disagree.
//
// Regenerate public/_headers after changing this file:  node scripts/lib/headers.mjs
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Sent with every response, whatever its status. */
export const SECURITY_HEADERS = Object.freeze({
  // Browsers must not guess a type: a text file or a 404 page is never run as a script.
  'X-Content-Type-Options': 'nosniff',
  // Links to other sites never learn which page (or lesson) the reader was on.
  'Referrer-Policy': 'no-referrer',
  // Only the directives a <meta> policy cannot carry or that no page needs: script and style
  // sources are limited by the policy Astro writes into each page as a <meta> tag, and a second
  // script-src here would be combined with it and could block what the page allows.
  'Content-Security-Policy': "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
  // frame-ancestors for browsers too old to know it: no clickjacking by framing the pages.
  'X-Frame-Options': 'DENY',
  // A page opened from the course (or opening one) gets no handle on the other's window.
  'Cross-Origin-Opener-Policy': 'same-origin',
  // The course needs none of these; an injected script or third-party frame cannot ask for them.
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
});

/** Astro puts a content hash in every file name under /_astro/, so a host may cache them forever. */
export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';

/** The text of public/_headers (Netlify / Cloudflare Pages format: a path pattern, then indented headers). */
export function headersFile() {
  const block = (pattern, headers) =>
    [pattern, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n');
  return [
    '# Generated from scripts/lib/headers.mjs (node scripts/lib/headers.mjs); do not edit by hand.',
    '# Read by Netlify and Cloudflare Pages; scripts/serve.mjs sends the same headers.',
    block('/*', SECURITY_HEADERS),
    '',
    block('/_astro/*', { 'Cache-Control': IMMUTABLE_CACHE }),
    '',
  ].join('\n');
}

export const headersFilePath = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  'public',
  '_headers',
);

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  writeFileSync(headersFilePath, headersFile());
  console.log(`Wrote ${headersFilePath}`);
}
