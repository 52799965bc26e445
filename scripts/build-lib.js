#!/usr/bin/env node
// Compiles the library (src/) and the page components (docs/components/) to JavaScript with type declarations, for
// the package: dist-lib/lib/ (imported as `token-ledger` and `token-ledger/node`, and run by the CLI) and
// dist-lib/components/ (`token-ledger/components/*.js`, for Framework pages; they import ../lib/ as docs/components
// imports docs/lib). Run by `npm run build:lib`, and by `prepare` (hence by `npm ci` and `npm pack`).
//
// dist-lib/.stamp records when the compile started: bin/token-ledger.js runs the compiled CLI only while no file in
// src/ or docs/components/ is newer, so an edit is never hidden behind stale output (it falls back to tsx).
import {spawnSync} from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  utimesSync,
  writeFileSync
} from "node:fs";
import {createRequire} from "node:module";
import {dirname, join} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";
import {compileIsCurrent} from "../bin/compiledIsFresh.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
// An installed package has its compiled output and no sources: nothing to do (npm may run `prepare` there).
if (!existsSync(join(root, "src")) || !existsSync(join(root, "tsconfig.build.json"))) process.exit(0);
// `prepare` runs again when npx links the checkout into its cache, at the first `npx token-ledger` after `npm ci`: a
// compile of what nothing had changed since took 15 s there, in silence (new-user trial). `npm run build:lib` always
// compiles.
if (process.env.npm_lifecycle_event === "prepare" && compileIsCurrent(pathToFileURL(join(root, "/")))) {
  process.stderr.write("build-lib: dist-lib/ is up to date with src/, docs/components/ and its build files\n");
  process.exit(0);
}
const out = join(root, "dist-lib");
const next = join(root, `.dist-lib-next-${process.pid}`);
const started = new Date();

rmSync(next, {recursive: true, force: true});
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const result = spawnSync(
  process.execPath,
  [tsc, "-p", join(root, "tsconfig.build.json"), "--outDir", join(next, ".tsc")],
  {
    cwd: root,
    stdio: "inherit"
  }
);
if (result.status !== 0) {
  rmSync(next, {recursive: true, force: true});
  process.stderr.write("build-lib: tsc failed; dist-lib/ is unchanged\n");
  process.exit(1);
}
// tsc mirrors the source tree (src/, docs/components/, and docs/lib/ again through the symlink): keep one copy each.
renameSync(join(next, ".tsc/src"), join(next, "lib"));
renameSync(join(next, ".tsc/docs/components"), join(next, "components"));
rmSync(join(next, ".tsc"), {recursive: true, force: true});
// Files tsc does not emit: the components' stylesheets and the hand-written declarations.
copyMatching(join(root, "docs/components"), join(next, "components"), /\.(css|d\.ts)$/);
copyMatching(join(root, "src"), join(next, "lib"), /\.d\.ts$/);
// The glossary page, which a report project's glossary page prints (src/node/glossary.ts): the package ships no docs/.
cpSync(join(root, "docs/glossary.md"), join(next, "glossary.md"));
await shareLibrary(join(next, "components"), join(next, "lib"));
writeFileSync(join(next, ".stamp"), `${started.toISOString()}\n`);
utimesSync(join(next, ".stamp"), started, started);
rmSync(out, {recursive: true, force: true});
renameSync(next, out);

/**
 * Points the compiled components at the package's entries instead of at files: `../lib/…` becomes `token-ledger` (the
 * library's one entry, which exports all they use) and `./x.js` becomes `token-ledger/components/x.js`. Framework
 * bundles each bare import of a page into its own module and inlines the relative imports of that module, so with
 * relative imports every component a page imported carried its own copy of the library (~1.3 MB each); with bare ones
 * the library and each component are one shared module, loaded once per page. In Node the same specifiers resolve
 * through the package's self-reference (its `exports`).
 */
async function shareLibrary(dir, libDir) {
  const library = await import(pathToFileURL(join(libDir, "index.js")).href);
  for (const entry of readdirSync(dir, {withFileTypes: true, recursive: true})) {
    if (!entry.isFile() || !entry.name.endsWith(".js")) continue;
    const file = join(entry.parentPath ?? entry.path, entry.name);
    let text = readFileSync(file, "utf8");
    // `export * from "../lib/x.js"` names what it passes on (the entry exports much more).
    for (const match of text.matchAll(/export \* from "\.\.\/lib\/([^"]+\.js)";/g)) {
      const names = Object.keys(await import(pathToFileURL(join(libDir, match[1])).href));
      const absent = names.filter((name) => !(name in library));
      if (absent.length)
        throw new Error(`build-lib: ${file}: the library's entry does not export ${absent.join(", ")}`);
      text = text.replace(match[0], `export {${names.join(", ")}} from "token-ledger";`);
    }
    // Every name a component imports, or passes on by name, from the library must come from its entry (an
    // `export {displayValue} from "../lib/…"` of a function the entry did not export broke every page of a report
    // project while the checkout's pages, which read the sources, worked; new-user trial).
    for (const match of text.matchAll(/(?:import|export) \{([^}]*)\} from "\.\.\/lib\/[^"]+";/g)) {
      const absent = match[1]
        .split(",")
        .map((name) => name.trim().split(/\s+as\s+/)[0])
        .filter((name) => name && !(name in library));
      if (absent.length)
        throw new Error(`build-lib: ${file}: the library's entry does not export ${absent.join(", ")}`);
    }
    const shared = text
      .replace(/(from\s*|import\s*)"\.\.\/lib\/[^"]+\.js"/g, '$1"token-ledger"')
      .replace(/(from\s*|import\s*)"\.\/([\w-]+\.js)"/g, '$1"token-ledger/components/$2"');
    if (/(\bfrom\s*|\bimport\s*\(?\s*)"\.\.?\//.test(shared)) {
      throw new Error(`build-lib: ${file} keeps a relative import the rewrite does not cover`);
    }
    writeFileSync(file, shared);
  }
}

/** Copies the files under `from` whose names match `pattern` to the same relative place under `to`. */
function copyMatching(from, to, pattern) {
  for (const entry of readdirSync(from, {withFileTypes: true, recursive: true})) {
    if (!entry.isFile() || !pattern.test(entry.name)) continue;
    const dir = entry.parentPath ?? entry.path;
    const target = join(to, dir.slice(from.length));
    mkdirSync(target, {recursive: true});
    cpSync(join(dir, entry.name), join(target, entry.name));
  }
}
