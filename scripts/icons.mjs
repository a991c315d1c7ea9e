// `npm run icons`: renders public/favicon.svg into the PNG icons the web app manifests name
// (src/lib/app-icons.ts lists them; src/pages/[lang]/manifest.webmanifest.ts serves the list), so
// anyone can remake them after changing the favicon. Chromium draws them (the one the end-to-end
// tests use: $CHROMIUM_PATH, the system's, or Playwright's own), from the SVG's text, with no
// network: nothing is fetched.
//
// - An 'any' icon is the favicon as it is, at the icon's size: the rounded plate, transparent corners.
// - The Apple touch icon (iOS ignores the manifest's icons and blackens transparent corners) is
//   opaque like a maskable one, the artwork at APPLE_SCALE of the width; iOS rounds the corners.
// - A 'maskable' icon is cropped by the launcher to its own shape, so the whole square is the
//   plate's colour (the favicon's first <rect>, grown to the square) and the favicon's artwork
//   takes MASKABLE_SCALE of the width in the middle. The script checks that nothing but that
//   colour lies outside the safe zone (the centred circle of SAFE_ZONE of the width in radius),
//   and writes no file if something does.
//
// The same Chromium draws the same bytes: run with the favicon unchanged, it rewrote the committed
// icons byte for byte (Debian's Chromium 150). Another version may shade a few edge pixels
// differently: look at the icons before committing them.
//
// Usage: npm run icons [-- --out DIR]   (DIR instead of public/, to compare before replacing)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { APP_ICONS, APPLE_TOUCH_ICON } from '../src/lib/app-icons.ts';
import { findChromium, root } from './lib/env.mjs';

/** The favicon's share of a maskable icon's width (today's rings then reach 21 % of it from the centre). */
const MASKABLE_SCALE = 0.6;
/** The favicon's share of the Apple touch icon's width: iOS's rounded square cuts less than a maskable mask. */
const APPLE_SCALE = 0.8;
/** The safe zone's radius as a share of the width (W3C Web App Manifest, "icon masks"). */
const SAFE_ZONE = 0.4;

const args = process.argv.slice(2);
const outArg = args.includes('--out') ? args[args.indexOf('--out') + 1] : undefined;
if (args.includes('--out') && !outArg) {
  console.error('usage: npm run icons [-- --out DIR]');
  process.exit(2);
}
const outDir = outArg ? path.resolve(outArg) : path.join(root, 'public');
const svg = readFileSync(path.join(root, 'public', 'favicon.svg'), 'utf8');

const executablePath = await findChromium();
if (!executablePath) {
  console.error(
    'No Chromium found to draw the icons: install one (Debian: apt-get install chromium; or: npx playwright install chromium) or set CHROMIUM_PATH to its executable.',
  );
  process.exit(1);
}
const browser = await chromium.launch({
  executablePath,
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});

// The next two functions run in the page (page.evaluate), where these are the browser's.
/* global DOMParser, XMLSerializer, Image, document */

/**
 * In the page: the favicon as a maskable icon's artwork. Its viewBox grows on every side so the
 * favicon takes `scale` of the width, and its plate (the first <rect>) grows to fill the new box
 * with square corners: the launcher's mask gives the shape.
 */
function maskableSvg({ svg, scale }) {
  const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = doc.documentElement;
  const box = (root.getAttribute('viewBox') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number);
  if (root.nodeName !== 'svg' || box.length !== 4 || box.some((n) => !Number.isFinite(n)))
    throw new Error('public/favicon.svg: an <svg> with a viewBox expected');
  const plate = root.querySelector(':scope > rect');
  if (!plate?.getAttribute('fill'))
    throw new Error('public/favicon.svg: no <rect> plate whose colour fills a maskable icon');
  const [x, y, w, h] = box;
  const [padX, padY] = [(w / scale - w) / 2, (h / scale - h) / 2];
  const grown = [x - padX, y - padY, w + 2 * padX, h + 2 * padY];
  root.setAttribute('viewBox', grown.join(' '));
  ['x', 'y', 'width', 'height'].forEach((a, i) => plate.setAttribute(a, String(grown[i])));
  plate.removeAttribute('rx');
  plate.removeAttribute('ry');
  return { svg: new XMLSerializer().serializeToString(doc), plate: plate.getAttribute('fill') };
}

/** In the page: how many pixels of a PNG outside the safe zone are not the plate's colour. */
async function pixelsOutsideSafeZone({ png, plate, safeZone }) {
  const img = new Image();
  img.src = png;
  await img.decode();
  const size = img.naturalWidth;
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  ctx.fillStyle = plate;
  ctx.fillRect(0, 0, 1, 1);
  const bg = ctx.getImageData(0, 0, 1, 1).data;
  ctx.drawImage(img, 0, 0);
  const data = ctx.getImageData(0, 0, size, size).data;
  let outside = 0;
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) {
      if (Math.hypot(x + 0.5 - size / 2, y + 0.5 - size / 2) <= safeZone * size) continue;
      const k = (y * size + x) * 4;
      if ([0, 1, 2, 3].some((c) => Math.abs(data[k + c] - bg[c]) > 2)) outside++;
    }
  return outside;
}

const dataUrl = (type, text) => `data:${type};charset=utf-8,${encodeURIComponent(text)}`;

let failed = false;
try {
  const context = await browser.newContext({ deviceScaleFactor: 1 });
  // Nothing leaves the machine: the page is set from a string and the SVG is a data: URL.
  await context.route('**/*', (route) => route.abort());
  const page = await context.newPage();

  for (const icon of [...APP_ICONS.filter((i) => i.type === 'image/png'), APPLE_TOUCH_ICON]) {
    const [width, height] = icon.sizes.split('x').map(Number);
    if (!width || width !== height) throw new Error(`${icon.src}: square sizes expected, got "${icon.sizes}"`);
    const maskable = icon.purpose === 'maskable';
    const apple = icon === APPLE_TOUCH_ICON;
    const art =
      maskable || apple
        ? await page.evaluate(maskableSvg, { svg, scale: apple ? APPLE_SCALE : MASKABLE_SCALE })
        : { svg };
    await page.setViewportSize({ width, height });
    await page.setContent(
      `<!doctype html><style>html,body{margin:0}img{display:block;width:${width}px;height:${height}px}</style>` +
        `<img alt="" src="${dataUrl('image/svg+xml', art.svg)}">`,
    );
    await page.locator('img').evaluate((img) => img.decode());
    // 'any': transparent around the rounded plate; maskable: opaque, the plate everywhere.
    const bytes = await page.screenshot({ omitBackground: !maskable && !apple });
    if (maskable) {
      const outside = await page.evaluate(pixelsOutsideSafeZone, {
        png: `data:image/png;base64,${bytes.toString('base64')}`,
        plate: art.plate,
        safeZone: SAFE_ZONE,
      });
      if (outside) {
        console.error(
          `${icon.src}: ${outside} pixels of the artwork lie outside the maskable safe zone; lower MASKABLE_SCALE in scripts/icons.mjs.`,
        );
        failed = true;
        continue;
      }
    }
    const file = path.join(outDir, ...icon.src.split('/').filter(Boolean));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    console.log(
      `${path.relative(process.cwd(), file)}: ${width}×${height}${maskable ? ', maskable' : apple ? ', opaque' : ''}, ${(bytes.length / 1024).toFixed(1)} KB`,
    );
  }
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
