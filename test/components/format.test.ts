import {describe, expect, it} from "vitest";
import {
  displayValue,
  formatAssumption,
  formatChange,
  formatChips,
  formatCount,
  formatDisplayNumber,
  formatInterval,
  formatMetric,
  formatMetricInterval,
  formatMonth,
  formatMonths,
  formatMonthsChange,
  formatPercent,
  formatPointsChange,
  formatPriceNumber,
  formatRate,
  formatRatio,
  formatShareOfDraws,
  formatUsd,
  formatUsdPerHour,
  formatUsdPerMTok,
  medianLabel,
  metricFormat,
  reportMedian
} from "../../docs/components/format.js";
import {SCENARIO_METRICS} from "../../src/scenario/evaluate/evaluateScenario.js";
import {METRIC_INFO} from "../../src/scenario/evaluate/metricInfo.js";
import {normalFromInterval} from "../../src/uncertainty/interval.js";

describe("formatDisplayNumber", () => {
  it("keeps three significant digits, and every integer digit above 1,000", () => {
    expect(formatDisplayNumber(0.0826)).toBe("0.0826");
    expect(formatDisplayNumber(12.34)).toBe("12.3");
    expect(formatDisplayNumber(7.652)).toBe("7.65");
    expect(formatDisplayNumber(1234.5)).toBe("1,235");
    expect(formatDisplayNumber(999.6)).toBe("1,000");
    expect(formatDisplayNumber(0)).toBe("0");
  });

  it("writes the minus sign as U+2212, and tiny or huge numbers in scientific notation", () => {
    expect(formatDisplayNumber(-3.456)).toBe("\u22123.46");
    expect(formatDisplayNumber(1.5e-7)).toBe("1.50E\u22127");
    expect(formatDisplayNumber(2e16)).toBe("2.00E16");
    expect(formatDisplayNumber(Number.NaN)).toBe("NaN");
  });
});

