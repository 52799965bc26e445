import {spawnSync} from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  writeFileSync
} from "node:fs";
import {basename, dirname, isAbsolute, join, relative, resolve, sep} from "node:path";
import npa from "npm-package-arg";
import {validRange} from "semver";
import {isUserError, UserError} from "../errors/userError.js";
import {displayTextProblem} from "../errors/displayText.js";
import {PACKAGE_ROOT, packageVersion} from "./paths.js";

/** The files a new project starts from (templates/project/ of this package). */
const TEMPLATE_DIR = join(PACKAGE_ROOT, "templates", "project");

export interface CreateProjectOptions {
  /** The site's title (default: the folder's name). */
  title?: string;
  /**
   * The version range or location of token-ledger in the project's package.json. Default: `^` this version when the
   * running token-ledger was installed from a registry; otherwise (a checkout, or a copy installed from a tarball or a
   * folder) this package packed into the project as `vendor/token-ledger-VERSION.tgz` and `file:vendor/…` (see
   * {@link tokenLedgerSource}).
   */
  tokenLedgerSpec?: string;
  /** The folder of the token-ledger that is packed when no spec is given (default: the running package's root). */
  packageRoot?: string;
}

/**
 * Creates a report project in `dir`: package.json (token-ledger and Observable Framework), observablehq.config.ts, a
 * front page, an example report page, a scenario page loader, the site data loader, one scenario extending the
 * bundled `base`, empty catalog extensions (data/hardware.csv, data/models.csv: headers only), a README and a test
 * that validates the scenarios. Nothing is written unless the whole project is: a failure leaves no folder behind.
 *
 * @param dir The project's folder: missing or empty.
 * @returns The files written, relative to `dir`, sorted.
 * @throws UserError when `dir` is a file or a folder that is not empty (naming it and what is in it), and when `dir`,
 *   `title` or `tokenLedgerSpec` is empty (naming DIR, --title or --token-ledger).
 */
