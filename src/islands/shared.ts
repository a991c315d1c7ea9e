/** Browser chores the trainer and "My training" islands share. */

/** Copies text; false when the browser refuses (no permission, insecure context), so the page can say so. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Saves text as a file. Kept as a Blob (not a data: URL), so large CSVs work too.
 * src/scripts/download-progress.ts does the same for the progress export on its own on purpose:
 * sharing this with it would add a JavaScript file to every page of the site.
 */
export function downloadText(fileName: string, text: string, type: string): void {
  downloadBlob(fileName, new Blob([text], { type }));
}

/** Saves a file the page made (a CSV, an Excel workbook) under `fileName`. */
export function downloadBlob(fileName: string, blob: Blob): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

// Date formatting is pure, so it lives (and is tested) in src/lib/format.ts; re-exported for the islands.
export { formatDate, formatDue } from '../lib/dates';

/**
 * The code in the address, if the fragment looks meant as one: a link mangled on the way (spaces,
 * percent-encoding, capitals) still gets a message, while in-page anchors like #main are left alone.
 */
export function codeInHash(): string | null {
  let text = location.hash.slice(1);
  try {
    text = decodeURIComponent(text);
  } catch {
    /* keep it as it is */
  }
  text = text.trim().replace(/^\/+/, '');
  return /^[ar]\d/i.test(text) || text.length > 40 ? text : null;
}
