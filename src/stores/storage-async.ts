/**
 * Changes that must wait for something (decoding reports is asynchronous) on a stored value of
 * ./storage.ts. Kept apart so that the pages that never wait (every page keeps progress) do not
 * load it.
 */
import { readRaw, type StoredValue } from './storage';

/**
 * `change` gets the freshest value and returns the next one, which is written only if the stored
 * value did not change meanwhile; otherwise it runs again on the newer value, and under constant
 * contention this change's edits are merged into the newer value: neither is ever dropped.
 */
export async function updateAsync<T, R>(
  stored: Pick<StoredValue<T>, 'fresh' | 'replace'>,
  key: string,
  merge: (stored: T, mine: T) => T,
  change: (value: T) => Promise<{ value: T; result: R }>,
): Promise<R> {
  for (let attempt = 0; ; attempt++) {
    const { value, raw } = stored.fresh();
    const out = await change(value);
    // Nothing else wrote meanwhile (or storage cannot be read, and the value lives in this tab).
    if (raw === undefined || readRaw(key) === raw) {
      stored.replace(out.value);
      return out.result;
    }
    if (attempt >= 2) {
      stored.replace(merge(stored.fresh().value, out.value));
      return out.result;
    }
  }
}
