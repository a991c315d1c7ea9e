/**
 * A QR code as one SVG path, from uqr's module matrix. One path of merged horizontal runs keeps a
 * 300-character link's code to a few kilobytes of DOM (one <rect> per module would be ~100 KB).
 */
import { encode } from 'uqr';

export function qrPath(text: string): { size: number; path: string } {
  // Error correction 'M' still leaves a 4-module link at a size phones read from a screen.
  const { data, size } = encode(text, { ecc: 'M', border: 0 });
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
