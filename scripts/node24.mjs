// Runs a project script under a Node new enough for Astro 7 (>= 22.12).
// Machines here ship Node 20, so rather than asking people to install Node by hand we re-run the
// script under Node 24 from the npm registry (`npx -y node@24`), which needs nothing but npm.
// Usage: node scripts/node24.mjs <script.mjs> [args...]
import { spawn } from 'node:child_process';

const MIN = [22, 12];
const [major, minor] = process.versions.node.split('.').map(Number);
const recentEnough = major > MIN[0] || (major === MIN[0] && minor >= MIN[1]);
const [script, ...args] = process.argv.slice(2);

if (!script) {
  console.error('usage: node scripts/node24.mjs <script> [args...]');
  process.exit(2);
}

let command;
let commandArgs;
if (recentEnough) {
  command = process.execPath;
  commandArgs = [script, ...args];
} else {
  console.log(
    `Node ${process.version} is older than 22.12: running under Node 24 from the npm registry (npx node@24).`,
  );
  command = process.platform === 'win32' ? 'npx.cmd' : 'npx';
  commandArgs = ['-y', 'node@24', script, ...args];
}

// Children that call `node` by name (Playwright's web server, for one) must get the same Node:
// the running script puts its own Node first on PATH (see scripts/lib/env.mjs).
const child = spawn(command, commandArgs, { stdio: 'inherit', env: process.env });
const forward = (signal) => child.kill(signal);
process.on('SIGINT', forward);
process.on('SIGTERM', forward);
child.on('exit', (code, signal) => {
  if (signal) process.kill(process.pid, signal);
  process.exit(code ?? 1);
});
child.on('error', (err) => {
  console.error(`Could not start ${command}: ${err.message}`);
  process.exit(1);
});
