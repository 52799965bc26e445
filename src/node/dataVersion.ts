import {createHash} from "node:crypto";
import {existsSync, readdirSync, readFileSync, statSync} from "node:fs";
import {join, relative} from "node:path";
import {DATA_DIR, findProject} from "./paths.js";

/**
 * A short fingerprint of everything under data/ (paths and contents): the site data and each scenario page carry the
 * one they were built from, so a page the preview has already updated can tell that its numbers are still being
 * recomputed for the same edit. 12 hex digits of a SHA-256. In a report project, the project's data/ counts too.
 */
export function dataVersion(dir: string = DATA_DIR): string {
  const hash = createHash("sha256");
  const project = dir === DATA_DIR ? findProject()?.dataDir : undefined;
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(relative(dir, path)).update("\0").update(readFileSync(path)).update("\0");
    }
  };
  walk(dir);
  if (project && existsSync(project)) {
    hash.update("\0project\0");
    dir = project;
    walk(project);
  }
  return hash.digest("hex").slice(0, 12);
}