export function createProject(dir: string, options: CreateProjectOptions = {}): string[] {
  // An empty argument is no folder (resolved, "" named the working directory; breaker), an empty title a blank site
  // name, and an empty --token-ledger "latest from the registry", where the package is not published.
  const blank: [string, string | undefined, string][] = [
    ["DIR", dir, "a folder's path"],
    ["--title", options.title, "the site's title"],
    ["--token-ledger", options.tokenLedgerSpec, "a version range, file:PATH or a tarball"]
  ];
  for (const [flag, value, expected] of blank) {
    if (value !== undefined && (typeof value !== "string" || value.trim() === "")) {
      throw new UserError({flag, message: "empty", expected, found: JSON.stringify(value)});
    }
    // A line break or another control character in a title ends the heading and the front matter's line; a
    // direction-changing or zero-width one, which a scenario's title: refuses, made the site's name read otherwise
    // than written (breaker: a U+202E passed). The same rule as a scenario's shown text.
    const problem = flag === "--title" && value !== undefined ? displayTextProblem("title", value) : undefined;
    if (problem) {
      throw new UserError({flag, message: problem.message, expected: "a title on one line", found: problem.found});
    }
  }
  const target = resolve(dir);
  if (options.tokenLedgerSpec !== undefined) checkTokenLedgerSpec(options.tokenLedgerSpec, target);
  // Inside token-ledger's own folder a project's files sit among the package's (a checkout's git status lists it, an
  // installed package's node_modules/ is replaced on the next install; author trial): refused, as the README advises.
  const inside = relative(options.packageRoot ?? PACKAGE_ROOT, target);
  if (inside === "" || (!inside.startsWith("..") && !isAbsolute(inside))) {
    throw new UserError({
      flag: "DIR",
      message: "inside token-ledger's own folder",
      expected: `a folder outside ${options.packageRoot ?? PACKAGE_ROOT}`,
      found: dir
    });
  }
  // Inside another report project, the new one's files sit among that project's (inside its docs/, they would be
  // its pages); `new sub-report` run in a project made one without a word (new-user trial). The folders are read as
  // they are on disk: a link into a project is inside it, a link out of one is not (breaker).
  const enclosing = enclosingProject(realAncestor(target));
  if (enclosing !== undefined) {
    throw new UserError({
      flag: "DIR",
      message: `inside ${enclosing.what} ${enclosing.root} (${enclosing.why})`,
      expected: "a folder outside any report project or copy of token-ledger",
      found: dir
    });
  }
  const blocker = fileOnTheWay(target);
  if (blocker !== undefined) {
    throw new UserError({
      flag: "DIR",
      message: `${blocker} is a file, not a folder`,
      expected: "a new or empty folder",
      found: dir
    });
  }
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) {
      throw new UserError({flag: "DIR", message: "not a folder", expected: "a new or empty folder", found: dir});
    }
    const entries = readdirSync(target);
    if (entries.length) {
      throw new UserError({
        flag: "DIR",
        message: `the folder ${dir} is not empty`,
        expected: "a new or empty folder",
        found: `${entries.length} entr${entries.length === 1 ? "y" : "ies"} (${entries.slice(0, 3).join(", ")}${entries.length > 3 ? ", …" : ""})`
      });
    }
  }
  const createdFolder = !existsSync(target);
  const title = options.title ?? basename(target);
  const version = packageVersion();
  const frameworkVersion = frameworkRange();
  // A quoted title is written as a JSON string, which TypeScript and YAML both read ('The "AI" ledger: costs #1' broke
  // the config and the front matter), and every replacement is a function, so `$&` or `$'` in a title is text, not a
  // replacement pattern (breaker).
  // In a page's Markdown the title is text, not markup: `<b>` left open and `${z}` ran as a page expression
  // (second-round breaker); HTML's special characters are escaped and `${` written `\${`, Framework's escape.
  const pageTitle = title.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replaceAll("${", "\\${");
  const fill = (text: string, page: boolean) =>
    text
      .replaceAll('"{{title}}"', () => JSON.stringify(title))
      .replaceAll("{{title}}", () => (page ? pageTitle : title))
      .replaceAll("{{scenarioId}}", () => "my-scenario");
  try {
    makeFolders(target);
    cpSync(TEMPLATE_DIR, target, {recursive: true});
    for (const file of listFiles(target)) {
      const path = join(target, file);
      const page = /^docs[\\/].*\.md$/.test(file);
      if (/\.(md|ts|js|json)$/.test(file)) writeFileSync(path, fill(readFileSync(path, "utf8"), page));
    }
    // npm leaves a package's .gitignore out of its tarball, so the template's is named without the dot.
    cpSync(join(target, "gitignore"), join(target, ".gitignore"));
    rmSync(join(target, "gitignore"));
    const pkg = {
      name: packageName(basename(target)),
      private: true,
      type: "module",
      scripts: {
        build: "token-ledger build",
        dev: "token-ledger preview",
        serve: "token-ledger serve",
        // A glob, not the folder: from Node 21 `node --test test/` runs the folder as a file (MODULE_NOT_FOUND).
        test: "node --test test/*.test.js"
      },
      dependencies: {
        "@observablehq/framework": frameworkVersion,
        "token-ledger": options.tokenLedgerSpec ?? defaultSpec(target, options.packageRoot ?? PACKAGE_ROOT, version)
      }
    };
    writeFileSync(join(target, "package.json"), JSON.stringify(pkg, null, 2) + "\n");
  } catch (error) {
    try {
      if (createdFolder) rmSync(target, {recursive: true, force: true});
      else for (const entry of readdirSync(target)) rmSync(join(target, entry), {recursive: true, force: true});
    } catch {
      // Nothing was written where nothing could be written (the cause is the error below).
    }
    if (isUserError(error) || !isFsError(error)) throw error;
    throw new UserError({
      flag: "DIR",
      message: `could not write the project in ${dir} (${error.code})`,
      expected: "a folder you may create and write",
      found: error.path ?? dir
    });
  }
  return listFiles(target);
}

/**
 * Where the running token-ledger came from, for a new project's dependency on it: `registry` when the package manager's
 * lockfile above it records a download over http(s) (`npx token-ledger`, or a project that installed it from the
 * registry), `local` otherwise: a checkout (not under node_modules), a copy installed from a tarball or a folder
 * (`file:`), or an install no npm lockfile describes. A registry version range works only in the first case.
 *
 * @param packageRoot token-ledger's folder (default: the running package's).
 * @returns `registry` or `local`; never throws (an unreadable lockfile counts as no lockfile).
 */
