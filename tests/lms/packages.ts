/**
 * LMS packages for the tests, made the way a trainer's automation makes them: `npm run package`
 * (scripts/package.mjs) on the built site, then unzipped.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';

export const root = path.resolve(import.meta.dirname, '..', '..');

/** The one-module SCORM 2004 package the issue names: a module in fixed Latvian, passed at 80 %. */
export const MODULE_2004_LV = [
  '--format',
  'scorm2004',
  '--lessons',
  'relationship-selling',
  '--lang',
  'lv',
  '--mastery',
  '80',
  '--title',
  'Attiecību pārdošana',
];

export interface BuiltPackage {
  zip: string;
  bytes: number;
  files: Record<string, Uint8Array>;
  /** Where it was unzipped */
  dir: string;
}

/** Runs `npm run package -- <args>` into `outDir/<name>.zip` and unzips it to `outDir/<name>/`. */
export function buildPackage(name: string, args: string[], outDir: string): BuiltPackage {
  mkdirSync(outDir, { recursive: true });
  const zip = path.join(outDir, `${name}.zip`);
  const run = spawnSync(process.execPath, [path.join(root, 'scripts/package.mjs'), ...args, '--out', zip], {
    cwd: root,
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`npm run package failed:\n${run.stdout}\n${run.stderr}`);
  const data = readFileSync(zip);
  const files = unzipSync(new Uint8Array(data));
  const dir = path.join(outDir, name);
  for (const [file, bytes] of Object.entries(files)) {
    if (file.endsWith('/')) continue;
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), bytes);
  }
  return { zip, bytes: data.length, files, dir };
}