describe("unit formatters", () => {
  it("writes money with a scale word from a million", () => {
    expect(formatUsd(31120)).toBe("$31,120");
    expect(formatUsd(0.5)).toBe("$0.500");
    expect(formatUsd(45.9e6)).toBe("$45.9M");
    expect(formatUsd(2.7594e9)).toBe("$2.76B");
    expect(formatUsd(1.2e12)).toBe("$1.20T");
    expect(formatUsd(999e12)).toBe("$999T");
    // From a thousand trillion in scientific notation: ICU's compact form stops at T and wrote 60 zeros before it.
    expect(formatUsd(2.7943e71)).toBe("$2.79E71");
    expect(formatUsd.range(2.15e71, 3.55e71)).toBe("$2.15E71–3.55E71");
    expect(formatCount(1.5e16)).toBe("1.50E16");
    expect(formatCount(4.69e7)).toBe("46.9M");
    expect(formatUsd(-5e6)).toBe("\u2212$5.00M");
  });

  it("keeps three significant digits in every figure, trailing zeros too, and writes a whole number whole", () => {
    // openai-2024 printed "3.5 USD/Mtok" (ICU dropped the zero of 3.50) beside "1.30 USD/h" (two decimals).
    expect(formatUsdPerMTok(3.4987)).toBe("3.50 USD/Mtok");
    expect(formatUsdPerHour(1.3)).toBe("1.30 USD/h");
    // A chip-hour below $1 reads as a price per token does (two decimals gave "0.46 USD/h").
    expect(formatUsdPerHour(0.456)).toBe("0.456 USD/h");
    expect(formatUsd(3.8e9)).toBe("$3.80B");
    expect(formatUsd.range(1.6e9, 2.64e9)).toBe("$1.60–2.64B");
    // A price keeps its zeros when whole (deepseek-one-day's $2 rental beside openai-2024's 1.30), as money with a
    // scale word does ($17.0B beside $8.16B); a plain count is whole: one chip, 0.
    expect(formatUsdPerHour(2)).toBe("2.00 USD/h");
    expect(formatUsd(17e9)).toBe("$17.0B");
    expect(formatDisplayNumber(1)).toBe("1"); // A number the scenario states reads as written (power.pue 1.2 in data/scenarios/base.md:15), not "1.20".
    expect(formatAssumption("power.pue", 1.2)).toBe("1.2");
  });

  it("writes rates with the project's unit words", () => {
    expect(formatUsdPerMTok(0.98703)).toBe("0.987 USD/Mtok");
    expect(formatUsdPerHour(1.596)).toBe("1.60 USD/h");
    expect(formatUsdPerHour(150.2)).toBe("150 USD/h");
    expect(formatMonth(8)).toBe("month 8");
    expect(formatMonth(null)).toBe("not within the horizon");
  });

  it("writes fractions as percentages and counts with a scale word from a million", () => {
    expect(formatPercent(0.4401)).toBe("44%");
    // One rounding for every percentage: whole from 10%, two significant digits below.
    expect(formatPercent(0.0531)).toBe("5.3%");
    expect(formatPercent(0.901)).toBe("90%");
    expect(formatPercent(0.0042)).toBe("0.42%");
    expect(formatPercent(0.0996)).toBe("10%");
    expect(formatPercent(-0.12)).toBe("\u221212%");
    expect(formatCount(9876)).toBe("9,876");
    // Every digit below a million, as money (formatUsd: "$31,120"); the fresh-user trial saw one chip count as
    // "5,017 chips" and another as "27.1K chips".
    expect(formatCount(27093)).toBe("27,093");
    expect(formatCount(425421)).toBe("425,421");
    expect(formatCount(999_999)).toBe("999,999");
    expect(formatCount(3.3e6)).toBe("3.30M");
    expect(formatUsd(999_999)).toBe("$999,999");
    expect(formatUsd(3.3e6)).toBe("$3.30M");
  });

  it("writes a change with its sign, and a change under 0.05% as ±0%", () => {
    expect(formatChange(1.031, 1)).toBe("+3.1%");
    expect(formatChange(0.88, 1)).toBe("\u221212%");
    expect(formatChange(1.0001, 1)).toBe("±0%");
    expect(formatChange(1, 0)).toBe("");
    expect(formatChange(1, null)).toBe("");
  });

  it("writes an interval with the scale word and unit once, as Intl's formatRange does", () => {
    expect(formatInterval(1.474e9, 4.14e9, formatUsd)).toBe("$1.47–4.14B");
    expect(formatUsdPerMTok.range(0.759, 1.25)).toBe("0.759–1.25 USD/Mtok");
    expect(formatCount.range(2852, 13100)).toBe("2,852–13,100");
    expect(formatCount.range(2.852e6, 13.1e6)).toBe("2.85–13.1M");
    expect(formatPercent.range(0.199, 0.29)).toBe("20–29%");
    expect(formatPercent.range(0.051, 0.083)).toBe("5.1–8.3%");
    // One scale for both ends, the larger one's ("−$200M – $3.00B" read at two scales).
    expect(formatUsd.range(-2e8, 3e9)).toBe("\u2212$0.200B – $3.00B");
    // Both ends negative (openai-2024's NPV, p5 −$507M, p95 −$154M): each end whole; ICU's "−$507–154M" read as +154.
    expect(formatUsd.range(-5.07e8, -1.54e8)).toBe("\u2212$507M – \u2212$154M");
    expect(formatPercent.range(-0.3, -0.1)).toBe("\u221230% – \u221210%");
    expect(formatMonth.range(6, 9)).toBe("month 6–9");
    // A formatter without a range joins its ends.
    expect(formatInterval(1, 2, (v) => `${v} x`)).toBe("1 x–2 x");
  });
});