export function tokenLedgerSource(packageRoot = PACKAGE_ROOT): "registry" | "local" {
  const parts = resolve(packageRoot).split(sep);
  const at = parts.lastIndexOf("node_modules");
  if (at < 1) return "local";
  const installRoot = parts.slice(0, at).join(sep) || sep;
  const key = parts.slice(at).join("/");
  for (const lockfile of [
    join(installRoot, "node_modules", ".package-lock.json"),
    join(installRoot, "package-lock.json"),
    join(installRoot, "npm-shrinkwrap.json")
  ]) {
    let resolved: unknown;
    try {
      const lock = JSON.parse(readFileSync(lockfile, "utf8")) as {packages?: Record<string, {resolved?: unknown}>};
      resolved = lock.packages?.[key]?.resolved;
    } catch {
      continue;
    }
    if (typeof resolved === "string") return /^https?:\/\//.test(resolved) ? "registry" : "local";
  }
  return "local";
}

/**
 * The token-ledger dependency of a new project when none is given: `^VERSION` for a registry install; otherwise the
 * package at `packageRoot` packed with `npm pack` (in a checkout this runs `prepare`, compiling dist-lib/) into
 * `<dir>/vendor/`, as `file:vendor/token-ledger-VERSION.tgz`. A path inside the project, so `npm install` works
 * wherever the project is moved or cloned, with no registry copy of token-ledger.
 *
 * @throws UserError naming --token-ledger when npm cannot pack the package.
 */
function defaultSpec(dir: string, packageRoot: string, version: string): string {
  if (tokenLedgerSource(packageRoot) === "registry") return `^${version}`;
  const vendor = join(dir, "vendor");
  mkdirSync(vendor, {recursive: true});
  process.stderr.write(`token-ledger: packing ${packageRoot} into ${join(basename(dir), "vendor")}/ (npm pack)\n`);
  const result = spawnSync(process.platform === "win32" ? "npm.cmd" : "npm", ["pack", "--pack-destination", vendor], {
    cwd: packageRoot,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    env: {...process.env, npm_config_loglevel: "error"}
  });
  const tarball = readdirSync(vendor).find((name) => name.endsWith(".tgz"));
  if (result.status !== 0 || !tarball) {
    const why = (result.error?.message ?? result.stderr ?? "").trim().split("\n").pop() || `exit ${result.status}`;
    throw new UserError({
      flag: "--token-ledger",
      message: `could not pack token-ledger at ${packageRoot} for the new project (${why})`,
      expected: "npm on the PATH, or a spec such as --token-ledger file:/path/to/token-ledger-0.1.0.tgz",
      found: "no spec and no registry install to name"
    });
  }
  return `file:vendor/${tarball}`;
}

/** The Observable Framework version this package was built and tested with (its own dev dependency). */
function frameworkRange(): string {
  const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as {
    devDependencies?: Record<string, string>;
    peerDependencies?: Record<string, string>;
  };
  return (
    pkg.devDependencies?.["@observablehq/framework"] ?? pkg.peerDependencies?.["@observablehq/framework"] ?? "^1.13.4"
  );
}

/** The nearest existing path at or above `target` when it is a file (`new notes.txt/report`), else undefined. */
function fileOnTheWay(target: string): string | undefined {
  for (let path = target; ; path = dirname(path)) {
    if (existsSync(path)) return statSync(path).isDirectory() || path === target ? undefined : path;
    if (dirname(path) === path) return undefined;
  }
}

/** An error from node:fs (a code such as EACCES or ENOTDIR, and the path it concerns). */
function isFsError(error: unknown): error is {code: string; path?: string} {
  return typeof error === "object" && error !== null && typeof (error as {code?: unknown}).code === "string";
}

/** A folder name as an npm package name: lower case, letters, digits, `-`, `.` and `_`. */
function packageName(name: string): string {
  const clean = name
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[._-]+/, "");
  return clean || "token-report";
}

/** Every file under `dir`, relative to it, sorted. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, {recursive: true, withFileTypes: true})
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath ?? entry.path, entry.name)))
    .sort();
}

/**
 * Creates `path` and its missing parents one at a time, top down: Node's recursive mkdirSync spun at full CPU for ever
 * on /proc/foo (breaker), where a plain mkdir fails at once (ENOENT).
 */
function makeFolders(path: string): void {
  const missing: string[] = [];
  for (let at = path; !existsSync(at); at = dirname(at)) {
    missing.unshift(at);
    if (dirname(at) === at) break;
  }
  for (const folder of missing) mkdirSync(folder);
}

