// Helper item: data/hardware.csv (or data/models.csv) of its header alone printed an empty catalog, exit 0, and every
// scenario's id read "unknown". The first file, the catalog the others add to, must hold a row; a project's file of
// its header alone, as `token-ledger new` writes it (src/node/newProject.ts), adds none and stays valid.
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {loadHardware, loadModels} from "../../src/node/catalogFiles.js";
import {REPO_ROOT} from "../projectCopy.js";

const dir = mkdtempSync(join(tmpdir(), "catalog-rows-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe.each([
  {name: "hardware.csv", load: loadHardware, row: "accelerator"},
  {name: "models.csv", load: loadModels, row: "model"}
])("$name of its header alone", ({name, load, row}) => {
  const bundled = join(REPO_ROOT, "data", name);
  const headerOnly = join(dir, name);
  writeFileSync(headerOnly, `${readFileSync(bundled, "utf8").split("\n", 1)[0]}\n`);

  it("is an error naming the file as the first (or only) catalog file", () => {
    expect(() => load([headerOnly])).toThrow(
      `${headerOnly}: no rows: expected at least one row below the header, one ${row} each, found the header alone`
    );
  });

  it("adds nothing as a later (project) file", () => {
    // The bundled rows, every one kept: the same list as the bundled file alone.
    expect(load([bundled, headerOnly]).map((entry) => entry.id)).toEqual(load([bundled]).map((entry) => entry.id));
  });
});