describe("formatMetric", () => {
  it("throws an Error naming a metric outside METRIC_INFO (a misspelt name threw a TypeError; modeller's trial)", () => {
    expect(() => formatMetric("costPerMilionTokensUsd" as never, 1.89)).toThrow(
      'unknown metric "costPerMilionTokensUsd": expected a name of METRIC_INFO'
    );
    // Object's members are no metric (formatMetricInterval had no check: a RangeError; breaker).
    expect(() => formatMetric("__proto__" as never, 1)).toThrow('unknown metric "__proto__"');
    expect(() => formatMetricInterval("constructor" as never, 1, 2)).toThrow('unknown metric "constructor"');
  });

  it("writes a metric as the story pages write the same quantity", () => {
    // MetricRow values are in METRIC_INFO display units (NPV in millions, shares in %).
    expect(formatMetric("costPerMillionTokensUsd", 0.98703)).toBe(formatUsdPerMTok(0.98703));
    expect(formatMetric("chipHourCostUsd", 1.596)).toBe("1.60 USD/h");
    expect(formatMetric("siliconNpvUsd", 2718.4)).toBe("$2.72B");
    expect(formatMetric("inferenceShareOfSpend", 24.5)).toBe("25%");
    expect(formatMetric("siliconPaybackMonth", 27)).toBe("month 27");
    expect(formatMetric("timePerOutputTokenSeconds", 20.51)).toBe("20.5 ms");
    expect(formatMetric("siliconBreakevenUnits", 5671)).toBe("5,671 chips");
    // A chip count reads the same below and above 10,000, and one chip is singular.
    expect(formatMetric("fleetChips", 27093)).toBe("27,093 chips");
    expect(formatMetric("fleetChips", 1)).toBe("1 chip");
    expect(formatMetric("fleetChips", 0.5)).toBe("0.500 chips");
    expect(formatMetricInterval("siliconBreakevenUnits", 3013, 16883)).toBe("3,013–16,883 chips");
    expect(formatChips(1.2e6)).toBe("1.20M chips");
    expect(formatMetric("siliconPaybackMonth", null)).toBe("—");
    // A margin of a day that earns nothing says so (a narrative read "a gross margin of —"; breaker).
    expect(formatMetric("priceListGrossMargin", null)).toBe("none (no revenue at these prices)");
  });

  it("writes a computed time at three significant digits, a whole one too", () => {
    // `run openai-2024` wrote "53 ms" beside base's "37.7 ms" (and compare put them in one row): the whole value
    // lost its zero to formatDisplayNumber's whole-number rule, which is a count's (64 chips, month 8).
    expect(formatMetric("timePerOutputTokenSeconds", 53)).toBe("53.0 ms");
    expect(formatMetric("timePerOutputTokenSeconds", 53.04)).toBe("53.0 ms");
    expect(formatMetric("timeToFirstTokenSeconds", 690)).toBe("690 ms");
    // From a thousand, three significant figures as a rate has them ("235,000 tokens/s/MW"): it kept every integer
    // digit, "3,005 ms" (deepseek-one-day's first token), "1,235 ms" beside the rates' three figures (trial).
    expect(formatMetric("timeToFirstTokenSeconds", 3005)).toBe("3,010 ms");
    expect(formatMetric("timeToFirstTokenSeconds", 999.5)).toBe("1,000 ms"); // 999.5 to three figures is 1.00E3
    expect(formatMetric("timeToFirstTokenSeconds", 1234.56)).toBe("1,230 ms");
    expect(formatMetric("timeToFirstTokenSeconds", 12345.6)).toBe("12,300 ms");
    expect(formatMetric("trainingDays", 1234.56)).toBe("1,230 days");
    expect(formatMetric("trainingDays", 12345.6)).toBe("12,300 days");
    expect(formatMetricInterval("trainingDays", 1234.56, 12345.6)).toBe("1,230–12,300 days");
    expect(formatMetric("timeToFirstTokenSeconds", 3005)).toBe(`${formatRate(3005)} ms`);
    expect(formatMetricInterval("timePerOutputTokenSeconds", 50, 60)).toBe("50.0–60.0 ms");
    expect(formatMetric("trainingDays", 50)).toBe("50.0 days");
    expect(formatMetric("trainingDays", 243)).toBe("243 days");
  });

  it("writes every computed quantity with a unit from a thousand at three significant figures, as a time", () => {
    // One rule in formatPriceNumber (a time, an energy, a price, a ratio): 46,064 MWh, `training`'s Llama 3.1 405B run
    // on 16,384 H100s at MFU 0.41 (--json energyMwh 46,064.02), read "46,064 MWh" beside "$56.2M" and "76.6 days".
    expect(formatPriceNumber(46_064.02)).toBe("46,100"); // 4.61E4 to three figures
    expect(formatPriceNumber(1_234.56)).toBe(formatMetric("timeToFirstTokenSeconds", 1_234.56).replace(" ms", ""));
    expect(formatUsdPerHour(1_234.56)).toBe("1,230 USD/h"); // was "1,235 USD/h"
    expect(formatUsdPerMTok.range(1_234.56, 2_345.67)).toBe("1,230–2,350 USD/Mtok"); // was "1,235–2,346 USD/Mtok"
    expect(formatRatio(1_234_567)).toBe("1,230,000"); // grouped, not E notation: that starts at 1E15
    // Below a thousand as before, a whole value with its zeros; a count keeps every digit (chips, month numbers).
    expect(formatPriceNumber(2)).toBe("2.00");
    expect(formatPriceNumber(999.4)).toBe("999");
    expect(formatChips(1_814)).toBe("1,814 chips");
    expect(formatDisplayNumber(1_234.5)).toBe("1,235");
  });

  it("has a formatter for every metric that writes its unit", () => {
    for (const name of SCENARIO_METRICS) {
      const text = metricFormat(name)(1234);
      expect(text, name).toMatch(/\d/);
      expect(text, name).not.toMatch(/undefined|NaN/);
    }
    expect(Object.keys(METRIC_INFO).sort()).toEqual([...SCENARIO_METRICS].sort());
  });

  it("writes a metric's interval with its unit", () => {
    expect(formatMetricInterval("siliconNpvUsd", 1474, 4140)).toBe("$1.47–4.14B");
    expect(formatMetricInterval("inferenceOvertakesTrainingMonth", 6, 9)).toBe("month 6–9");
    expect(formatMetricInterval("costPerMillionTokensUsd", 0.759, 1.25)).toBe("0.759–1.25 USD/Mtok");
    expect(formatMetricInterval("timePerOutputTokenSeconds", 19.5, 21.5)).toBe("19.5–21.5 ms");
  });
});

