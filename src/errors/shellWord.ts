/**
 * `text` as one word of a POSIX shell command, for a hint the reader pastes: as it is when every character is one the
 * shell leaves alone, else in single quotes (each `'` as `'\''`) when it holds a `"`, `$`, backtick, backslash or `!`
 * (which double quotes would expand), else in double quotes when it holds a `'`, else in single quotes. The one home
 * of shell quoting in hints (a --set to try, a folder to create, a value split by the shell).
 */
export function shellWord(text: string): string {
  if (/^[A-Za-z0-9._=%/:+,@-]+$/.test(text)) return text;
  if (/["$`\\!]/.test(text)) return `'${text.replace(/'/g, `'\\''`)}'`;
  return /'/.test(text) ? `"${text}"` : `'${text}'`;
}
