// The built site on disk: build it when the sources are newer than dist/, and list its pages.
import {spawn} from "node:child_process";
import {existsSync, readdirSync, statSync} from "node:fs";
import {join, relative, sep} from "node:path";
import {fileURLToPath} from "node:url";

/** The repository root. */
export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
/** Framework's output folder (observablehq.config.ts `output`). */
export const DIST = join(ROOT, "dist");

/** Folders of dist/ that hold assets, not pages. */
const ASSET_FOLDERS = new Set(["_observablehq", "_import", "_file", "_npm", "_node"]);

/** Inputs of the build; a file or folder in them newer than dist/index.html means dist/ is stale. */
const BUILD_INPUTS = ["docs", "src", "data", "observablehq.config.ts", "package.json", "package-lock.json"];

/**
 * Runs `npm run build` unless dist/ is newer than every build input. Set BROWSER_TEST_BUILD=always to rebuild
 * regardless. Throws with the build's output when it fails.
 */
export async function ensureBuilt(): Promise<"built" | "reused"> {
  if (process.env.BROWSER_TEST_BUILD !== "always" && isFresh()) return "reused";
  const {code, output} = await run("npm", ["run", "build"]);
  if (code !== 0) throw new Error(`npm run build failed with exit code ${code}:\n${output}`);
  if (!existsSync(join(DIST, "index.html"))) throw new Error(`npm run build produced no dist/index.html:\n${output}`);
  return "built";
}

/** URL paths of every built page: `/` for index.html, `/x` for x.html, `/dir/` for dir/index.html. */
export function listPages(dist = DIST): string[] {
  return walk(dist, (dir) => !ASSET_FOLDERS.has(dir))
    .filter((file) => file.endsWith(".html"))
    .map((file) => "/" + relative(dist, file).split(sep).join("/"))
    .map((path) => path.replace(/(^|\/)index\.html$/, "$1").replace(/\.html$/, ""))
    .sort();
}

/** Every file under `dir`, descending only into folders whose name passes `enter`. */
export function walk(dir: string, enter: (name: string) => boolean = () => true): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (enter(entry.name)) files.push(...walk(path, enter));
    } else if (entry.isFile()) {
      files.push(path);
    }
  }
  return files;
}

function isFresh(): boolean {
  const marker = join(DIST, "index.html");
  if (!existsSync(marker)) return false;
  const builtMs = statSync(marker).mtimeMs;
  return BUILD_INPUTS.every((input) => newestMtimeMs(join(ROOT, input)) < builtMs);
}

/** The newest modification time of a path and, for a folder, of everything in it (folders change on delete). */
function newestMtimeMs(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path); // follows symbolic links (docs/lib → ../src)
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const name of readdirSync(path)) {
    if (name === ".observablehq" || name === "node_modules") continue;
    newest = Math.max(newest, newestMtimeMs(join(path, name)));
  }
  return newest;
}

function run(command: string, args: string[]): Promise<{code: number | null; output: string}> {
  return new Promise((ok, fail) => {
    const child = spawn(command, args, {cwd: ROOT, stdio: ["ignore", "pipe", "pipe"]});
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("error", fail);
    child.on("close", (code) => ok({code, output}));
  });
}
