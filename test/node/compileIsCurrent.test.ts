import {mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {pathToFileURL} from "node:url";
import {afterAll, describe, expect, it} from "vitest";
import {compileIsCurrent} from "../../bin/compiledIsFresh.js";

const dir = mkdtempSync(join(tmpdir(), "token-ledger-compile-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

/** A checkout's build inputs and a dist-lib/.stamp, every file at `inputsAt` and the stamp at `stampAt` (seconds). */
function checkout(name: string, inputsAt: number, stampAt: number, newer?: string): URL {
  const root = join(dir, name);
  const files = [
    "src/index.ts",
    "docs/components/card.js",
    "tsconfig.build.json",
    "scripts/build-lib.js",
    "docs/glossary.md"
  ];
  for (const file of [...files, "dist-lib/.stamp"]) {
    mkdirSync(join(root, file, ".."), {recursive: true});
    writeFileSync(join(root, file), "");
    const at = file === "dist-lib/.stamp" ? stampAt : file === newer ? stampAt + 10 : inputsAt;
    utimesSync(join(root, file), at, at);
  }
  return pathToFileURL(join(root, "/"));
}

describe("compileIsCurrent (scripts/build-lib.js skips a prepare when true)", () => {
  it("is true when every input is older than the stamp", () => {
    // npm ci compiles, then the first npx links the checkout into its cache and runs prepare again: 15 s for nothing.
    expect(compileIsCurrent(checkout("current", 1_000, 2_000))).toBe(true);
  });

  it.each([
    "src/index.ts",
    "docs/components/card.js",
    "tsconfig.build.json",
    "scripts/build-lib.js",
    "docs/glossary.md"
  ])("is false when %s is newer than the stamp", (file) => {
    expect(compileIsCurrent(checkout(`newer-${file.replace(/\W/g, "-")}`, 1_000, 2_000, file))).toBe(false);
  });

  it("is false with no stamp (nothing compiled yet)", () => {
    const root = checkout("no-stamp", 1_000, 2_000);
    rmSync(new URL("dist-lib/.stamp", root));
    expect(compileIsCurrent(root)).toBe(false);
  });
});
