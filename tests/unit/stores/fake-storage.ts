/**
 * A localStorage stand-in for the store tests: a quota counted in characters, every call able to
 * be made to throw, and a window whose `storage` events the test delivers (or holds back, as a
 * slow or busy tab would).
 */
export class FakeStorage {
  data = new Map<string, string>();
  quota = Infinity;
  /** getItem throws (some browsers' privacy modes, a sandboxed frame) */
  readsThrow = false;
  /** setItem throws a SecurityError (blocked), not a quota error */
  writesBlocked = false;
  get length() {
    return this.data.size;
  }
  key(i: number) {
    return [...this.data.keys()][i] ?? null;
  }
  getItem(k: string) {
    if (this.readsThrow) throw new DOMException('denied', 'SecurityError');
    return this.data.get(k) ?? null;
  }
  removeItem(k: string) {
    this.data.delete(k);
  }
  clear() {
    this.data.clear();
  }
  used(except?: string) {
    return [...this.data].reduce((n, [key, val]) => n + (key === except ? 0 : key.length + val.length), 0);
  }
  setItem(k: string, v: string) {
    if (this.writesBlocked) throw new DOMException('denied', 'SecurityError');
    if (this.used(k) + k.length + v.length > this.quota) throw new DOMException('full', 'QuotaExceededError');
    this.data.set(k, v);
  }
}

export type StorageListener = (e: { key: string | null; newValue: string | null }) => void;

/** Installs `window` with this storage; `blocked` makes the localStorage getter itself throw. */
export function installWindow(storage: FakeStorage, listeners: StorageListener[] = [], blocked = false): void {
  (globalThis as Record<string, unknown>).window = {
    get localStorage() {
      if (blocked) throw new DOMException('denied', 'SecurityError');
      return storage;
    },
    addEventListener: (type: string, fn: StorageListener) => {
      if (type === 'storage') listeners.push(fn);
    },
  };
}
