/**
 * `test` and `expect` for every end-to-end spec: the same as @playwright/test's, plus an automatic
 * check that nothing the test did broke the Content-Security-Policy. Every page the test opens
 * (the default `page`, pages from `context.newPage()`, pages of contexts made with
 * `browser.newContext()` / `browser.newPage()` or passed to `csp.watch()`) records
 * `securitypolicyviolation` events in `window.__cspViolations`, and Chromium's console messages
 * about the policy are collected too.
 * After the test the list must be empty; the failure names the blocked URI, the directive and the
 * source file, so a style or script the policy blocks fails the test that showed it.
 */
import {
  expect,
  test as base,
  type Browser,
  type BrowserContext,
  type ConsoleMessage,
  type Page,
} from '@playwright/test';

export { expect };
export type { Page };

/** One violation, as the page saw it (a console message has only `message`). */
export interface CspViolation {
  page: string;
  blockedURI?: string;
  directive?: string;
  sourceFile?: string;
  line?: number;
  sample?: string;
  message?: string;
}

declare global {
  interface Window {
    __cspViolations?: Omit<CspViolation, 'page'>[];
  }
}

/** Runs in every document before its own scripts: a capturing listener on the document. */
function recordViolations(): void {
  window.__cspViolations = [];
  document.addEventListener(
    'securitypolicyviolation',
    (e) => {
      const v = {
        blockedURI: e.blockedURI,
        directive: e.effectiveDirective || e.violatedDirective,
        sourceFile: e.sourceFile,
        line: e.lineNumber,
        sample: e.sample,
      };
      window.__cspViolations!.push(v);
      // Also straight to the test, so a violation is not lost when the test closes the page
      // (or navigates away) before the end-of-test check reads the list.
      const report = (window as unknown as { __reportCspViolation?: (v: unknown) => unknown }).__reportCspViolation;
      if (typeof report === 'function') void Promise.resolve(report(v)).catch(() => {});
    },
    true,
  );
}

const isCspMessage = (text: string) => /Content[- ]Security[- ]Policy|Refused to/i.test(text);

export function formatViolations(list: CspViolation[]): string {
  return list
    .map((v) =>
      v.message
        ? `- ${v.page}: console: ${v.message}`
        : `- ${v.page}: blocked ${v.blockedURI || '(inline)'} by ${v.directive} in ${v.sourceFile || '(document)'}${v.line ? `:${v.line}` : ''}${v.sample ? ` — "${v.sample}"` : ''}`,
    )
    .join('\n');
}

interface CspFixture {
  /**
   * Violations collected so far in this test; `take()` returns and forgets them (for tests that
   * cause one on purpose). `watch(context)` watches a context the test launched itself (a
   * persistent one, from `playwright.chromium.launchPersistentContext`), which no fixture sees.
   */
  csp: { violations: CspViolation[]; take(): CspViolation[]; watch(context: BrowserContext): Promise<void> };
  cspGuard: void;
}

export const test = base.extend<CspFixture>({
  csp: async ({}, use) => {
    const violations: CspViolation[] = [];
    await use({
      violations,
      take: () => violations.splice(0),
      // Replaced by cspGuard (an automatic fixture, so set up before any test runs).
      watch: () => Promise.reject(new Error('cspGuard is not set up')),
    });
  },
  cspGuard: [
    async ({ context, browser, csp }, use) => {
      const pages = new Set<Page>();
      const seen = new Set<string>();
      const add = (v: CspViolation) => {
        const key = JSON.stringify(v);
        // The same event arrives through the binding and again from window.__cspViolations.
        if (seen.has(key)) return;
        seen.add(key);
        csp.violations.push(v);
      };
      const watchPage = (page: Page) => {
        pages.add(page);
        page.on('console', (msg: ConsoleMessage) => {
          if (isCspMessage(msg.text())) add({ page: page.url(), message: msg.text() });
        });
      };
      const watch = async (ctx: BrowserContext) => {
        await ctx.exposeBinding('__reportCspViolation', ({ page }, v: Omit<CspViolation, 'page'>) =>
          add({ page: page.url(), ...v }),
        );
        await ctx.addInitScript(recordViolations);
        ctx.on('page', watchPage);
        for (const p of ctx.pages()) watchPage(p);
      };
      await watch(context);
      csp.watch = watch;
      // Contexts the test makes itself (other languages, a second learner) are watched as well.
      const newContext = browser.newContext;
      (browser as Browser).newContext = async function (this: Browser, ...args: Parameters<Browser['newContext']>) {
        const ctx = await newContext.apply(this, args);
        await watch(ctx);
        return ctx;
      };
      try {
        await use();
      } finally {
        browser.newContext = newContext;
      }
      // What pages still open recorded but had not reported yet.
      for (const page of pages) {
        if (page.isClosed()) continue;
        const list = await page.evaluate(() => window.__cspViolations ?? []).catch(() => []);
        for (const v of list) add({ page: page.url(), ...v });
      }
      expect(csp.violations, `Content-Security-Policy violations:\n${formatViolations(csp.violations)}`).toEqual([]);
    },
    { auto: true },
  ],
});
