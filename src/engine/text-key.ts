/**
 * The one normalisation of user text for every comparison (uniqueness, references, header and label
 * matching): Unicode NFC, every run of whitespace — non-breaking and other Unicode spaces included —
 * as one space, trimmed, case-folded. "Kommune\u00A0A", " kommune  a " and "KOMMUNE A" are one key; a
 * composed and a decomposed "Århus" are one key. Display text is never changed by this; it is only a key.
 *
 * @example textKey("Kommune\u00A0A") === textKey("kommune a") // true
 */
export function textKey(text: string): string {
  // \s covers U+00A0, U+1680, U+2000–U+200A, U+2028/9, U+202F, U+205F, U+3000 and U+FEFF; zero-width
  // space (U+200B) is not whitespace in JavaScript, so it is listed.
  return text
    .normalize("NFC")
    .replace(/[\s\u200b]+/g, " ")
    .trim()
    .toLowerCase();
}
