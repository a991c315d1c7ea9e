/**
 * A test LMS: a Node server that serves unzipped packages and an LMS page holding the SCORM API
 * the way an LMS does — scorm-again's runtime on the parent window, the package in an iframe —
 * with the LMS's database in this process: what the runtime commits (to its lmsCommitUrl, as a
 * real LMS's runtime posts to its server) is kept per learner attempt and handed back at the next
 * launch, with entry=resume after a suspend, as an LMS does.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..', '..', '..');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.xsd': 'application/xml',
};

/** The LMS page: ?v=12|2004&key=<attempt>&pkg=<folder> */
const HOST = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Test LMS</title>
<script src="/scorm-again/scorm12.min.js"></script>
<script src="/scorm-again/scorm2004.min.js"></script>
<style>body{margin:0} iframe{border:0;width:100vw;height:100vh;display:block}</style>
</head><body>
<iframe id="sco" title="Course"></iframe>
<script>
(async () => {
  const q = new URLSearchParams(location.search);
  const v = q.get('v'), key = q.get('key');
  const saved = await (await fetch('/db/' + key)).json();
  const settings = { lmsCommitUrl: '/db/' + key, dataCommitFormat: 'flattened', autocommit: false, logLevel: 4 };
  const api = v === '12' ? new Scorm12API(settings) : new Scorm2004API(settings);
  // What an LMS hands a relaunched attempt: the saved data, resumed after a suspend.
  const keep = /^cmi\\.(suspend_data|core\\.lesson_location|location|core\\.lesson_status|completion_status|success_status|core\\.score\\.|score\\.|interactions\\.)/;
  const initial = Object.fromEntries(Object.entries(saved).filter(([k]) => keep.test(k)));
  if (q.get('mastery')) initial[v === '12' ? 'cmi.student_data.mastery_score' : 'cmi.scaled_passing_score'] = q.get('mastery');
  if (Object.keys(initial).length) api.loadFromFlattenedJSON(initial);
  const exit = saved['cmi.core.exit'] ?? saved['cmi.exit'];
  if (exit === 'suspend') {
    if (v === '12') api.cmi.core.entry = 'resume'; else api.cmi.entry = 'resume';
  }
  window.lmsCalls = [];
  for (const name of v === '12' ? ['LMSInitialize', 'LMSCommit', 'LMSFinish'] : ['Initialize', 'Commit', 'Terminate'])
    api.on(name, () => window.lmsCalls.push(name));
  if (v === '12') window.API = api; else window.API_1484_11 = api;
  document.getElementById('sco').src = '/pkg/' + q.get('pkg') + '/index.html';
})();
</script>
</body></html>`;

export interface TestLms {
  url: string;
  /** The LMS's database: learner attempt → the flattened CMI data last committed */
  db: Map<string, Record<string, string>>;
  /** Every commit body received, per attempt, in order */
  commits: Map<string, Record<string, string>[]>;
  /** Makes the next n commits of an attempt fail, as an LMS that is down answers */
  failCommits(key: string, n: number): void;
  close(): Promise<void>;
}

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => resolve(data));
  });
}

/** Starts the test LMS over packages unzipped in `packagesDir/<name>/`; extra handles other paths (an LRS). */
export async function startTestLms(
  packagesDir: string,
  extra?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>,
): Promise<TestLms> {
  const db = new Map<string, Record<string, string>>();
  const commits = new Map<string, Record<string, string>[]>();
  const failing = new Map<string, number>();
  const server: Server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    const send = (status: number, type: string, data: string | Buffer) => {
      res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(data);
    };
    if (extra && (await extra(req, res))) return;
    if (url.pathname === '/host.html') return send(200, TYPES['.html'], HOST);
    const dbKey = /^\/db\/([\w-]+)$/.exec(url.pathname)?.[1];
    if (dbKey) {
      if (req.method === 'GET') return send(200, TYPES['.json'], JSON.stringify(db.get(dbKey) ?? {}));
      const data = JSON.parse((await body(req)) || '{}') as Record<string, string>;
      const left = failing.get(dbKey) ?? 0;
      if (left > 0) {
        failing.set(dbKey, left - 1);
        return send(500, TYPES['.json'], JSON.stringify({ result: false, errorCode: 101 }));
      }
      db.set(dbKey, { ...(db.get(dbKey) ?? {}), ...data });
      commits.set(dbKey, [...(commits.get(dbKey) ?? []), data]);
      return send(200, TYPES['.json'], JSON.stringify({ result: true, errorCode: 0 }));
    }
    let file: string | null = null;
    if (url.pathname.startsWith('/scorm-again/'))
      file = path.join(root, 'node_modules/scorm-again/dist', path.basename(url.pathname));
    else if (url.pathname.startsWith('/pkg/')) {
      file = path.join(packagesDir, decodeURIComponent(url.pathname.slice('/pkg/'.length)));
      if (!file.startsWith(packagesDir)) file = null;
    }
    if (file && existsSync(file) && statSync(file).isFile())
      return send(200, TYPES[path.extname(file)] ?? 'application/octet-stream', readFileSync(file));
    send(404, 'text/plain', 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    db,
    commits,
    failCommits: (key, n) => failing.set(key, n),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
