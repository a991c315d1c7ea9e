/// <reference types="astro/client" />

// What src/middleware.ts puts on `Astro.locals` for every page. Import types inline: a top-level
// import would turn this file into a module and hide the global `App` namespace.
declare namespace App {
  interface Locals {
    /** The page's locale, from its URL's first segment; the default locale outside /<lang>/. */
    locale: import('./i18n/locales').Locale;
    /** Its BCP-47 language tag ('zh-CN' for zh), for `lang` attributes and Intl in islands. */
    lang: import('./i18n/locales').LanguageTag;
    /** i18next's `t` fixed to that locale (server only; a missing key throws). */
    t: import('i18next').TFunction;
  }
}

// The directive astro.config.mjs adds (src/scripts/client-answered.ts): its value is the id of the
// exercise or role-play whose saved answers make the island load before it is scrolled to.
declare namespace Astro {
  interface ClientDirectives {
    'client:answered'?: string;
  }
}
