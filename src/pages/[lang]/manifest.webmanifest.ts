/**
 * The web app manifest of each language (/<lang>/manifest.webmanifest), so the course installs to a
 * phone's home screen in the language it was installed from: its name, start page and scope are
 * that language's. Icons are same-origin files (public/icons/, made by `npm run icons` from
 * public/favicon.svg; the list is src/lib/app-icons.ts); the policy allows nothing else.
 */
import type { APIRoute } from 'astro';
import { LOCALE_IDS, LOCALES, type Locale } from '../../i18n/locales';
import { useTranslations } from '../../i18n/t';
import { APP_ICONS, THEME_COLOR } from '../../lib/app-icons';

export function getStaticPaths() {
  return LOCALE_IDS.map((lang) => ({ params: { lang } }));
}

export const GET: APIRoute = ({ params }) => {
  const locale = params.lang as Locale;
  const t = useTranslations(locale);
  const manifest = {
    name: t('site.name'),
    short_name: t('offline.shortName'),
    description: t('site.description'),
    lang: LOCALES[locale].tag,
    dir: 'ltr',
    id: `/${locale}/`,
    start_url: `/${locale}/`,
    scope: `/${locale}/`,
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: THEME_COLOR,
    icons: APP_ICONS,
  };
  return new Response(JSON.stringify(manifest, null, 1) + '\n', {
    headers: { 'Content-Type': 'application/manifest+json' },
  });
};
