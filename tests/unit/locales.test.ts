// The language list is written once, in src/i18n/locales.ts. Two copies cannot import it: the
// static server (plain .mjs, no TypeScript) and the assignment codec's list of link languages
// (src/lib/assignment.ts, which must keep a wire format of its own). These checks fail when
// either drifts from LOCALE_IDS.
import { describe, expect, it } from 'vitest';
import { LOCALE_IDS, type Locale } from '../../src/i18n/locales';
import {
  decodeAssignment,
  encodeAssignment,
  newAssignmentId,
  type Assignment,
  type AssignmentLang,
} from '../../src/lib/assignment';
import { LOCALES as SERVED_LOCALES } from '../../scripts/serve.mjs';

// Compile-time: `npm run check` fails unless an assignment's languages are exactly the locales.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const assignmentLangsAreLocales: Same<AssignmentLang, Locale> = true;

describe('copies of the language list', () => {
  it('scripts/serve.mjs serves the 404 of exactly the locales of LOCALE_IDS', () => {
    expect(SERVED_LOCALES).toEqual(LOCALE_IDS);
  });

  it('an assignment link can fix every locale as its language', () => {
    expect(assignmentLangsAreLocales).toBe(true);
    const course = { modules: ['m'], lessons: ['m/l'] };
    const base: Assignment = { id: newAssignmentId(), title: 'T', modules: ['m'], lessons: [] };
    for (const lang of LOCALE_IDS) {
      const decoded = decodeAssignment(encodeAssignment({ ...base, lang }), course);
      expect(decoded.ok && decoded.value.lang, lang).toBe(lang);
    }
  });
});
