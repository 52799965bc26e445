// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {LiveKey, LiveMetric} from "../../docs/components/liveValue.js";
import {formatMetric} from "../../docs/components/format.js";
import {metricSpreadText, metricValueText} from "../../docs/components/scenarioMetrics.js";
import {metricRows, type MetricRow} from "../../docs/components/scenarioPage.js";

/** A month metric's row: deepseek-one-day's crossover, which 98% of its draws never reach (session 9's trial). */
const neverRow: MetricRow = {
  name: "inferenceOvertakesTrainingMonth",
  label: "month inference overtakes training for good",
  unit: "month",
  value: null,
  p5: 11,
  p95: 12,
  nullShare: 0.98
};

describe("a month that never comes within the horizon", () => {
  it("reads as the cards' 'none within the horizon', and after 'at' as 'no point within the horizon'", () => {
    // base.md names the month in brackets: "the one from which inference stays ahead for good (none within the
    // horizon)"; it had written "overtakes training for good at {{…}}", which read "… for good at no point within the
    // horizon" on its page (new-user trial). After "at" (asic-9-months' "paid back at {{…}}") it must not read "at —".
    expect(LiveMetric([neverRow], "inferenceOvertakesTrainingMonth").textContent).toBe("none within the horizon");
    expect(LiveMetric([neverRow], "inferenceOvertakesTrainingMonth", {afterAt: true}).textContent).toBe(
      "no point within the horizon"
    );
    expect(metricValueText(neverRow)).toBe("none within the horizon");
    // Under it, on the scenario page's cards and the compare page's cells alike: how many draws, and when in the others
    // (the compare cell read "none within the horizon month 11–12"; breaker, session 10).
    expect(metricSpreadText(neverRow)).toBe("in 98% of draws; month 11–12 in the others");
  });

  it("reads as the cards read it when the month comes", () => {
    const row = {...neverRow, value: 8, nullShare: 0};
    expect(LiveMetric([row], "inferenceOvertakesTrainingMonth").textContent).toBe("month 8");
    expect(LiveMetric([row], "inferenceOvertakesTrainingMonth", {afterAt: true}).textContent).toBe("month 8");
    expect(metricValueText(row)).toBe("month 8");
  });

  it("keeps a dash for a metric that is not a month and has no value", () => {
    const row: MetricRow = {...neverRow, name: "siliconNpvUsd", unit: "million USD", p5: null, p95: null, nullShare: 0};
    expect(LiveMetric([row], "siliconNpvUsd").textContent).toBe("—");
  });
});

describe("a narrative's key the page's state does not read", () => {
  const unread = {
    "silicon.relativeThroughput": "the custom chip's throughput is derived from silicon.chip, set more directly"
  };
  it("reads as the value the evaluation computes instead (asic-9-months with a linked chip said 0.98×; breaker)", () => {
    const span = LiveKey({"silicon.relativeThroughput": 0.98}, "silicon.relativeThroughput", {
      unread,
      evaluation: {metrics: {siliconRelativeThroughput: 0.7142, siliconUnitCostUsd: 2904}}
    });
    expect(span.textContent).toBe("0.714×");
    expect(span.title).toContain("is not used");
  });

  it("writes that value as the metrics table writes the metric: 0.78 as 0.780×, not the key's 0.78×", () => {
    // The custom ASIC's derived multiple after the December 2026 refit read "0.780×" in the metrics table and "0.78×"
    // in the narrative beside it (formatRatio's three digits against the key's format; CI browser test).
    const span = LiveKey({"silicon.relativeThroughput": 0.98}, "silicon.relativeThroughput", {
      unread,
      evaluation: {metrics: {siliconRelativeThroughput: 0.78, siliconUnitCostUsd: 2904}}
    });
    expect(span.textContent).toBe(formatMetric("siliconRelativeThroughput", 0.78));
    expect(span.textContent).toBe("0.780×");
  });

  it("says '(not used)' where nothing computes it instead, and reads as before where it is read", () => {
    expect(LiveKey({"silicon.relativeThroughput": 0.98}, "silicon.relativeThroughput", {unread}).textContent).toBe(
      "0.98× (not used)"
    );
    expect(LiveKey({"silicon.relativeThroughput": 0.98}, "silicon.relativeThroughput").textContent).toBe("0.98×");
  });
});

