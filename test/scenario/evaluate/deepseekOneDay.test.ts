import {describe, expect, it} from "vitest";
import {runCli} from "../../cli/runCli.js";

// DeepSeek, "DeepSeek-V3/R1 Inference System Overview" (github.com/deepseek-ai/open-infra-index,
// 202502OpenSourceWeek/day_6_one_more_thing_deepseekV3R1_inference_system_overview.md, Feb 2025): 226.75 nodes × 8
// H800 × $2/GPU-hour × 24 h = $87,072 a day; revenue at R1 prices $562,027; "cost profit margin of 545%".
describe("the deepseek-one-day scenario", () => {
  it("reproduces the $87,072 daily cost exactly and the 545% cost profit margin within 1%, from token-ledger run", async () => {
    const {code, stdout, stderr} = await runCli(["run", "deepseek-one-day", "--json", "--samples", "20"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    const {metrics} = JSON.parse(stdout);
    // The fleet keys are points, so every draw gives the same figures: the mean is the value.
    expect(metrics.fleetCostPerDayUsd.p5).toBe(87072);
    expect(metrics.fleetCostPerDayUsd.p95).toBe(87072);
    expect(Math.abs(metrics.costProfitMargin.p50 / 5.45 - 1)).toBeLessThan(0.01);
    expect(Math.abs(metrics.priceListRevenuePerDayUsd.p50 / 562027 - 1)).toBeLessThan(0.001);
  });
});
