/**
 * The Content-Security-Policy's pieces that are ours (Astro adds the hashes of its own bundled
 * scripts and styles). Imported by astro.config.mjs and by the tests, so the policy the site ships
 * and the policy the tests expect are one value.
 */
import { createHash } from 'node:crypto';

/**
 * Directives besides script-src and style-src (those Astro writes itself, from hashes). Nothing on
 * the site loads from another host, so everything is 'self'. No data: for images: nothing uses it
 * (the QR code is an inline <svg>). `frame-ancestors` is deliberately absent: browsers ignore it in
 * a <meta> policy and log an error; it is sent as an HTTP header instead.
 */
export const CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
] as const;

/** The CSP source for an inline script or style: `sha256-<base64 of the SHA-256 of its text>`. */
export function cspHash(text: string): `sha256-${string}` {
  return `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;
}

/** The part of `Astro` this needs (undefined `csp` when security.csp is off). */
interface WithCsp {
  csp?: { insertScriptHash(hash: `sha256-${string}`): void };
}

/**
 * Adds the hash of an inline script to the page's policy and returns the script, to be rendered
 * as `<script is:inline set:html={returned} />`: the hash comes from the very string the page
 * renders, so the two cannot drift apart. Astro does not hash `is:inline` scripts itself.
 *
 * Call it in a PAGE's frontmatter: Astro writes the policy's <meta> when it closes <head>, so a
 * hash added later (by a component rendered in <body>) would miss the policy. And render the
 * script after that <meta> (first in <body>): a script before it would run unchecked.
 * tests/unit/csp.test.ts and tests/e2e/csp.spec.ts check both. A page that renders the script only
 * sometimes passes '' when it does not, and renders `{x && <script … />}`.
 */
export function allowInlineScript(astro: WithCsp, code: string): string {
  // A page that needs no script passes '': no hash for a script it does not render.
  if (code) astro.csp?.insertScriptHash(cspHash(code));
  return code;
}

/** A policy's directives by name, e.g. { 'script-src': ["'self'", "'sha256-…'"] } (the tests read built pages with it). */
export function policyDirectives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name, values];
      }),
  );
}
