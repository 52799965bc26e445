// A scenario with serving.outputTokens 1 printed decode figures for a decode step that never runs: "decode steps only
// 1,854 tokens/s", "time per output token 47.5 ms", "cost per million output tokens, decode time 0.518 USD/Mtok", where
// `inference --output-tokens 1` prints "—" and explains why (breaker). They are null now, "none (no decode step)" in
// the tables, with inference's note.
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {afterAll, describe, expect, it} from "vitest";
import {noDecodeNote} from "../../../src/scenario/run/noDecodeNote.js";
import {runCli} from "../../cli/runCli.js";

const DECODE_METRICS = ["costPerMillionOutputTokensUsd", "tokensPerSecondPerChip", "timePerOutputTokenSeconds"];

/** data/scenarios/deepseek-one-day.md with `serving.outputTokens` set to `tokens`, written to a temporary file. */
const dir = mkdtempSync(join(tmpdir(), "no-decode-"));
afterAll(() => rmSync(dir, {recursive: true, force: true}));
function deepseekWithOutputTokens(tokens: number): string {
  const text = readFileSync("data/scenarios/deepseek-one-day.md", "utf8");
  const changed = text.replace(/^ {2}outputTokens: 1211$/m, `  outputTokens: ${tokens}`);
  expect(changed).not.toBe(text);
  const file = join(dir, `out${tokens}.md`);
  writeFileSync(file, changed);
  return file;
}

describe("noDecodeNote", () => {
  it("notes a request with no decode step, and nothing for one that decodes", () => {
    const point = (decodeStepsPerRequest: number) =>
      ({serving: {decodeStepsPerRequest}}) as unknown as Parameters<typeof noDecodeNote>[0];
    expect(noDecodeNote(point(0))).toContain("a request of one output token");
    expect(noDecodeNote(point(1))).toBeNull();
  });
});

describe("a scenario of one output token per request", () => {
  const FEW = ["--samples", "50"];

  it("gives no figure of decoding in run's --json, while the blended and input costs stand", async () => {
    const {code, stdout, stderr} = await runCli(["run", deepseekWithOutputTokens(1), ...FEW, "--json"]);
    expect(code, stderr).toBe(0);
    const {metrics} = JSON.parse(stdout);
    for (const name of DECODE_METRICS) expect(metrics[name], name).toMatchObject({p50: null, nullShare: 1});
    expect(metrics.costPerMillionTokensUsd.p50).toBeGreaterThan(0);
    expect(metrics.costPerMillionInputTokensUsd.p50).toBeGreaterThan(0);
    expect(metrics.outputTokensPerSecondPerChip.p50).toBeGreaterThan(0);
    // Two output tokens decode once: every figure is a number.
    const two = JSON.parse((await runCli(["run", deepseekWithOutputTokens(2), ...FEW, "--json"])).stdout);
    for (const name of DECODE_METRICS) expect(two.metrics[name].p50, name).toBeGreaterThan(0);
  });

  it("reads none (no decode step) in run's table and compare's column, with the note inference prints", async () => {
    const file = deepseekWithOutputTokens(1);
    const {code, stdout, stderr} = await runCli(["run", file, ...FEW]);
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^time per output token +none \(no decode step\)$/m);
    expect(stdout).toMatch(/^output tokens per second per chip, decode steps only +none \(no decode step\)$/m);
    expect(stdout).toMatch(/^cost per million output tokens, decode time +none \(no decode step\)$/m);
    expect(stderr).toContain("a request of one output token (serving.outputTokens) has no decode step");
    const compared = await runCli(["compare", "base", file, ...FEW]);
    expect(compared.code, compared.stderr).toBe(0);
    expect(compared.stdout).toMatch(/^time per output token +[\d.]+ ms +none \(no decode step\)$/m);
    expect(compared.stderr).toContain("has no decode step");
  });
});
