// `inference` printed MLPerf's DeepSeek-R1 layout (TP 1 × EP 8, prompts prefilled on the same chips) at 9,640 output
// tokens/s per chip where NVIDIA measured 4,172, with no word that the layout is outside the calibrated band; and a
// scenario set to it said nothing either. Both say so now, in the words of calibratedBandNote.ts.
import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {runCli} from "./runCli.js";

const R1_ON_B200 = [
  "inference",
  "--hardware",
  "b200",
  "--model",
  "deepseek-v3",
  "--precision",
  "fp4",
  "--tp",
  "1",
  "--ep",
  "8",
  "--batch",
  "4096",
  "--input-tokens",
  "804",
  "--output-tokens",
  "3736",
  "--stack",
  "trtllm"
];

describe("a layout outside the calibrated band", () => {
  it("inference says so under its table and in --json, and not once prefill is disaggregated", async () => {
    const text = await runCli(R1_ON_B200);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout.replace(/\s+/g, " ")).toContain(
      "Read these figures with care: the serving layout, TP 1 × EP 8 with prompts prefilled on the same chips"
    );
    expect(text.stdout.replace(/\s+/g, " ")).toContain("(--prefill disaggregated) it is calibrated");
    const json = JSON.parse((await runCli([...R1_ON_B200, "--json"])).stdout);
    expect(json.calibratedBandNote).toMatch(/not calibrated on: on the 7 published runs/);
    const apart = JSON.parse((await runCli([...R1_ON_B200, "--prefill", "disaggregated", "--json"])).stdout);
    expect(apart.calibratedBandNote).toBeNull();
    const tensor = await runCli([...R1_ON_B200.slice(0, 7), "--tp", "8", "--ep", "1", "--batch", "64"]);
    expect(tensor.code, tensor.stderr).toBe(0);
    expect(tensor.stdout).not.toContain("not calibrated on");
  });

  it("run notes it for a scenario set to it, naming the scenario key that moves it inside", async () => {
    const {code, stderr} = await runCli([
      "run",
      "deepseek-one-day",
      "--set",
      "serving.prefill=shared",
      "--samples",
      "50"
    ]);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain(
      "token-ledger: note: deepseek-one-day: the serving layout, TP 1 × EP 144 with prompts prefilled on the same chips"
    );
    expect(stderr).toContain("(serving.prefill: disaggregated) it is calibrated");
    // The same sentences in --json, for a script; in compare's, one list per scenario in order.
    const json = JSON.parse(
      (await runCli(["run", "deepseek-one-day", "--set", "serving.prefill=shared", "--samples", "50", "--json"])).stdout
    );
    const band = json.notes.filter((n: string) => n.includes("not calibrated on"));
    expect(band).toHaveLength(1);
    expect(stderr).toContain(`token-ledger: note: deepseek-one-day: ${band[0]}\n`);
    const asPublished = await runCli(["run", "deepseek-one-day", "--samples", "50"]);
    expect(asPublished.stderr).not.toContain("not calibrated on");
  });
});

describe("README's table of inference's --json keys", () => {
  it("names every key inference --json prints, and no other", async () => {
    // The table under "### `inference`": each row's first cell lists its keys in backticks.
    const readme = readFileSync("README.md", "utf8");
    const section = readme.slice(readme.indexOf("### `inference`"), readme.indexOf("### `calibration`"));
    const table = section.slice(section.indexOf("| key | meaning |"));
    const documented = new Set(
      table
        .split("\n")
        .filter((line) => line.startsWith("| `"))
        .flatMap((line) => [...line.split(" | ")[0]!.matchAll(/`(\w+)`/g)].map((m) => m[1]!))
    );
    const printed = Object.keys(JSON.parse((await runCli([...R1_ON_B200, "--json"])).stdout));
    expect(printed.filter((key) => !documented.has(key))).toEqual([]);
    expect([...documented].filter((key) => !printed.includes(key))).toEqual([]);
  });
});

describe("the figures the calibrated band's reason quotes (scope.ts, README)", () => {
  it("MLPerf's B200 server run at the batch Little's law puts in flight: a 28 ms step, 2.3 times the measured", async () => {
    // 4.96 samples/s × about 249 s each (3,748 tokens at the mean TPOT of 66.5 ms) ≈ 1,240 in flight on 8 GPUs; the
    // run measured 2,324 output tokens/s per GPU (mlperf51-deepseek-r1-server-b200x8-nvidia in data/measurements.csv).
    const args = R1_ON_B200.map((arg, i) => (R1_ON_B200[i - 1] === "--batch" ? "1240" : arg));
    args.splice(args.indexOf("--output-tokens") + 1, 1, "3748");
    args.push("--output-tokens-cv", "1.253", "--json");
    const json = JSON.parse((await runCli(args)).stdout);
    expect(json.timePerOutputTokenSeconds).toBeCloseTo(0.028, 3);
    expect((json.outputTokensPerSecondPerChip / 2324).toFixed(1)).toBe("2.3");
  });
});
