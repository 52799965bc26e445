/**
 * `text` without the whitespace at its ends, as trim() but keeping a byte-order mark (U+FEFF), which trim() and \s take
 * for a space: a value read past its trim() lost the mark, and read as valid (`\uFEFF64` as 64; breaker), where a
 * reader that refuses the mark (BYTE_ORDER_MARK_HINT) must see it, and a message show it.
 */
export function trimSpaces(text: string): string {
  return text.replace(/^[^\S\uFEFF]+|[^\S\uFEFF]+$/g, "");
}
