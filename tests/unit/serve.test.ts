// scripts/serve.mjs serves the built site for `npm start` and the end-to-end tests. One request,
// however malformed, must not stop it; it must never hand out a file from outside the site; and
// every answer carries the security headers that public/_headers gives a real static host.
// Requests go over raw TCP so they arrive exactly as written (fetch and http.request would
// normalise or refuse most of them before they reach the server).
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { connect, createServer as createNetServer, type AddressInfo, type Server as NetServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { headersFile, headersFilePath, SECURITY_HEADERS } from '../../scripts/lib/headers.mjs';
import { serve } from '../../scripts/serve.mjs';

const SECRET = 'TOP-SECRET-do-not-serve';
const BODY = {
  index: '<!doctype html><title>root</title>root index',
  en: '<!doctype html><title>en</title>english home',
  en404: '<!doctype html><title>en 404</title>english not found',
  root404: '<!doctype html><title>404</title>root not found',
  js: 'console.log("fingerprinted");',
  css: 'body{color:red}',
};

let base: string;
let site: string;
let server: Server;
let port: number;
let unixSocket: NetServer;

interface Reply {
  raw: string;
  status: number | null;
  headers: Record<string, string>;
  body: string;
}

function parse(raw: string): Reply {
  const end = raw.indexOf('\r\n\r\n');
  const head = end > -1 ? raw.slice(0, end) : raw;
  const [statusLine = '', ...lines] = head.split('\r\n');
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  let body = end > -1 ? raw.slice(end + 4) : '';
  if (headers['transfer-encoding'] === 'chunked') body = unchunk(body);
  return { raw, status: match ? Number(match[1]) : null, headers, body };
}

/** The payload of a chunked body (responses without Content-Length come this way). */
function unchunk(body: string): string {
  let out = '';
  let rest = body;
  for (;;) {
    const lineEnd = rest.indexOf('\r\n');
    const size = lineEnd > -1 ? parseInt(rest.slice(0, lineEnd), 16) : NaN;
    if (!(size > 0)) return out;
    out += rest.slice(lineEnd + 2, lineEnd + 2 + size);
    rest = rest.slice(lineEnd + 2 + size + 2);
  }
}

/** Writes `request` to a fresh connection and collects everything until the server closes it. */
function send(request: string | Buffer, { halfClose = false, timeout = 3000 } = {}): Promise<Reply> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    const socket = connect(port, '127.0.0.1');
    const done = () => {
      clearTimeout(timer);
      socket.destroy();
      resolve(parse(Buffer.concat(chunks).toString('latin1')));
    };
    const timer = setTimeout(done, timeout);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('close', done);
    socket.on('error', done); // a reset is an answer too: the check that follows says if the server lives
    socket.write(request, () => {
      if (halfClose) socket.end();
    });
  });
}

const get = (target: string, method = 'GET', extra = '') =>
  send(`${method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n${extra}\r\n`);

beforeAll(async () => {
  base = mkdtempSync(path.join(tmpdir(), 'serve-test-'));
  site = path.join(base, 'site');
  // Beside the site, where a traversal would land; also a sibling whose name starts like the site's.
  writeFileSync(path.join(base, 'secret.txt'), SECRET);
  mkdirSync(path.join(base, 'site-other'));
  writeFileSync(path.join(base, 'site-other', 'secret.txt'), SECRET);
  mkdirSync(path.join(site, 'en', '404'), { recursive: true });
  mkdirSync(path.join(site, '_astro'));
  writeFileSync(path.join(site, 'index.html'), BODY.index);
  writeFileSync(path.join(site, 'en', 'index.html'), BODY.en);
  writeFileSync(path.join(site, 'en', '404', 'index.html'), BODY.en404);
  writeFileSync(path.join(site, '404.html'), BODY.root404);
  writeFileSync(path.join(site, '_astro', 'x.js'), BODY.js);
  writeFileSync(path.join(site, 'a.css'), BODY.css);
  writeFileSync(path.join(site, '_headers'), headersFile());
  writeFileSync(path.join(site, '.env'), SECRET);
  // A Unix socket looks like a file to stat() but cannot be opened (ENXIO): the same failure as
  // a file removed by a rebuild between sirv's stat and its read.
  unixSocket = createNetServer();
  await new Promise<void>((resolve) => unixSocket.listen(path.join(site, 'gone.txt'), resolve));

  server = await serve({ dir: site, port: 0, host: '127.0.0.1' });
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((resolve) => server?.close(resolve));
  await new Promise((resolve) => unixSocket?.close(resolve));
  rmSync(base, { recursive: true, force: true });
});

