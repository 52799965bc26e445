import {existsSync, readdirSync, utimesSync} from "node:fs";
import {createRequire} from "node:module";
import {delimiter, dirname, join, resolve} from "node:path";
import {UserError} from "../../errors/userError.js";
import {PACKAGE_ROOT} from "../paths.js";

/** The files of a report site (this repository's layout): where the config, loaders and output are. */
export interface SiteProject {
  root: string;
  config: string;
  /** Framework's loader cache, keyed on each loader file's modification time. */
  cacheDir: string;
  /** The data loaders and page loaders that read data/ or src/: touching one makes Framework re-run it. */
  loaders: string[];
  /** The built site. */
  output: string;
}

/**
 * The report site rooted at `root` (default: the working directory).
 *
 * @throws UserError when `root` has no observablehq.config.ts.
 */
export function siteProject(root = process.cwd()): SiteProject {
  const dir = resolve(root);
  const config = join(dir, "observablehq.config.ts");
  if (!existsSync(config)) {
    throw new UserError({
      message: "not a report site",
      expected: "a folder with observablehq.config.ts (run the command from the project's root)",
      found: dir
    });
  }
  const loaders = findLoaders(join(dir, "docs"));
  return {root: dir, config, cacheDir: join(dir, "docs/.observablehq/cache"), loaders, output: join(dir, "dist")};
}

/** Sets each file's modification time to now: Framework then treats its cached output as stale. */
export function touch(paths: readonly string[]): void {
  const now = new Date();
  for (const path of paths) utimesSync(path, now, now);
}

/**
 * The environment Framework runs in: this one, with the project's and this package's node_modules/.bin on the PATH
 * (Framework runs TypeScript loaders with the `tsx` command, which npm scripts find there and a bare `node` does not).
 */
export function frameworkEnv(project: SiteProject, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const bins = [join(project.root, "node_modules", ".bin"), join(PACKAGE_ROOT, "node_modules", ".bin")];
  return {...process.env, PATH: [...bins, process.env.PATH ?? ""].join(delimiter), ...extra};
}

/** The `observable` command of the installed Framework, as a script path to run with node. */
export function frameworkBin(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve("@observablehq/framework/package.json")), "dist/bin/observable.js");
}

/**
 * Framework's data and page loaders under `docsDir`: files named like `site.json.ts` or `[id].md.ts` (an output
 * extension, then the loader's own), outside docs/lib (the library), docs/components and Framework's cache.
 */
export function findLoaders(docsDir: string): string[] {
  if (!existsSync(docsDir)) return [];
  const skip = new Set(["lib", "components", ".observablehq", "node_modules"]);
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, {withFileTypes: true})) {
      if (entry.isDirectory()) {
        if (!skip.has(entry.name)) walk(join(dir, entry.name));
      } else if (/\.[A-Za-z0-9]+\.(ts|js|mjs|py|sh)$/.test(entry.name)) {
        found.push(join(dir, entry.name));
      }
    }
  };
  walk(docsDir);
  return found.sort();
}
