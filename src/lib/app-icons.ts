/**
 * The icons every language's web app manifest names (src/pages/[lang]/manifest.webmanifest.ts) and
 * the theme colour the manifests and every page's <meta name="theme-color"> give. The PNGs are
 * rendered from public/favicon.svg by `npm run icons` (scripts/icons.mjs), which reads this list:
 * a size added here is a file the script makes.
 */

export interface AppIcon {
  /** Root path of the file (public/ in the source, dist/ once built). */
  src: string;
  /** 'WxH' for a PNG, 'any' for the SVG itself. */
  sizes: string;
  type: 'image/png' | 'image/svg+xml';
  /**
   * 'maskable': the launcher crops it to its own shape (circle, squircle...), so the background
   * fills the whole square and the artwork keeps inside the safe zone (the centred circle of 40 %
   * of the width in radius). Left out: 'any', shown as it is.
   */
  purpose?: 'maskable';
}

export const THEME_COLOR = '#0b5cad';

export const APP_ICONS: readonly AppIcon[] = [
  { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
  { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
  { src: '/icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
  { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
];

/**
 * The icon iOS puts on the home screen (<link rel="apple-touch-icon"> in src/layouts/Base.astro):
 * iOS ignores the manifest's icons and fills a transparent corner with black, so this one is
 * opaque, the plate's colour to the edges (iOS rounds the corners itself), at the 180 px iPhones use.
 */
export const APPLE_TOUCH_ICON: AppIcon = { src: '/icons/apple-touch-icon.png', sizes: '180x180', type: 'image/png' };
