import {describe, expect, it} from "vitest";
import {runCli} from "../../cli/runCli.js";

// The reality check (issue #13): OpenAI's 2024 compute split as Epoch AI reports it ("Most of OpenAI's 2024 compute
// went to experiments", Oct 2025, from The Information and The New York Times): about $3B training, $1.8B inference.
const EPOCH_INFERENCE_USD = 1.8e9;

async function run(...set: string[]) {
  const args = ["run", "openai-2024", "--json", "--samples", "200", ...set.flatMap((s) => ["--set", s])];
  const {code, stdout, stderr} = await runCli(args);
  // Its one note: the custom chip of the base case's silicon program ships after 2024's 12 months (siliconShipNote).
  expect(stderr).toMatch(/^token-ledger: note: openai-2024: the custom chip ships after the horizon[^\n]*\n$/);
  expect(code).toBe(0);
  return JSON.parse(stdout).metrics;
}

describe("the openai-2024 scenario", () => {
  it("bills the year's demand at its cost per token: 337T tokens (hand derivation below)", async () => {
    // With serving.utilization a point, every draw gives the same cost per token, c.
    const metrics = await run("serving.utilization=0.6");
    const c = metrics.costPerMillionTokensUsd.p50;
    expect(metrics.costPerMillionTokensUsd.p5).toBe(c);
    // Tokens in 2024 = U0 × T × 30.4375 days × Σ_{t=0..11} r^(t/12), with U0 = 116.9M users, T = 4,737 tokens a user
    // a day, r = 2.769 (176.9%/yr): q = r^(1/12) = 1.088580, Σ = (r − 1)/(q − 1) = 1.769/0.088580 = 19.971;
    // 116.9e6 × 4737 × 30.4375 × 19.971 = 3.366e14 tokens (≈ 920B a day on average; Altman's February day:
    // 130.3M × 4,737 = 617B).
    const tokens = 116.9e6 * 4737 * 30.4375 * ((2.769 - 1) / (Math.pow(2.769, 1 / 12) - 1));
    expect(tokens / 3.366e14).toBeCloseTo(1, 3);
    expect(metrics.inferenceSpendUsd.p50 / ((c * tokens) / 1e6)).toBeCloseTo(1, 6);
    // The training budget is entered as reported, not rebuilt: $3B over the year.
    expect(metrics.trainingSpendUsd.p50).toBe(3e9);
    // A rented fleet: every chip-hour costs fleet.chipHourPrice ($1.30, The Information, July 2024).
    expect(metrics.chipHourCostUsd.p50).toBe(1.3);
    expect(metrics.fleetCostPerDayUsd.p50 / (metrics.fleetChips.p50 * 1.3 * 24)).toBeCloseTo(1, 9);
  });

  it("lands at about three fifths of Epoch AI's $1.8B inference bill, as the scenario's narrative says", async () => {
    // Not within the 15%: with FutureSearch's 38% utilisation (the one published estimate for an OpenAI fleet
    // in 2024) the bill is the 60% point's $698M × 0.6 ÷ 0.38 = $1.103B, 61% of Epoch's $1.8B (a rented fleet's bill
    // scales as 1 ÷ utilisation), at the Ampere family's efficiencies (fitted on NVIDIA's TensorRT-LLM 0.9 and 0.17
    // A100 rows of data/measurements.csv, with a step's kernels in sequence; $1.164B, 65%, with them overlapped; with
    // the pooled fit the A100 took before its rows it was $1.405B, 78%). If a model change moves it out of [55%, 65%],
    // the narrative must be rewritten.
    const metrics = await run();
    const ratio = metrics.inferenceSpendUsd.p50 / EPOCH_INFERENCE_USD;
    expect(ratio).toBeGreaterThan(0.55);
    expect(ratio).toBeLessThan(0.65);
    // Every assumption the rented bill reads is a point (FutureSearch gives no interval): the bill is one number.
    expect(metrics.inferenceSpendUsd.p95).toBe(metrics.inferenceSpendUsd.p5);
  });

  it("lands at about two fifths of it with the base case's 45–75% utilisation, as the narrative says", async () => {
    // About $1.103B × 0.38 ÷ 0.6 (the 45–75%'s centre) = $698M, 39% of $1.8B; the median of 200 draws of the bill,
    // 1 ÷ utilisation, lies a little above it (40%).
    const metrics = await run("serving.utilization=0.45 to 0.75");
    const ratio = metrics.inferenceSpendUsd.p50 / EPOCH_INFERENCE_USD;
    expect(ratio).toBeGreaterThan(0.36);
    expect(ratio).toBeLessThan(0.44);
    // Epoch's figure is inside the band only if the band is wide enough to say nothing; it is not (95th percentile).
    expect(metrics.inferenceSpendUsd.p95).toBeLessThan(EPOCH_INFERENCE_USD);
  });

  it("reaches Epoch's figure at about 23% utilisation, the sensitivity the narrative names", async () => {
    // $1.112B × 0.38 ÷ 0.23 = $1.838B, within 3% of $1.8B.
    const metrics = await run("serving.utilization=0.23");
    expect(Math.abs(metrics.inferenceSpendUsd.p50 / EPOCH_INFERENCE_USD - 1)).toBeLessThan(0.05);
  });

  it("halves with a 70B-class model and grows about tenfold with a 405B-class one, as the narrative says", async () => {
    const base = (await run()).inferenceSpendUsd.p50;
    const small = (await run("serving.model=llama-3-70b")).inferenceSpendUsd.p50;
    const large = (await run("serving.model=llama-3.1-405b", "serving.tensorParallel=16")).inferenceSpendUsd.p50;
    expect(small / base).toBeGreaterThan(0.35);
    expect(small / base).toBeLessThan(0.6);
    expect(large / base).toBeGreaterThan(7);
    expect(large / base).toBeLessThan(13);
  });
});
