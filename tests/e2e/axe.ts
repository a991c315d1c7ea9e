/** The accessibility scan the trainer and results specs run on each state, in light and dark. */
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from './fixtures';

/** axe-core (WCAG 2.0–2.2 A and AA) finds nothing, light and dark; the page is left light. */
export async function axe(page: Page, state: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
      .analyze();
    expect(
      violations.map((v) => `${state} (${colorScheme}): ${v.id} ${v.nodes.map((n) => n.target).join(' ')}`),
    ).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}
