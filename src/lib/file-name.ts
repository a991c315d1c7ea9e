/**
 * File names for the trainer's downloads. Only the download code (loaded when a file is asked
 * for) uses this, so it is in no page's JavaScript.
 */

/**
 * A file name from a title: letters and digits of any script kept ('Attiecību pārdošana' ->
 * 'attiecību-pārdošana', '关系销售' stays), everything else (spaces, punctuation, the characters
 * Windows and macOS forbid: < > : " / \ | ? * and controls) a single dash; at most 60 characters;
 * `fallback` when nothing is left, and after a name Windows reserves (con, nul, com1…).
 */
export function fileSlug(title: string, fallback: string): string {
  const slug = Array.from(
    title
      .normalize('NFC')
      .toLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}]+/gu, '-')
      .replace(/^-+/, ''),
  )
    .slice(0, 60)
    .join('')
    .replace(/-+$/, '');
  if (!slug) return fallback;
  return /^(con|prn|aux|nul|com\d|lpt\d)$/.test(slug) ? `${slug}-${fallback}` : slug;
}
