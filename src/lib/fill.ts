/**
 * Fills placeholders in a UI string from the server: fill('Score: {score}%', { score: 80 }).
 * Both {name} and i18next's {{name}} are filled, so island strings can keep i18next's form (and
 * its checks) while i18next itself stays on the server. Its own file, in the code every page
 * loads (astro.config.mjs, 'core'), so the page scripts use it without loading the islands' code;
 * values go in through a function, so a '$&' in a trainer's title is shown as typed.
 */
export const fill = (template: string, values: Record<string, string | number>) =>
  template.replace(/\{\{(\w+)\}\}|\{(\w+)\}/g, (_, a: string | undefined, b: string | undefined) =>
    String(values[(a ?? b)!] ?? ''),
  );
