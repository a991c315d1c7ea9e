/**
 * fflate, as write-excel-file sees it in the site's build (astro.config.mjs points its imports of
 * 'fflate' here): the same library, except that `zip` compresses on the page's own thread.
 * fflate's own `zip` hands any file over 160 KB (a sheet of a few hundred trainees) to a Web Worker
 * made from a blob: address, which the site's Content-Security-Policy does not allow, so the Excel
 * download would fail exactly for the biggest classes. A results workbook compresses in well under
 * a second on the page's thread.
 */
import {
  zipSync,
  type AsyncTerminable,
  type AsyncZipOptions,
  type AsyncZippable,
  type FlateCallback,
  type FlateError,
  type Zippable,
} from 'fflate';

export * from 'fflate';

/** fflate's `zip(data, [opts], cb)`, without workers: the callback runs on a later tick, as fflate's does. */
export function zip(
  data: AsyncZippable,
  optsOrCb: AsyncZipOptions | FlateCallback,
  cb?: FlateCallback,
): AsyncTerminable {
  const done = (typeof optsOrCb === 'function' ? optsOrCb : cb)!;
  const opts = typeof optsOrCb === 'function' ? {} : optsOrCb;
  let cancelled = false;
  setTimeout(() => {
    if (cancelled) return;
    let out: ReturnType<typeof zipSync>;
    try {
      out = zipSync(data as Zippable, opts);
    } catch (error) {
      done(error as FlateError, new Uint8Array());
      return;
    }
    done(null, out);
  }, 0);
  return () => {
    cancelled = true;
  };
}
