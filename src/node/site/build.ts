import {spawn} from "node:child_process";
import {existsSync, readdirSync, readFileSync, renameSync, rmSync} from "node:fs";
import {join} from "node:path";
import {UserError, UserErrors} from "../../errors/userError.js";
import {noteCatalogOverrides} from "../catalogFiles.js";
import {checkScenarioFiles, noteUnsourcedKeys} from "../scenarioCheck.js";
import {pageScenarioIdErrors} from "./pageScenarioIds.js";
import {frameworkBin, frameworkEnv, siteProject, type SiteProject} from "./siteProject.js";

/** Lines of Framework's own failure text that point the user at Framework's issue tracker, not at their file. */
const FRAMEWORK_BUG_TEXT = /file an issue|github\.com\/observablehq\/framework\/issues|see the full stack trace/i;

/**
 * What to do about a failed build, where its text says: a package the pages import that is not installed ("Cannot
 * find package 'token-ledger'", a project built before `npm install`; breaker: the line said only that) is told to
 * run `npm install` in the project. Undefined otherwise.
 */
export function buildFailureHint(failure: string, root: string): string | undefined {
  const missing = /Cannot find (?:package|module) '([^']+)'/.exec(failure)?.[1];
  if (missing === undefined || missing.startsWith(".") || missing.startsWith("/")) return undefined;
  return `the package ${missing} is not installed: run npm install in ${root}`;
}

/**
 * Builds the site into dist/ without ever leaving it half-built: every scenario file and catalog, and the scenario id
 * each page reads (pageScenarioIdErrors), is checked first
 * (every error of every file is thrown together, as `validate` prints them, and dist/ is not touched); then Framework
 * builds into a temporary folder beside it with a fresh loader cache, and only a finished build replaces dist/.
 *
 * @param root The project's root (default: the working directory).
 * @returns Resolves when dist/ holds the new site.
 * @throws UserErrors for scenario or catalog errors, and for a scenario the built site data left out (a Monte Carlo
 *   draw of the site's failed where `validate`'s checks passed: the new build is removed); UserError when Framework's
 *   build fails (its message, without
 *   Framework's "file an issue" text), leaving the previous dist/ in place.
 */
export async function buildSite(root?: string): Promise<void> {
  const project = siteProject(root);
  const check = checkScenarioFiles();
  // A page reading a scenario no file gives (a renamed scenario) showed an error in every cell of a site "built".
  const errors = [...check.errors, ...pageScenarioIdErrors(join(project.root, "docs"), check.library.index.ids)];
  if (errors.length) {
    const files = new Set(errors.map((error) => error.detail.file ?? "data/"));
    throw new UserErrors([
      ...errors,
      new UserError({
        message: `build stopped: ${errors.length} error${errors.length === 1 ? "" : "s"} in ${files.size} file${files.size === 1 ? "" : "s"}; dist/ is unchanged`
      })
    ]);
  }
  // A project's catalog row that replaces a bundled one is allowed, and said.
  noteCatalogOverrides();
  // Framework clears and fills its output folder; a relative one inside the project is the kind it clears.
  const nextName = `.dist-next-${process.pid}`;
  const next = join(project.root, nextName);
  rmSync(next, {recursive: true, force: true});
  rmSync(project.cacheDir, {recursive: true, force: true});
  const failure = await runFramework(project, nextName);
  if (failure !== undefined) {
    rmSync(next, {recursive: true, force: true});
    const hint = buildFailureHint(failure ?? "", project.root);
    throw new UserError({
      message: "the site did not build; dist/ is unchanged",
      found: failure || "no message",
      ...(hint ? {hint} : {})
    });
  }
  // A scenario whose checks passed can still fail in a Monte Carlo draw the site runs (two distributions that fail
  // only together); the site data then leaves it out and its page shows the errors. A build to publish stops instead.
  const leftOut = siteDataProblems(next);
  if (leftOut.length) {
    rmSync(next, {recursive: true, force: true});
    const count = leftOut.reduce((n, problem) => n + problem.messages.length, 0);
    throw new UserErrors([
      ...leftOut.flatMap((problem) => problem.messages.map((message) => new UserError({message}))),
      new UserError({
        message: `build stopped: ${count} error${count === 1 ? "" : "s"} in the site's Monte Carlo draws of ${leftOut.map((problem) => problem.file).join(", ")}; dist/ is unchanged`
      })
    ]);
  }
  const old = join(project.root, `.dist-old-${process.pid}`);
  if (existsSync(project.output)) renameSync(project.output, old);
  renameSync(next, project.output);
  rmSync(old, {recursive: true, force: true});
  noteUnsourcedKeys(check.files, check.library, check.catalogs);
}

/**
 * The problems the built site data lists for scenarios it left out (docs/data/site.json.ts: a scenario whose site Monte
 * Carlo failed), read from the built file `_file/data/site.<hash>.json` in `output`; none when there is no such file.
 */
function siteDataProblems(output: string): {file: string; messages: string[]}[] {
  const dir = join(output, "_file", "data");
  const name = existsSync(dir) ? readdirSync(dir).find((file) => /^site\.[0-9a-f]+\.json$/.test(file)) : undefined;
  if (!name) return [];
  const data = JSON.parse(readFileSync(join(dir, name), "utf8")) as {
    problems?: {file: string; id?: string; messages: string[]}[];
  };
  return (data.problems ?? []).filter((problem) => problem.id !== undefined);
}

/** Runs `observable build` into `output`; resolves undefined on success, else the last lines of what it printed. */
function runFramework(project: SiteProject, output: string): Promise<string | undefined> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [frameworkBin(), "build"], {
      cwd: project.root,
      env: frameworkEnv(project, {TOKEN_LEDGER_SITE_OUTPUT: output}),
      stdio: ["ignore", "inherit", "pipe"]
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      const text = chunk.toString();
      stderr += text;
      const shown = text
        .split("\n")
        .filter((line) => !FRAMEWORK_BUG_TEXT.test(line) && !/^\s*↳/.test(line))
        .join("\n");
      if (shown.trim()) process.stderr.write(shown.endsWith("\n") ? shown : `${shown}\n`);
    });
    child.on("error", fail);
    child.on("close", (code) => {
      if (code === 0) return done(undefined);
      const lines = stderr
        .split("\n")
        .map((line) => line.trim())
        .filter((line) => line && !FRAMEWORK_BUG_TEXT.test(line) && !line.startsWith("↳"));
      done(lines.slice(-3).join(" · "));
    });
  });
}
