/**
 * The types of the UI strings, from the English file: islands declare the group they get
 * (`s: UiStrings['results']`), so a misspelt key, static or built from a union
 * (`s[`state-${r.state}`]`), fails `npm run check` instead of showing nothing in the browser.
 * Types only: nothing here ships.
 */
import type en from './ui/en.json';

/** Plural forms other than 'other'. Languages need different ones (Malay and Chinese only 'other', Latvian 'zero'). */
type OptionalPluralForm = Exclude<Intl.LDMLPluralRule, 'other'>;

/**
 * One group of strings: every English key, except that plural forms besides `_other` are
 * optional, since a language has only the forms its plural rules use (tests/unit/i18n.test.ts
 * checks each has exactly those).
 */
type Group<T> = {
  // Nested groups (a diagram's labels, a listening error's name and line) keep their shape.
  readonly [K in keyof T as K extends `${string}_${OptionalPluralForm}` ? never : K]: T[K] extends string
    ? string
    : Group<T[K]>;
} & {
  readonly [K in keyof T as K extends `${string}_${OptionalPluralForm}` ? K : never]?: string;
};

/** Every UI string group, as each language's src/i18n/ui/<locale>.json must have it. */
export type UiStrings = { readonly [G in keyof typeof en]: Group<(typeof en)[G]> };

/** What `plural()` needs for one key: its `_other` form, and any other forms the language has. */
export type PluralForms<K extends string> = { readonly [P in `${K}_other`]: string } & {
  readonly [P in `${K}_${OptionalPluralForm}`]?: string;
};

/** The keys of a group that every language has as a plain string (no nested group, no optional plural form). */
export type StringKey<S> = {
  [K in keyof S]-?: undefined extends S[K] ? never : S[K] extends string ? K : never;
}[keyof S];
