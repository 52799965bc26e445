import {spawn, spawnSync} from "node:child_process";
import {relative, sep} from "node:path";
import {createServer} from "node:net";
import {watch} from "chokidar";
import {UserError} from "../../errors/userError.js";
import {PACKAGE_ROOT} from "../paths.js";
import {stopWithParent} from "./parentWatch.js";
import {frameworkBin, frameworkEnv, siteProject, touch} from "./siteProject.js";

/** How long the watcher waits after a change for more (an editor's save writes a file more than once), ms. */
const SETTLE_MS = 120;

/** The page components, relative to the project's root. */
const COMPONENTS_DIR = `docs${sep}components`;

/**
 * Runs Framework's preview of the site and keeps it true to data/, src/ and docs/components/: a change to any file
 * there re-runs the loaders that read them (by touching the loader files, the only thing Framework's cache watches;
 * a change in docs/components/ alone, the page loaders only), and a scenario
 * file added, removed or newly broken or fixed reloads every open page (by touching the config, which lists the
 * scenario pages and the error banner). Each change is checked as `validate` would, and the errors are printed here
 * as well as shown on the pages. dist/ is not touched.
 *
 * @param options `root` of the project (default: the working directory); `port` for the preview (default
 *   Framework's 3000); `open` a browser (default true).
 * @returns Resolves with Framework's exit code when the preview stops.
 */
export async function previewSite({
  root,
  port,
  open = true
}: {root?: string; port?: number; open?: boolean} = {}): Promise<number> {
  const project = siteProject(root);
  if (port !== undefined) await ensurePortFree(port);
  // Whatever the cache holds may predate the files: start from stale, never from a wrong first page.
  touch([...project.loaders, project.config]);
  const args = [
    frameworkBin(),
    "preview",
    ...(port !== undefined ? ["--port", String(port)] : []),
    ...(open ? [] : ["--no-open"])
  ];
  const framework = spawn(process.execPath, args, {cwd: project.root, env: frameworkEnv(project), stdio: "inherit"});
  // Framework stops with this process: on a signal (handled from here on, before the first check below, which takes
  // seconds when tsx compiles the sources: a SIGTERM then ended this process and left Framework serving), and when
  // the process that started this one has gone (`kill` of `npm run dev` ends npm and its shell, not this process,
  // which went on, with Framework, holding the port; new-user trial). An orphan's parent becomes another process.
  const stop = () => framework.kill("SIGINT");
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
  const stopWatch = stopWithParent(stop, "preview");

  let lastCheck = validateOutput(project.root);
  if (lastCheck.output) process.stderr.write(lastCheck.output);
  const pending = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const watcher = watch(
    // docs/components too: a page loader may print Markdown from there (docs/scenarios/[id].md.ts prints
    // scenarioPageMarkdown.ts's), and Framework re-runs a loader only when the loader file itself changes.
    ["data", "src", COMPONENTS_DIR].map((dir) => `${project.root}${sep}${dir}`),
    {
      ignoreInitial: true,
      ignored: (path) => path.includes(`${sep}.observablehq${sep}`) || path.includes(`${sep}node_modules${sep}`)
    }
  );
  const changed = (event: string, path: string) => {
    pending.add(`${event} ${relative(project.root, path)}`);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const events = [...pending];
      pending.clear();
      const paths = events.map((e) => e.replace(/^(\w+) /, ""));
      const what = paths.join(", ");
      // A component alone: the page loaders print again (the site data does not read docs/components/).
      if (paths.every((path) => path.startsWith(COMPONENTS_DIR + sep))) {
        touch(project.loaders.filter((loader) => /\.md\.\w+$/.test(loader)));
        process.stderr.write(`token-ledger: ${what} changed: pages reloading\n`);
        return;
      }
      const filesChanged = events.some((e) => /^(add|unlink) /.test(e));
      touch(project.loaders);
      const check = validateOutput(project.root);
      const problemsChanged = check.output !== lastCheck.output;
      lastCheck = check;
      if (filesChanged || problemsChanged) touch([project.config]);
      process.stderr.write(
        `token-ledger: ${what} changed: site data reloading${filesChanged || problemsChanged ? "; pages reloading" : ""}\n`
      );
      if (check.output) process.stderr.write(check.output);
      else if (problemsChanged) process.stderr.write("token-ledger: every scenario file is valid again\n");
    }, SETTLE_MS);
  };
  watcher.on("all", (event, path) => {
    if (event === "add" || event === "change" || event === "unlink") changed(event, path);
  });
  return new Promise((done) =>
    framework.on("close", (code) => {
      stopWatch();
      void watcher.close();
      done(code ?? 0);
    })
  );
}

/** `token-ledger validate` in a fresh process (so an edit to src/ is checked by the edited code): what it printed. */
function validateOutput(root: string): {output: string} {
  const result = spawnSync(process.execPath, [`${PACKAGE_ROOT}${sep}bin${sep}token-ledger.js`, "validate"], {
    cwd: root,
    encoding: "utf8"
  });
  return {output: result.status === 0 ? "" : result.stderr};
}

/**
 * Throws a UserError naming --port when `port` is taken on 127.0.0.1 (Framework's own preview crashes with a stack
 * trace and exit status 0 there).
 */
async function ensurePortFree(port: number): Promise<void> {
  await new Promise<void>((done, fail) => {
    const probe = createServer();
    probe.once("error", (error: NodeJS.ErrnoException) =>
      fail(
        error.code === "EADDRINUSE"
          ? new UserError({flag: "--port", message: "port in use", expected: "a free port", found: String(port)})
          : error
      )
    );
    probe.listen(port, "127.0.0.1", () => probe.close(() => done()));
  });
}
