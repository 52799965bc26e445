// Whether dist-lib/ (the compiled library and CLI) is newer than every source it is compiled from, so that running it
// shows what src/ says. Used by bin/token-ledger.js (which falls back to tsx when it is stale) and the benchmarks, and by
// scripts/build-lib.js to skip a `prepare` that would compile the same output again.
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

/** Files besides src/ and docs/components/ that scripts/build-lib.js compiles dist-lib/ from (relative to the root). */
const BUILD_INPUTS = ["tsconfig.build.json", "scripts/build-lib.js", "docs/glossary.md"];

/**
 * True when dist-lib/ is what scripts/build-lib.js would compile now: compiledIsFresh, and no other file it reads
 * (BUILD_INPUTS) newer than dist-lib/.stamp. `root`: a URL of the repository's folder, ending in "/". A file missing
 * counts as changed (false).
 */
export function compileIsCurrent(root) {
  if (!compiledIsFresh(root)) return false;
  const stampMs = statSync(new URL("dist-lib/.stamp", root)).mtimeMs;
  return BUILD_INPUTS.every((file) => {
    try {
      return statSync(new URL(file, root)).mtimeMs <= stampMs;
    } catch {
      return false;
    }
  });
}
