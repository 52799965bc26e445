/**
 * A set as a hint offers it, in the form the reader types it where it came from: for `--set`, the whole argument
 * quoted for a POSIX shell where it needs to be (`--set serving.batch=32`, `--set 'serving.utilization=0.4 to 0.6'`,
 * `--set "serving.hardware='[h100]'"`), so that pasting it into bash gives the value shown; for a share link (any other
 * flag), `set=path=value` as the address bar shows it. A hint wrote `serving.hardware='[h100]'` for --set, which the
 * shell strips of its quotes to the list refused again, and `serving.utilization=0.4 to 0.6`, which the shell splits
 * into three arguments (breaker).
 */
export function setAsTyped(flag: string, path: string, value: string): string {
  return flag === "--set" ? `--set ${shellWord(`${path}=${value}`)}` : `set=${path}=${value}`;
}

/**
 * `text` as one word of a POSIX shell command: as it is when every character is one the shell leaves alone, else in
 * single quotes (each `'` as `'\''`) when it holds a `"`, `$`, backtick, backslash or `!` (which double quotes would
 * expand), else in double quotes when it holds a `'`, else in single quotes.
 */
export function shellWord(text: string): string {
  if (/^[A-Za-z0-9._=%/:+,@-]+$/.test(text)) return text;
  if (/["$`\\!]/.test(text)) return `'${text.replace(/'/g, `'\\''`)}'`;
  return /'/.test(text) ? `"${text}"` : `'${text}'`;
}
