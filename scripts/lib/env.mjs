// Shared helpers for the project's Node scripts (start, test, serve).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Environment for child processes: this Node first on PATH, so `node` in children is the same one. */
export function childEnv(extra = {}) {
  const nodeDir = path.dirname(process.execPath);
  return { ...process.env, PATH: `${nodeDir}${path.delimiter}${process.env.PATH ?? ''}`, ...extra };
}

/** Runs a Node script of a package under this Node; resolves to its exit code. */
export function runNode(scriptPath, args = [], options = {}) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, scriptPath), ...args], {
      cwd: root,
      stdio: options.stdio ?? 'inherit',
      env: childEnv(options.env),
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
    child.on('error', () => resolve(1));
  });
}

/** The Chromium the end-to-end tests drive: $CHROMIUM_PATH, else the system's, else Playwright's own. */
export async function findChromium() {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  for (const c of candidates) if (c && existsSync(c)) return c;
  try {
    const { chromium } = await import('@playwright/test');
    const own = chromium.executablePath();
    if (own && existsSync(own)) return own;
  } catch {
    // Playwright not installed or has no browser of its own: fall through.
  }
  return null;
}
