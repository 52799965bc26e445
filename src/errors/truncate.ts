/** `text` on one line, cut to `length` characters with an ellipsis: how an error quotes the text around a place. */
export function truncate(text: string, length = 60): string {
  // Whitespace but U+FEFF, which JavaScript's \s and trim() take for a space: a byte-order mark before a value was
  // dropped from what the error found, which then read as the valid "h100-sxm" (breaker); kept, it is shown escaped.
  const oneLine = text.replace(/[^\S\uFEFF\n]*\n[^\S\uFEFF\n]*/g, " ").replace(/^[^\S\uFEFF]+|[^\S\uFEFF]+$/g, "");
  return oneLine.length > length ? `${oneLine.slice(0, length - 1)}…` : oneLine;
}