describe("reportMedian and medianLabel", () => {
  it("takes the median of an uncertain metric, the number of a certain one", () => {
    expect(reportMedian({mean: 0.9973, p5: 0.759, p50: 0.987, p95: 1.25})).toBe(0.987);
    expect(reportMedian(0.44)).toBe(0.44);
    expect(reportMedian(null)).toBeNull();
    expect(reportMedian(undefined)).toBeNull();
    expect(medianLabel(1000)).toBe("median of 1,000 draws");
  });

  it("has no central value when half or more of the draws never reach the metric (the median draw has none)", () => {
    // deepseek-one-day's crossover: month 11–12 in the 2% of draws that cross, none in 98%.
    expect(reportMedian({mean: 11.5, p5: 11, p50: 12, p95: 12, nullShare: 0.98})).toBeNull();
    expect(reportMedian({mean: 11.5, p5: 11, p50: 12, p95: 12, nullShare: 0.5})).toBeNull();
    expect(reportMedian({mean: 11.5, p5: 11, p50: 12, p95: 12, nullShare: 0.49})).toBe(12);
  });
});

describe("displayValue", () => {
  it("rounds quantities to six significant digits in their display unit", () => {
    // A multiple carries its × (a scenario file reads "0.979796×" back), a plain number without one does not.
    expect(displayValue("silicon.relativeThroughput", 0.979795897113)).toBe("0.979796×");
    expect(displayValue("power.pue", 1.2)).toBe("1.2");
    expect(displayValue("serving.hardware", "h100-sxm")).toBe("h100-sxm");
    expect(displayValue("hardware.price", null)).toBe("—");
  });

  it("shows a distribution by its kind and 90% interval", () => {
    const lognormal = {kind: "lognormal", mu: Math.log(0.6), sigma: 0.1} as const;
    expect(displayValue("serving.utilization", lognormal)).toMatch(/^lognormal, 90% in 0\.50\d* to 0\.70\d*$/);
    expect(displayValue("serving.utilization", {kind: "uniform", min: 0.4, max: 0.8})).toBe("uniform, 0.4 to 0.8");
  });
});

