import {shellWord} from "../../errors/shellWord.js";

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
