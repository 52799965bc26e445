// The small run of the fuzz suite (issue 18), in `npm test`: a few dozen generated cases of each kind, each of which
// must keep the promises (a valid result with finite numbers, or located one-line errors; no crash, hang, non-finite
// number, misplaced location or leftover file). The large run (≥ 10,000 cases each) is `npm run fuzz`
// (test/fuzz/large.ts). FUZZ_SEED picks another seed; the default is fixed so that a failure reproduces.
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import fc from "fast-check";
import {afterAll, describe, expect, it} from "vitest";
import {argvCase, catalogCase, scenarioCase, shareCase} from "./cases.js";
import {checkCatalogCase, checkCliCase, checkScenarioCase, checkShareCase, HANG_MS, type CaseResult} from "./checks.js";

const seed = Number(process.env.FUZZ_SEED ?? 18);
const dir = mkdtempSync(join(tmpdir(), "token-ledger-fuzz-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

function expectKept(result: CaseResult, started: number): void {
  expect(performance.now() - started, "hang").toBeLessThan(HANG_MS);
  expect(result.outcome === "valid" || result.outcome === "located", `${result.outcome}: ${result.detail}`).toBe(true);
}

describe("fuzz (small run)", () => {
  it("scenario files mutated from the schema", () => {
    fc.assert(
      fc.property(scenarioCase, (c) => {
        const started = performance.now();
        expectKept(checkScenarioCase(c), started);
      }),
      {seed, numRuns: 60}
    );
  });

  it("command lines", async () => {
    await fc.assert(
      fc.asyncProperty(argvCase, async (argv) => {
        const started = performance.now();
        expectKept(await checkCliCase(argv, join(dir, "cli")), started);
      }),
      {seed, numRuns: 40}
    );
  });

  it("catalog rows", () => {
    fc.assert(
      fc.property(catalogCase, (c) => {
        const started = performance.now();
        expectKept(checkCatalogCase(c), started);
      }),
      {seed, numRuns: 150}
    );
  });

  it("share-link states", () => {
    fc.assert(
      fc.property(shareCase, (c) => {
        const started = performance.now();
        expectKept(checkShareCase(c), started);
      }),
      {seed, numRuns: 40}
    );
  });
});
