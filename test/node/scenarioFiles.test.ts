// Files of a scenarios folder that do not end in .md or .markdown are not read: x2.mdx, notes.txt and y.yaml beside
// a project's scenario were passed over without a word ("1 scenario file valid"), and `run x2` said only "unknown
// scenario 'x2'" (breaker).
import {mkdtempSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from "vitest";
import {scenarioAttemptsIn, skippedFileSentence} from "../../src/node/scenarioFiles.js";
import {MARKDOWN_EXTENSION_WORDS} from "../../src/scenario/file/markdownExtensions.js";
import {runCli} from "../cli/runCli.js";

let tmp: string;
let scenarios: string;
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "token-ledger-skipped-"));
  const dir = join(tmp, "project");
  const made = await runCli(["new", dir, "--token-ledger", "^0.1.0"]);
  expect(made.code, made.stderr).toBe(0);
  scenarios = join(dir, "data", "scenarios");
  const scenario = "---\ntitle: X2\nid: x2\nextends: base\n---\n";
  writeFileSync(join(scenarios, "x2.mdx"), scenario);
  writeFileSync(join(scenarios, "notes.txt"), "to do\n");
  writeFileSync(join(scenarios, "y.yaml"), "title: Y\nextends: base\n");
  writeFileSync(join(scenarios, "chart.png"), "");
  writeFileSync(join(scenarios, "README.txt"), "");
});
afterAll(() => rmSync(tmp, {recursive: true, force: true}));
afterEach(() => vi.unstubAllEnvs());

describe("skippedFileSentence", () => {
  it("says the file is not read, as scenario files end in .md or .markdown, and what to rename it", () => {
    const file = join(scenarios, "x2.mdx");
    expect(skippedFileSentence(file)).toBe(
      `${file} is not read, as scenario files end in ${MARKDOWN_EXTENSION_WORDS}: rename it x2.md if it is a scenario`
    );
    expect(skippedFileSentence(join(scenarios, "y.yaml"))).toContain(
      "rename it y.md, its YAML between two --- lines, if it is a scenario"
    );
  });
});

describe("scenarioAttemptsIn", () => {
  it("names the files that look like scenarios under another ending, not an image or a README", () => {
    expect(scenarioAttemptsIn(scenarios)).toEqual(
      ["notes.txt", "x2.mdx", "y.yaml"].map((name) => join(scenarios, name))
    );
  });
});

describe("a scenarios folder's files of another ending", () => {
  it("are noted by validate, which still passes", async () => {
    vi.stubEnv("TOKEN_LEDGER_PROJECT", join(tmp, "project"));
    const result = await runCli(["validate"]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toBe("1 scenario file valid\n");
    for (const name of ["notes.txt", "x2.mdx", "y.yaml"]) {
      expect(result.stderr).toContain(`token-ledger: note: ${skippedFileSentence(join(scenarios, name))}\n`);
    }
    expect(result.stderr).not.toContain("chart.png");
    expect(result.stderr).not.toContain("README");
  });

  it("are named by run and validate for an id they would give", async () => {
    vi.stubEnv("TOKEN_LEDGER_PROJECT", join(tmp, "project"));
    const hint = `(${skippedFileSentence(join(scenarios, "x2.mdx"))})\n`;
    const run = await runCli(["run", "x2"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^token-ledger: SCENARIO: unknown scenario 'x2': expected .*, found x2 \(/);
    expect(run.stderr.endsWith(`found x2 ${hint}`), run.stderr).toBe(true);
    const validate = await runCli(["validate", "x2"]);
    expect(validate.code).toBe(1);
    expect(validate.stderr).toBe(
      `token-ledger: x2: no such file: expected a readable Markdown file ending in ${MARKDOWN_EXTENSION_WORDS}, ` +
        `found x2 ${hint}`
    );
  });
});
