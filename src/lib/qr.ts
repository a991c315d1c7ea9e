/**
 * A QR code as one SVG path, from uqr's module matrix. One path of merged horizontal runs keeps a
 * 300-character link's code to a few kilobytes of DOM (one <rect> per module would be ~100 KB).
 */
import { encode } from 'uqr';

export function qrPath(text: string): { size: number; path: string } {
  // Error correction 'L': the code is read from a screen or a clean printout, not a worn label, and
  // the lowest level keeps a 4-module link with a note (~370 characters) at version 14 (73 modules)
  // instead of 16, so each module is bigger on a phone's camera.
  const { data, size } = encode(text, { ecc: 'L', border: 0 });
  let path = '';
  data.forEach((row, y) => {
    for (let x = 0; x < size; x++) {
      if (!row[x]) continue;
      let end = x;
      while (end + 1 < size && row[end + 1]) end++;
      path += `M${x} ${y}h${end - x + 1}v1h${-(end - x + 1)}z`;
      x = end;
    }
  });
  return { size, path };
}