/**
 * Refuses a --token-ledger spec that `npm install` in the project would refuse or misread, before a file is written
 * (each wrote a project whose install failed; breaker, two rounds), as npm-package-arg (npm's own parser) reads it
 * from the project's folder: an invalid tag ("not a spec!!"); a line break; a range only loose parsing reads ("latest
 * x", "^0.1.0 garbage!!": npm installs any version); a path (file:, ./, ../, /, ~/ or a bare a/b/c) that is not a
 * folder with a package.json or a tarball; a hosted git spec without its repository ("github:x").
 *
 * @throws UserError naming --token-ledger, what was found and why.
 */
function checkTokenLedgerSpec(spec: string, target: string): void {
  const refuse = (message: string, hint?: string): never => {
    throw new UserError({
      flag: "--token-ledger",
      message,
      expected:
        "a version or range (0.1.0, ^0.1.0), a tag, file:PATH of a checkout or tarball, a tarball URL or a git URL",
      found: spec,
      ...(hint ? {hint} : {})
    });
  };
  if (/[\u0000-\u001f\u007f]/.test(spec)) refuse("a line break or control character in the spec");
  let parsed: ReturnType<typeof npa.resolve>;
  try {
    parsed = npa.resolve("token-ledger", spec, target);
  } catch (error) {
    return refuse("not something npm can install", (error as Error).message.split("\n")[0]);
  }
  if (parsed.type === "range" && validRange(spec) === null) {
    refuse("not a version range", "npm would read it loosely, as any version");
  }
  if (parsed.type === "git" && parsed.hosted && !(parsed.hosted.user && parsed.hosted.project)) {
    refuse("a git host without a repository", "write github:OWNER/REPOSITORY");
  }
  if (parsed.type === "file" || parsed.type === "directory") {
    const local = parsed.fetchSpec ?? resolve(target, spec);
    // npm installs a folder with a package.json or a tarball; anything else (a FIFO, a CSV, /tmp) failed only at
    // `npm install` (second-round breaker).
    const folder = existsSync(local) && statSync(local).isDirectory();
    const usable = folder
      ? existsSync(join(local, "package.json"))
      : existsSync(local) && statSync(local).isFile() && /\.(tgz|tar\.gz)$/.test(local);
    if (!usable) {
      refuse(
        !existsSync(local)
          ? `no such file or folder (${local}, from the project's folder)`
          : folder
            ? `a folder without a package.json (${local})`
            : `not a package tarball (${local})`
      );
    }
  }
}

/**
 * The nearest folder at or above `dir` that holds a report project, an Observable Framework config
 * (observablehq.config.ts or .js) beside a package.json that lists token-ledger among any of its dependencies, or a
 * copy of token-ledger itself (a package.json named token-ledger: another checkout); undefined when none does. A
 * package.json alone is not a project (`npm install token-ledger` in a home folder writes one there, which would
 * refuse every project under it); one that cannot be read or parsed is passed over.
 */
function enclosingProject(dir: string): {root: string; what: string; why: string} | undefined {
  for (let at = dir; ; at = dirname(at)) {
    const manifest = readManifest(join(at, "package.json"));
    if (manifest?.name === "token-ledger") {
      return {root: at, what: "a copy of token-ledger", why: "its package.json is token-ledger's"};
    }
    const config = ["observablehq.config.ts", "observablehq.config.js"].some((name) => existsSync(join(at, name)));
    const lists = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"];
    const depends = lists.some((list) => {
      const deps = manifest?.[list];
      return typeof deps === "object" && deps !== null && Object.hasOwn(deps, "token-ledger");
    });
    if (config && depends)
      return {root: at, what: "the report project", why: "its package.json depends on token-ledger"};
    if (dirname(at) === at) return undefined;
  }
}

/** A package.json's object (a byte-order mark allowed, as npm allows it), or undefined when absent or unreadable. */
function readManifest(path: string): Record<string, unknown> | undefined {
  try {
    const json: unknown = JSON.parse(readFileSync(path, "utf8").replace(/^\uFEFF/, ""));
    return typeof json === "object" && json !== null ? (json as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** `path` with its nearest existing ancestor (itself, if it exists) read through any symbolic link. */
function realAncestor(path: string): string {
  let at = path;
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  try {
    return join(realpathSync(at), relative(at, path));
  } catch {
    return path;
  }
}
