/** What the dist checks share: the built site's files, parsed once, and the real server over them. */
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { serve } from '../../scripts/serve.mjs';

export { LANGS, SITE_NAMES, TAGS, UI, langOf, lessonPages, localizedPages, type Lang } from '../e2e/site';

export const root = path.resolve(import.meta.dirname, '..', '..');
export const dist = path.join(root, 'dist');
if (!existsSync(path.join(dist, 'en', 'index.html')))
  throw new Error('tests/dist reads the built site: run `npm run build` first.');

const cache = new Map<string, HTMLElement>();
/** The parsed HTML of a built page, by URL path ('/en/glossary/') or file ('404.html'). */
export function page(pathname: string): HTMLElement {
  let doc = cache.get(pathname);
  if (!doc) {
    const file = pathname.endsWith('/') ? path.join(dist, pathname, 'index.html') : path.join(dist, pathname);
    doc = parse(readFileSync(file, 'utf8'), { comment: false });
    cache.set(pathname, doc);
  }
  return doc;
}

/** Text as a reader gets it from the markup: no scripts, styles or templates; whitespace collapsed. */
export function text(el: HTMLElement): string {
  const clone = parse(el.outerHTML);
  for (const hidden of clone.querySelectorAll('script, style, template')) hidden.remove();
  return clone.textContent.replace(/\s+/g, ' ').trim();
}

/** scripts/serve.mjs over dist/ on a free port, as the end-to-end tests and `npm start` use it. */
export async function startServer(): Promise<{ base: string; close: () => Promise<void> }> {
  const server: Server = await serve({ dir: dist, port: 0, host: '127.0.0.1' });
  const { port } = server.address() as AddressInfo;
  return {
    base: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
