// A small static server for the built site (npm start, and the end-to-end tests).
// Why not `astro preview`: we want each language's own 404 page for a missing URL under
// /<lang>/, which is what a static host configured per language would do.
//
// Files are served by sirv (a maintained static-file middleware); this module adds what a static
// host does around it: the security headers of scripts/lib/headers.mjs on every response, /en ->
// /en/ redirects, per-language 404 pages, GET/HEAD only, and a 400 (never a crash) for any request
// it cannot make sense of. One bad request must not stop the server for everyone else.
import { createServer } from 'node:http';
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sirv from 'sirv';
import { SECURITY_HEADERS } from './lib/headers.mjs';

// Our own table rather than sirv's (mrmime): that one gives no charset for text files and knows
// nothing of Pagefind's index files, whose type would then go out empty. Anything else is sent as
// application/octet-stream, which with nosniff a browser will neither render nor run.
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
};
// A copy of LOCALE_IDS (src/i18n/locales.ts), since a plain .mjs cannot import TypeScript;
// tests/unit/locales.test.ts fails when the two differ.
export const LOCALES = ['en', 'ms', 'zh', 'lv'];
// Astro copies public/ into dist/, so the host configuration lands there too. Netlify and
// Cloudflare Pages read these files and do not publish them; we answer 404 likewise, so the
// local server behaves like the real host (and nobody links to a file that vanishes on deploy).
const HOST_CONFIG_FILES = new Set(['/_headers', '/_redirects']);

function contentType(file) {
  const ext = path.extname(file).toLowerCase();
  return TYPES[ext] ?? 'application/octet-stream';
}

/** A short plain-text answer (errors that have no page of their own). */
function plain(req, res, status, text, extra = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-cache', ...extra });
  res.end(req.method === 'HEAD' ? undefined : `${text}\n`);
}

/**
 * The request target as { pathname, search } with pathname still percent-encoded, or null when it
 * is not a path. Absolute-form ("GET http://host/path") must be accepted by an HTTP/1.1 server;
 * only its path is used, so the Host a client names never reaches a redirect.
 */
function target(rawUrl) {
  let raw = rawUrl ?? '';
  if (/^https?:\/\//i.test(raw)) {
    const url = new URL(raw); // throws on garbage; the caller answers 400
    raw = url.pathname + url.search;
  }
  if (!raw.startsWith('/')) return null; // "*", "example.com:443" and the like
  const hash = raw.indexOf('#'); // never sent by browsers; drop it rather than look it up
  if (hash > -1) raw = raw.slice(0, hash);
  const q = raw.indexOf('?');
  return q > -1 ? { pathname: raw.slice(0, q), search: raw.slice(q) } : { pathname: raw, search: '' };
}

/**
 * The decoded path, or null when it could name something outside the site: NUL, backslashes
 * (a separator on Windows, and "/\host" is read as "//host" by browsers in a Location), and "."
 * or ".." segments, also when they arrive encoded (%2e%2e, ..%2f). sirv has its own guard; this
 * one rejects such paths before any file-system call.
 */
function safePath(pathname) {
  const decoded = decodeURIComponent(pathname); // throws on malformed escapes; the caller answers 400
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  if (decoded.split('/').some((segment) => segment === '.' || segment === '..')) return null;
  return decoded;
}

/**
 * Starts the server; resolves once it listens (port 0 picks a free port: see server.address()).
 * @param {{ dir: string, port: number, host?: string }} options
 * @returns {Promise<import('node:http').Server>}
 */
