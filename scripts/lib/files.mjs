import { readdir } from 'node:fs/promises';
import { join } from 'node:path';

/** Every file under a folder, as paths joined to it (the build hooks read dist/ with it). */
export async function filesUnder(dir) {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}
