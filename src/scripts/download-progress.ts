/** Downloads the learner's progress as a dated JSON file (the export button, wherever it is), and what was set aside. */
import { createExport, exportFileName } from '../lib/progress-export';
import { $progress } from '../stores/progress';
import { setAsideForDownload } from '../stores/storage';

function download(name: string, data: unknown): void {
  const blob = new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export function downloadProgress(): void {
  const now = Date.now();
  download(exportFileName(now), createExport($progress.get(), now));
}

/** Every damaged value kept aside (and any that could not be), as the raw text it was stored as. */
export function downloadSetAside(): void {
  download(`sales-course-set-aside-${new Date().toISOString().slice(0, 10)}.json`, setAsideForDownload());
}
