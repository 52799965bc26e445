// Whether dist-lib/ (the compiled library and CLI) is newer than every source it is compiled from, so that running it
// shows what src/ says. Used by bin/token-ledger.js (which falls back to tsx when it is stale) and the benchmarks.
import {readdirSync, statSync} from "node:fs";

/**
 * True when `root`/dist-lib/.stamp exists and no file under `root`/src/ or `root`/docs/components/ is newer than it.
 * `root`: a URL of the repository's (or the installed package's) folder, ending in "/".
 */
export function compiledIsFresh(root) {
  let stampMs;
  try {
    stampMs = statSync(new URL("dist-lib/.stamp", root)).mtimeMs;
  } catch {
    return false;
  }
  const newerThanStamp = (dir) => {
    let entries;
    try {
      entries = readdirSync(dir, {withFileTypes: true});
    } catch {
      return false;
    }
    for (const entry of entries) {
      const path = new URL(entry.name + (entry.isDirectory() ? "/" : ""), dir);
      if (entry.isDirectory() ? newerThanStamp(path) : statSync(path).mtimeMs > stampMs) return true;
    }
    return false;
  };
  return !newerThanStamp(new URL("src/", root)) && !newerThanStamp(new URL("docs/components/", root));
}
