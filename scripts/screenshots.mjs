// Screenshots of built pages at phone and desktop width, for looking at what we ship.
// Usage (with the site served, e.g. `npm start`):
//   node scripts/screenshots.mjs [--base http://localhost:4321] [--dark] [--full] /en/ /zh/some/page/ ...
// Writes PNGs to .tmp/shots/.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { findChromium, root } from './lib/env.mjs';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const base = option('base', 'http://localhost:4321');
const paths = args.filter((a, i) => a.startsWith('/') && args[i - 1] !== '--base');
const out = path.join(root, '.tmp', 'shots');
mkdirSync(out, { recursive: true });

const browser = await chromium.launch({
  executablePath: (await findChromium()) ?? undefined,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const sizes = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } };
for (const [name, viewport] of Object.entries(sizes)) {
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: 1,
    colorScheme: flag('dark') ? 'dark' : 'light',
  });
  const page = await context.newPage();
  for (const p of paths) {
    await page.goto(new URL(p, base).href);
    const file = path.join(
      out,
      `${p.replace(/\W+/g, '_').replace(/^_|_$/g, '') || 'root'}-${name}${flag('dark') ? '-dark' : ''}.png`,
    );
    await page.screenshot({ path: file, fullPage: flag('full') });
    console.log(file);
  }
  await context.close();
}
await browser.close();
