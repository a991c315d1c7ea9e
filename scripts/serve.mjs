// A small static server for the built site (npm start, and the end-to-end tests).
// Why not `astro preview`: we want each language's own 404 page for a missing URL under
// /<lang>/, which is what a static host configured per language would do.
import { createServer } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

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
  '.pf_meta': 'application/octet-stream',
};
const LOCALES = ['en', 'ms', 'zh', 'lv'];

function fileFor(dir, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const target = path.join(dir, path.normalize(decoded));
  if (!target.startsWith(dir)) return null; // no way out of dist/
  if (existsSync(target) && statSync(target).isFile()) return target;
  const index = path.join(target, 'index.html');
  if (existsSync(index)) return index;
  return null;
}

/** Starts the server; resolves once it listens. */
export function serve({ dir, port, host = '127.0.0.1' }) {
  const root = path.resolve(dir);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const pathname = url.pathname;
    // /en -> /en/ (directory URLs always end in a slash, like on the built site's links)
    if (!path.extname(pathname) && !pathname.endsWith('/') && fileFor(root, pathname + '/')) {
      res.writeHead(301, { Location: pathname + '/' + url.search });
      res.end();
      return;
    }
    let file = fileFor(root, pathname);
    let status = 200;
    if (!file) {
      status = 404;
      const lang = pathname.split('/')[1];
      file = (LOCALES.includes(lang) && fileFor(root, `/${lang}/404/`)) || fileFor(root, '/404.html');
    }
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return;
    }
    res.writeHead(status, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
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