export function serve({ dir, port, host = '127.0.0.1' }) {
  const root = path.resolve(dir);
  const isDirWithIndex = (rel) => {
    try {
      return statSync(path.join(root, rel)).isDirectory() && existsSync(path.join(root, rel, 'index.html'));
    } catch {
      return false;
    }
  };

  async function notFound(req, res, decoded) {
    const lang = decoded.split('/')[1];
    const candidates = LOCALES.includes(lang) ? [`${lang}/404/index.html`, '404.html'] : ['404.html'];
    for (const rel of candidates) {
      let body;
      try {
        body = await readFile(path.join(root, rel));
      } catch {
        continue; // that 404 page is not built; try the next
      }
      res.writeHead(404, {
        'Content-Type': TYPES['.html'],
        'Cache-Control': 'no-cache',
        'Content-Length': body.length,
      });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    plain(req, res, 404, 'Not found');
  }

  const files = sirv(root, {
    // Read from disk on each request (sirv's "dev" mode) like the server this replaced, so a
    // rebuild while it runs is served without a restart; ETag + no-cache revalidate cheaply.
    dev: true,
    etag: true,
    // No guessing "/404" -> "/404.html": a URL is a file or a directory with index.html, as on
    // the built site; directory URLs are rewritten to .../index.html below before sirv sees them.
    extensions: [],
    setHeaders(res, pathname) {
      res.setHeader('Content-Type', contentType(pathname));
    },
  });

  async function handle(req, res) {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      plain(req, res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
      return;
    }

    let t;
    let decoded;
    try {
      t = target(req.url);
      decoded = t && safePath(t.pathname);
    } catch {
      decoded = null; // malformed URL or percent-escape
    }
    if (!t || decoded == null) {
      plain(req, res, 400, 'Bad request');
      return;
    }
    const { pathname, search } = t;

    // "//" or "/en//x": one canonical URL per page. This also keeps every Location we send
    // starting with a single "/", never "//host" (which a browser would follow off-site).
    if (pathname.includes('//')) {
      res.writeHead(301, {
        Location: pathname.replace(/\/{2,}/g, '/') + search,
        'Cache-Control': 'no-cache',
        'Content-Length': 0,
      });
      res.end();
      return;
    }
    // Dotfiles and the host's configuration files are not part of the site.
    if (HOST_CONFIG_FILES.has(decoded) || decoded.split('/').some((segment) => segment.startsWith('.'))) {
      await notFound(req, res, decoded);
      return;
    }
    // /en -> /en/ (directory URLs always end in a slash, like on the built site's links).
    if (!decoded.endsWith('/') && isDirWithIndex(decoded)) {
      res.writeHead(301, { Location: pathname + '/' + search, 'Cache-Control': 'no-cache', 'Content-Length': 0 });
      res.end();
      return;
    }

    // sirv's byte ranges are parsed loosely (a suffix range "bytes=-500" is served as the first
    // 501 bytes, an inverted one throws after the headers went out); a course site needs no
    // partial responses, so every answer is the whole file.
    delete req.headers.range;
    req.url = (pathname.endsWith('/') ? pathname + 'index.html' : pathname) + search;
    // sirv pipes a file stream into the response without an error listener: if the file goes
    // away between its stat and the read (a rebuild), the stream's error would be thrown and end
    // the process. Catch it here and drop just that connection.
    res.once('pipe', (source) => source.once('error', () => res.destroy()));
    files(req, res, () => {
      notFound(req, res, decoded).catch((error) => fail(res, error));
    });
  }

  function fail(res, error) {
    console.error('serve.mjs:', error);
    if (!res.headersSent) {
      res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Internal server error\n');
    } else {
      res.destroy();
    }
  }

  const server = createServer((req, res) => {
    try {
      handle(req, res).catch((error) => fail(res, error));
    } catch (error) {
      fail(res, error);
    }
  });

  // A request Node cannot parse (garbage request line, bare LF, oversized headers, a body sent
  // with a bad length...) arrives here, not in the handler. Answer like Node would by default,
  // with our headers, and close that one socket; the server carries on.
  server.on('clientError', (error, socket) => {
    // As Node's own handler does: no raw reply into the middle of a response already under way.
    if (error.code === 'ECONNRESET' || !socket.writable || socket._httpMessage?.headersSent) {
      socket.destroy();
      return;
    }
    const status =
      error.code === 'HPE_HEADER_OVERFLOW'
        ? '431 Request Header Fields Too Large'
        : error.code === 'HPE_REQUEST_TIMEOUT' || error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
          ? '408 Request Timeout'
          : '400 Bad Request';
    const headers = Object.entries(SECURITY_HEADERS)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n${headers}\r\n`);
  });

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      // Errors after start-up (a socket that fails mid-write, say) are logged, not fatal.
      server.on('error', (error) => console.error('serve.mjs:', error));
      resolve(server);
    });
  });
}

// Run directly: node scripts/serve.mjs [--port 4321] [--host 127.0.0.1] [--dir dist]
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(`--${name}`);
    return i > -1 ? process.argv[i + 1] : fallback;
  };
  const here = path.dirname(fileURLToPath(import.meta.url));
  const dir = path.resolve(arg('dir', path.join(here, '..', 'dist')));
  const port = Number(arg('port', process.env.PORT ?? 4321));
  const host = arg('host', '127.0.0.1');
  if (!existsSync(dir)) {
    console.error(`No built site in ${dir}: run \`npm run build\` first.`);
    process.exit(1);
  }
  await serve({ dir, port, host });
  console.log(`Serving ${dir} on http://${host}:${port}/`);
}