describe("a narrative's catalog key", () => {
  // The rows' names as data/hardware.csv and data/models.csv write them (the `name` column).
  const catalogs = {
    hardware: [{id: "a100-sxm-80gb", name: "NVIDIA A100 SXM4 80GB"}],
    models: [{id: "llama-3.1-405b", name: "Llama 3.1 405B"}]
  };
  it("reads as the row's name, the id in the tooltip (openai-2024's prose read 'on A100s (a100-sxm-80gb)')", () => {
    const span = LiveKey({"serving.hardware": "a100-sxm-80gb"}, "serving.hardware", {catalogs});
    expect(span.textContent).toBe("NVIDIA A100 SXM4 80GB");
    expect(span.title).toBe("serving.hardware: a100-sxm-80gb, the value this page uses");
    expect(LiveKey({"serving.model": "llama-3.1-405b"}, "serving.model", {catalogs}).textContent).toBe(
      "Llama 3.1 405B"
    );
  });

  it("reads as written for an id no row has, and for keys that name no catalog", () => {
    expect(LiveKey({"serving.hardware": "x1"}, "serving.hardware", {catalogs}).textContent).toBe("x1");
    expect(LiveKey({"silicon.node": "n5"}, "silicon.node", {catalogs}).textContent).toBe("n5");
  });

  it("names a serving stack as its project does, as the assumption tables write it, the id in the tooltip", () => {
    // The changed-scenario note read "Serving software: vllm" (session 18's review).
    const span = LiveKey({"serving.stack": "vllm"}, "serving.stack", {catalogs});
    expect(span.textContent).toBe("vLLM");
    expect(span.title).toBe("serving.stack: vllm, the value this page uses");
    expect(LiveKey({"serving.stack": "trtllm"}, "serving.stack", {catalogs}).textContent).toBe("TensorRT-LLM");
    // "other" is any stack the model has no calibration for: no project's name ("runs on other" read badly; breaker).
    expect(LiveKey({"serving.stack": "other"}, "serving.stack", {catalogs}).textContent).toBe("another stack");
  });
});

describe("a metric of the day's tokens in a day without tokens", () => {
  it("reads 'none (no demand)' on the cards, the compare cells and in a narrative, as run writes it", () => {
    // base with demand.users = 0: fleetDay gives no share of the fleet's hours (null), and the day earns and costs
    // nothing, so both margins are null (src/scenario/evaluate/priceListInput.ts, src/tco/priceList.ts).
    const rows = metricRows({
      fleetUtilizationNeeded: null,
      priceListGrossMargin: null,
      costProfitMargin: null,
      fleetChips: 0
    } as unknown as Parameters<typeof metricRows>[0]);
    const row = (name: string) => rows.find((r) => r.name === name)!;
    expect(metricValueText(row("fleetUtilizationNeeded"))).toBe("none (no demand)");
    // It read "none (no revenue at these prices)" and "none (no cost)", as if the prices or the chips were to blame.
    expect(metricValueText(row("priceListGrossMargin"))).toBe("none (no demand)");
    expect(metricValueText(row("costProfitMargin"))).toBe("none (no demand)");
    expect(LiveMetric(rows, "priceListGrossMargin").textContent).toBe("none (no demand)");
    expect(metricValueText(row("fleetChips"))).toBe("0 chips");
  });

  it("keeps the margin's own reason when the day has tokens", () => {
    const rows = metricRows({fleetUtilizationNeeded: 0.6, priceListGrossMargin: null} as unknown as Parameters<
      typeof metricRows
    >[0]);
    expect(metricValueText(rows.find((r) => r.name === "priceListGrossMargin")!)).toBe(
      "none (no revenue at these prices)"
    );
  });
});
