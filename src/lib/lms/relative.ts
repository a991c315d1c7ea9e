/**
 * An LMS package is a folder the LMS serves from wherever it likes (Moodle under pluginfile.php,
 * TalentLMS from a CDN), so nothing in it may start at the site root: after the build, every
 * root path in the package's pages becomes a path relative to the page (scripts/lib/lms-dist.mjs).
 * Pure string work, so the same rules are unit-tested here.
 *
 * The package's layout: the site's `/lms/…` is the package root, and the site's `/_astro/…` and
 * `/favicon.svg` sit at the package root too. A folder address gets its `index.html` written out:
 * an LMS that serves files through a script does not turn `glossary/` into `glossary/index.html`.
 */

/** The package path of a site path, or null when the path leads out of the package. */
export function packagePath(sitePath: string): string | null {
  const [path, suffix = ''] = splitSuffix(sitePath);
  let inPackage: string;
  if (path === '/lms' || path.startsWith('/lms/')) inPackage = path.slice('/lms/'.length);
  else if (path.startsWith('/_astro/') || path === '/favicon.svg') inPackage = path.slice(1);
  else return null;
  if (inPackage === '' || inPackage.endsWith('/')) inPackage += 'index.html';
  return inPackage + suffix;
}

function splitSuffix(path: string): [string, string] {
  const at = path.search(/[?#]/);
  return at < 0 ? [path, ''] : [path.slice(0, at), path.slice(at)];
}

/** `to` (a package path) as seen from the page at package path `from`: 'en/a/index.html', '_astro/x.js' -> '../../_astro/x.js'. */
export function relativePath(from: string, to: string): string {
  const [target, suffix] = splitSuffix(to);
  const fromDirs = from.split('/').slice(0, -1);
  const toParts = target.split('/');
  let common = 0;
  while (common < fromDirs.length && common < toParts.length - 1 && fromDirs[common] === toParts[common]) common++;
  const up = fromDirs.length - common;
  const rel = [...Array<string>(up).fill('..'), ...toParts.slice(common)].join('/');
  return rel + suffix;
}

// Attributes that hold addresses in the pages Astro writes (astro-island loads its component and
// renderer from the last two).
const ADDRESS = /(\s(?:href|src|component-url|renderer-url|before-hydration-url)=")(\/(?!\/)[^"]*)"/g;

/**
 * A built page of the package with every root path made relative to it. Throws on a path that
 * leads out of the package: a link to the site's trainer page inside an LMS would be a dead end,
 * so the build stops instead of shipping it.
 */
export function relativizeHtml(html: string, pagePath: string): string {
  return html.replace(ADDRESS, (_, attr: string, path: string) => {
    const inPackage = packagePath(path.replaceAll('&amp;', '&'));
    if (inPackage === null) throw new Error(`${pagePath} links out of the LMS package: ${path}`);
    return `${attr}${relativePath(pagePath, inPackage).replaceAll('&', '&amp;')}"`;
  });
}

/** The package paths of the scripts, styles and images a page or a script names (for the list of files to ship). */
export function referencedFiles(text: string, filePath: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?:href|src|component-url|renderer-url|before-hydration-url)="([^"#?]+)/g)) {
    if (/^[a-z]+:|^\/\/|^#/.test(m[1])) continue;
    found.add(resolve(filePath, m[1]));
  }
  // Module imports between built scripts are relative ('./core.js'), also inside Vite's list of
  // files to preload.
  for (const m of text.matchAll(/["'`](\.\.?\/[\w.-]+\.(?:js|css|svg|woff2?))["'`]/g))
    found.add(resolve(filePath, m[1]));
  return [...found].filter((p) => !p.endsWith('.html'));
}

function resolve(from: string, rel: string): string {
  if (rel.startsWith('/')) return packagePath(rel) ?? rel.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const seg of rel.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}