describe("formatAssumption", () => {
  it("writes each kind of key for prose", () => {
    expect(formatAssumption("serving.utilization", 0.9)).toBe("90%");
    // A rate says what it is per, as the files and sliders write it: one way for every key of its kind.
    expect(formatAssumption("demand.growthPerYear", 0.3)).toBe("30%/yr");
    expect(formatAssumption("serving.costDeclinePerYear", 0.2)).toBe("20%/yr");
    expect(formatAssumption("finance.costOfCapital", 0.1)).toBe("10%/yr");
    expect(formatAssumption("silicon.nre", 273.9e6)).toBe("$274M");
    expect(formatAssumption("demand.users", 100e6)).toBe("100M");
    expect(formatAssumption("silicon.designCycle", 18)).toBe("18 months");
    expect(formatAssumption("serving.hardware", "h100-sxm")).toBe("h100-sxm");
    expect(formatAssumption("silicon.unitCost", null)).toBe("—");
  });

  it("groups a quantity's digits and rounds it as the metrics are (not the file notation's 4737)", () => {
    // openai-2024's tokens a user a day: 1,023 ÷ 0.216 = 4,737 (its source).
    expect(formatAssumption("demand.tokensPerUserPerDay", 4737)).toBe("4,737 tokens");
    expect(formatAssumption("demand.tokensPerUserPerDay", 14737.3)).toBe("14,737 tokens");
    expect(formatAssumption("fleet.inputTokensPerDay", 608e9)).toBe("608B tokens");
    expect(formatAssumption("silicon.designCycle", 18.5)).toBe("18.5 months");
  });

  it("writes an interval's end stated as zero as zero, not the rounding error of the normal's mean and sd", () => {
    // `run base --set "finance.vendorGrossMargin=0 to 0.5"` read "−1.1E−14% – 50% (90% interval)" (breaker): the
    // file's `0 to 0.5` is the normal normalFromInterval makes of it, whose 5th percentile is 0 but for rounding.
    const margin = normalFromInterval({p5: 0, p95: 0.5});
    expect(formatAssumption("finance.vendorGrossMargin", margin)).toBe("0–50% (90% interval)");
    expect(formatAssumption("finance.vendorGrossMargin", normalFromInterval({p5: 0, p95: 1e-7}))).toBe(
      "0%–1E\u22125% (90% interval)"
    );
    // An end that is not zero stays as it is, however small beside the other: 1e-12 is a millionth of the interval's
    // width, far above the trillionth taken as rounding.
    expect(formatAssumption("finance.vendorGrossMargin", normalFromInterval({p5: 1e-12, p95: 1e-6}))).toBe(
      "1E\u221210%–1E\u22124% (90% interval)"
    );
  });

  it("writes a stated price per token as the metrics write one, as a stated price per hour is", () => {
    // deepseek-one-day.md writes `inputCacheHit: 0.14 USD/Mtok` and `chipHourPrice: 2 USD/h`; its assumptions table
    // read "0.14 USD/Mtok" above "2.00 USD/h", and cost-lead-vs-model-lead's `price: 2 USD/Mtok` "2 USD/Mtok" beside
    // its cost of "2.02 USD/Mtok". Three significant digits, trailing zeros kept (formatUsdPerMTok).
    expect(formatAssumption("pricing.inputCacheHit", 0.14)).toBe("0.140 USD/Mtok");
    expect(formatAssumption("market.price", 2)).toBe("2.00 USD/Mtok");
    expect(formatAssumption("market.price", 2)).toBe(formatUsdPerMTok(2));
    expect(formatAssumption("fleet.chipHourPrice", 2)).toBe("2.00 USD/h");
    expect(formatAssumption("pricing.output", {kind: "uniform", min: 2, max: 4})).toBe(
      "2.10–3.90 USD/Mtok (90% interval)"
    );
  });

  it("writes a distribution as its 90% interval with the unit once", () => {
    // A uniform's 5th and 95th percentiles: min + 0.05 × (max − min) and min + 0.95 × (max − min).
    const uniform = (min: number, max: number) => ({kind: "uniform", min, max}) as const;
    expect(formatAssumption("moat.catchUpMonths", uniform(2, 12))).toBe("2.5–11.5 months (90% interval)");
    expect(formatAssumption("silicon.nre", uniform(100e6, 300e6))).toBe("$110–290M (90% interval)");
    expect(formatAssumption("serving.utilization", uniform(0.4, 0.6))).toBe("41–59% (90% interval)");
    // The larger end picks the display unit for both: 50B and 950B tokens.
    expect(formatAssumption("fleet.inputTokensPerDay", uniform(0, 1e12))).toBe("50–950B tokens (90% interval)");
  });
});

