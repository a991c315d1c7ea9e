/** Downloads the learner's progress as a dated JSON file (the export button, wherever it is). */
import { createExport, exportFileName } from '../lib/progress-export';
import { $progress } from '../stores/progress';

export function downloadProgress(): void {
  const now = Date.now();
  const blob = new Blob([JSON.stringify(createExport($progress.get(), now), null, 2)], { type: 'application/json' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = exportFileName(now);
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
