/**
 * Loads a separately bundled script by its address, once. Why not import(): in this build Vite
 * wraps every import() in its preload helper, which lives in the 'islands' chunk with Preact, so
 * one import() on a reading page would make it load about 5 KB more up front. Scripts loaded this
 * way are built as their own bundles (`?worker&url` in the page: Vite bundles the file with its
 * imports into one same-origin file and gives its address) and cost nothing until they are needed.
 */
const loaded = new Set<string>();

export function loadScript(address: string | undefined): void {
  if (!address || loaded.has(address)) return;
  loaded.add(address);
  document.head.append(Object.assign(document.createElement('script'), { src: address }));
}