describe("formatMonths", () => {
  it("writes a duration in months with at most one decimal, one way site-wide (reader's audit)", () => {
    // A sample median of moat.catchUpMonths read "5.91 months" beside the chapters' whole months.
    expect(formatMonths(5.912)).toBe("5.9 months");
    expect(formatMonths(6.02)).toBe("6 months");
    expect(formatMonths(18)).toBe("18 months");
    expect(formatMonths(1)).toBe("1 month");
    expect(formatMonths.range(2.96, 12.04)).toBe("3–12 months");
    expect(formatAssumption("moat.catchUpMonths", 5.912)).toBe("5.9 months");
  });
});

describe("months", () => {
  it("are whole in text, and change by months, not by percent", () => {
    expect(formatMonth(7.65)).toBe("month 8");
    expect(formatMonth.range(5.6, 9.2)).toBe("month 6–9");
    expect(formatMonth.range(5.6, 6.2)).toBe("month 6");
    expect(formatMonthsChange(5, 8)).toBe("3 months earlier");
    expect(formatMonthsChange(9, 8)).toBe("1 month later");
    expect(formatMonthsChange(8, 8)).toBe("±0%");
    expect(formatMonthsChange(8, null)).toBe("");
  });

  it("writes a share's change in points, not as a relative change (33% → 36% is +3.3 points, not +10%)", () => {
    expect(formatPointsChange(0.363, 0.33)).toBe("+3.3 points");
    expect(formatPointsChange(0.2, 0.32)).toBe("\u221212 points");
    expect(formatPointsChange(0.33, 0.32)).toBe("+1 point");
    expect(formatPointsChange(0.3300001, 0.33)).toBe("±0%");
    expect(formatPointsChange(0.5, null)).toBe("");
  });

  it("never rounds a share of draws to 100% or 0% when some draws are on the other side", () => {
    expect(formatShareOfDraws(0.995)).toBe("99.5%"); // deepseek-one-day: 995 of 1,000 draws never cross
    expect(formatShareOfDraws(0.9996)).toBe("over 99.9%");
    expect(formatShareOfDraws(1)).toBe("100%");
    expect(formatShareOfDraws(0.0004)).toBe("0.04%"); // formatPercent keeps small shares apart from 0
    expect(formatShareOfDraws(0.003)).toBe("0.3%");
    expect(formatShareOfDraws(0.98)).toBe("98%");
  });
});
