/**
 * Decides the locale of a request once, from the URL, and hands every page and component what it
 * needs for that language on `Astro.locals` (types in src/env.d.ts), so no page casts
 * `Astro.params.lang` or parses its own URL.
 *
 * The site is fully prerendered: Astro runs this at build time for every page it writes, with the
 * page's URL, so it costs the browser nothing and `t` (i18next) never ships to it.
 */
import { defineMiddleware } from 'astro:middleware';
import { LOCALES } from './i18n/locales';
import { useTranslations } from './i18n/t';
import { localeOfPath } from './lib/urls';

export const onRequest = defineMiddleware((context, next) => {
  // Pages outside /<lang>/ (/, /404, the language redirects) get the default locale; they render
  // every language themselves where they need to.
  // An LMS package's pages sit under /lms/<lang>/ (src/pages/lms/).
  const locale = localeOfPath(context.url.pathname.replace(/^\/lms(?=\/)/, ''));
  context.locals.locale = locale;
  context.locals.lang = LOCALES[locale].tag;
  context.locals.t = useTranslations(locale);
  return next();
});
