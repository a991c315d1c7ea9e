/**
 * The inline script of the 404 pages that puts back a '#' some mail and chat apps percent-encode:
 * an assignment or report link arrives as a path (/en/my-training/%23a1.…) that no page has, and
 * the script sends the reader to /en/my-training/#a1.… so the link still opens.
 *
 * The target is never taken from the address: it is this site's origin plus one of the pages that
 * take a code (my-training/, trainer/results/; under a language or not), and only when what follows
 * %23 is a code (code characters, then the punctuation a chat app may stick to a link). Reusing the
 * path as it came would be an open redirect: `http://site//evil.example/%23a1.x` has the path
 * `//evil.example/%23a1.x`, and `location.replace('//evil.example/#a1.x')` leaves the site.
 */
import { LOCALE_PATTERN } from '../i18n/locales';

/** The pages that read a code after '#'. */
export const CODE_PAGES = ['my-training', 'trainer/results'] as const;

export function hashRescueScript(): string {
  const page = new RegExp(
    `^/(?:(${LOCALE_PATTERN})/)?(${CODE_PAGES.map((p) => p.replace('/', '\\/')).join('|')})/?%23(.*)$`,
  );
  // As src/lib/assignment.ts reads codes ([ar]<version>.<base64url>.<checksum>), but a cut-off
  // code still counts (the page then says the link is damaged), and so does trailing punctuation.
  const code = /^[ar]\d{1,3}\.[A-Za-z0-9_-]*(?:\.[0-9a-z]*)?[\s.,;:!?)>\]}"'»”’]*$/;
  return `(function(){var m=${page}.exec(location.pathname);if(!m)return;var c;try{c=decodeURIComponent(m[3]).trim();}catch(e){return;}if(!${code}.test(c))return;location.replace(location.origin+'/'+(m[1]?m[1]+'/':'')+m[2]+'/#'+c);})();`;
}