// An exception escaping the server would end a real `node scripts/serve.mjs`; inside vitest the
// process lives on, so catch each one here and fail the request that caused it.
const escaped: unknown[] = [];
const onEscape = (error: unknown) => escaped.push(error);
beforeAll(() => {
  process.on('uncaughtException', onEscape);
  process.on('unhandledRejection', onEscape);
});
afterAll(() => {
  process.off('uncaughtException', onEscape);
  process.off('unhandledRejection', onEscape);
});

async function expectAlive() {
  const reply = await get('/en/');
  expect(reply.status, 'the server stopped answering GET /en/').toBe(200);
  expect(reply.body).toBe(BODY.en);
}

// [name, request, expected status (null: any answer or none, e.g. when the client hung up)]
const HOSTILE: [string, string | Buffer, number | null, { halfClose?: boolean }?][] = [
  ['GET //', 'GET // HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 301],
  ['GET //[', 'GET //[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 301],
  ['GET /%', 'GET /% HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 400],
  ['GET /%E0%A4%A (truncated UTF-8 escape)', 'GET /%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 400],
  ['GET /%00', 'GET /%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 400],
  ['GET /..%2f..%2fetc%2fpasswd', 'GET /..%2f..%2fetc%2fpasswd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 400],
  ['GET /../../etc/passwd', 'GET /../../etc/passwd HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 400],
  ['garbage request line', 'HELLO\r\n\r\n', 400],
  [
    '100 KB header',
    `GET /en/ HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(100 * 1024)}\r\nConnection: close\r\n\r\n`,
    431,
  ],
  [
    'absolute-form GET http://evil.example/',
    'GET http://evil.example/ HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n',
    200,
  ],
  [
    'POST / with a body',
    'POST / HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello',
    405,
  ],
  ['DELETE /', 'DELETE / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 405],
  ['OPTIONS /', 'OPTIONS / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 405],
  ['OPTIONS *', 'OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 405],
  ['GET * (asterisk-form)', 'GET * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 400],
  ['bare \\n line endings', 'GET /en/ HTTP/1.1\nHost: x\nConnection: close\n\n', 400],
  ['unterminated request, client hangs up', 'GET /en/ HTTP/1.1\r\nHost: x\r\nX-Half', null, { halfClose: true }],
  ['no Host header', 'GET /en/ HTTP/1.1\r\nConnection: close\r\n\r\n', 400],
  [
    'request line with raw bytes',
    Buffer.from('GET /\xff\xfe HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 'latin1'),
    400,
  ],
  ['GET /%2e%2e/secret.txt', 'GET /%2e%2e/secret.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', 400],
  [
    'GET /%5c..%5csecret.txt (encoded backslashes)',
    'GET /%5c..%5csecret.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    400,
  ],
  ['inverted byte range', 'GET /a.css HTTP/1.1\r\nHost: x\r\nRange: bytes=9-2\r\nConnection: close\r\n\r\n', 200],
  ['a file that cannot be read', 'GET /gone.txt HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n', null],
];

describe('serve.mjs survives hostile requests', () => {
  let survived = 0;

  it.each(HOSTILE)('%s', async (_name, request, status, options) => {
    escaped.length = 0;
    const reply = await send(request, options);
    expect(escaped.map(String), 'an exception escaped the server').toEqual([]);
    if (status !== null) expect(reply.status).toBe(status);
    expect(reply.raw).not.toContain(SECRET);
    await expectAlive();
    survived++;
  });

  it('survived every one of them', () => {
    console.log(`serve.mjs survived ${survived} of ${HOSTILE.length} hostile requests`);
    expect(`survived ${survived} of ${HOSTILE.length}`).toBe(`survived ${HOSTILE.length} of ${HOSTILE.length}`);
  });
});

describe('serve.mjs never serves a file from outside its folder', () => {
  const attempts = [
    '/../secret.txt',
    '/en/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/%2E%2E%2Fsecret.txt',
    '/..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%5c..%5csecret.txt',
    '/..%252fsecret.txt',
    '/.%2e/site-other/secret.txt',
    '/../site-other/secret.txt',
    '/secret.txt%00.html',
    '/en/%00/../../secret.txt',
    '//../secret.txt',
    '/.env',
  ];
  it.each(attempts)('%s', async (target) => {
    const reply = await get(target);
    expect(reply.status).not.toBe(200);
    expect(reply.raw).not.toContain(SECRET);
  });
});

describe('serve.mjs behaves like the static host', () => {
  it('serves pages and assets with the right types', async () => {
    const index = await get('/');
    expect(index.status).toBe(200);
    expect(index.body).toBe(BODY.index);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    const js = await get('/_astro/x.js');
    expect(js.status).toBe(200);
    expect(js.body).toBe(BODY.js);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    const css = await get('/a.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(css.body).toBe(BODY.css);
  });

  it('redirects a directory URL to its slash form, keeping the query', async () => {
    const plain = await get('/en');
    expect(plain.status).toBe(301);
    expect(plain.headers.location).toBe('/en/');
    const query = await get('/en?a=1&b=2');
    expect(query.status).toBe(301);
    expect(query.headers.location).toBe('/en/?a=1&b=2');
  });

  it('never redirects off-site', async () => {
    for (const target of ['//en', '///evil.example/', '//evil.example/%2e%2e']) {
      const reply = await get(target);
      expect(reply.headers.location ?? '/').toMatch(/^\/(?!\/)/);
    }
  });

  it('answers a missing page under /en/ with the English 404 page', async () => {
    const reply = await get('/en/missing/');
    expect(reply.status).toBe(404);
    expect(reply.body).toBe(BODY.en404);
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('answers any other missing page with the root 404 page', async () => {
    for (const target of ['/nowhere/', '/404', '/de/missing/', '/_astro']) {
      const reply = await get(target);
      expect(reply.status, target).toBe(404);
      expect(reply.body, target).toBe(BODY.root404);
    }
  });

  it('does not publish the host configuration file, as Netlify and Cloudflare do not', async () => {
    const reply = await get('/_headers');
    expect(reply.status).toBe(404);
    expect(reply.body).toBe(BODY.root404);
  });

  it('answers HEAD without a body', async () => {
    for (const target of ['/en/', '/nowhere/', '/_astro/x.js']) {
      const reply = await get(target, 'HEAD');
      expect(reply.status, target).not.toBeNull();
      expect(reply.body, target).toBe('');
    }
  });

  it('answers 405 with Allow for methods other than GET and HEAD', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE']) {
      const reply = await get('/en/', method);
      expect(reply.status, method).toBe(405);
      expect(reply.headers.allow, method).toBe('GET, HEAD');
    }
  });
});

describe('security headers', () => {
  const cases: [string, string, number][] = [
    ['a page', '/en/', 200],
    ['an asset', '/_astro/x.js', 200],
    ['a redirect', '/en', 301],
    ['a 404', '/en/missing/', 404],
    ['a 405', '/en/', 405],
    ['a 400', '/%', 400],
  ];
  it.each(cases)('are on %s', async (_name, target, status) => {
    const reply = await get(target, status === 405 ? 'DELETE' : 'GET');
    expect(reply.status).toBe(status);
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      expect(reply.headers[name.toLowerCase()], name).toBe(value);
  });

  it('are on the raw answer to a request Node cannot parse', async () => {
    const reply = await send('HELLO\r\n\r\n');
    expect(reply.status).toBe(400);
    for (const [name, value] of Object.entries(SECURITY_HEADERS))
      expect(reply.headers[name.toLowerCase()], name).toBe(value);
  });

  it('are exactly the ones the server sends, as written in public/_headers', async () => {
    const file = readFileSync(headersFilePath, 'utf8');
    expect(file, 'public/_headers is stale: run `node scripts/lib/headers.mjs`').toBe(headersFile());
    // Read the /* block as Netlify and Cloudflare Pages would, and compare with a live answer.
    const block: Record<string, string> = {};
    let inAll = false;
    for (const line of file.split('\n')) {
      if (!line.trim() || line.startsWith('#')) continue;
      if (!/^\s/.test(line)) {
        inAll = line.trim() === '/*';
        continue;
      }
      if (inAll) {
        const colon = line.indexOf(':');
        block[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
      }
    }
    expect(block).toEqual(SECURITY_HEADERS);
    const reply = await get('/en/');
    for (const [name, value] of Object.entries(block)) expect(reply.headers[name.toLowerCase()], name).toBe(value);
  });
});
