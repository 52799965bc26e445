// A copy of the project in a temporary folder, for tests that edit data/ or build: the repository stays untouched.
import {cpSync, mkdtempSync, symlinkSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";

/** The repository root. */
export const REPO_ROOT = fileURLToPath(new URL("..", import.meta.url));

/**
 * Copies `paths` (relative to the repository) into a fresh temporary folder, keeping symbolic links as they are
 * (docs/lib → ../src) and leaving out Framework's cache; node_modules is a link to the repository's. Returns the folder;
 * the caller removes it.
 */
export function copyProject(paths: readonly string[], prefix = "token-ledger-copy-"): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  for (const path of paths) {
    cpSync(join(REPO_ROOT, path), join(dir, path), {
      recursive: true,
      verbatimSymlinks: true,
      filter: (source) => !source.includes(".observablehq")
    });
  }
  symlinkSync(join(REPO_ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return dir;
}
