import {describe, expect, it} from "vitest";
import {NULLABLE_METRICS} from "../../../src/scenario/evaluate/metrics.js";
import {
  absentMetricText,
  formatChange,
  formatComputedPercent,
  formatDisplayNumber,
  formatMetric,
  formatPercent,
  formatPercentPerYear,
  formatShareOfDraws,
  formatUsd,
  formatUsdPerMTok,
  flywheelFloorNote,
  taxIsVendorShareNote,
  missingDrawsText,
  usdColumnFormat,
  countColumnFormat,
  formatChips,
  formatCount,
  formatMetricInterval,
  formatMetricWithin,
  formatStatedUsd,
  formatUsdPerMwh,
  formatRate,
  formatTokensPerSecond,
  formatTokensPerSecondPerMw,
  formatTimes
} from "../../../src/scenario/run/reportFormat.js";
import {METRIC_INFO} from "../../../src/scenario/evaluate/metricInfo.js";
import type {ScenarioMetricName} from "../../../src/scenario/evaluate/evaluateScenario.js";

// Expected strings worked by hand from the digit rule in src/scenario/run/reportFormat.ts: three significant digits,
// E notation below 1e-4 (as formatDisplayNumber), U+2212 for a minus sign.
describe("absentMetricText", () => {
  it("says in words why each metric that can be missing is missing, never a bare dash (breaker: break-even read —)", () => {
    for (const name of NULLABLE_METRICS) expect(absentMetricText(name), name).not.toBe("—");
    expect(absentMetricText("siliconBreakevenUnits")).toBe("none (the custom chip saves nothing per token)");
  });
});

describe("usdColumnFormat", () => {
  it("writes a column's parts with the scale word its total takes (training's parts read $613,495 beside $1.22M)", () => {
    const n = usdColumnFormat([1_220_000, 613_495, 82_789, 512]);
    // 613,495 at three significant digits with a scale word is $613K; 82,789 is $82.8K; below a thousand, in full.
    expect([n(1_220_000), n(613_495), n(82_789), n(512)]).toEqual(["$1.22M", "$613K", "$82.8K", "$512"]);
  });

  it("is formatUsd when no amount takes a scale word", () => {
    const n = usdColumnFormat([613_495, 82_789, Number.NaN]);
    expect([n(613_495), n(82_789)]).toEqual([formatUsd(613_495), formatUsd(82_789)]);
  });
});

describe("countColumnFormat", () => {
  it("writes a column's counts with the scale word its largest takes (774,688 chip-hours read beside 1.16M)", () => {
    const n = countColumnFormat([30_840_000, 1_160_416, 774_688, 184_320, 512, Number.NaN]);
    expect([n(30_840_000), n(1_160_416), n(774_688), n(184_320), n(512)]).toEqual([
      "30.8M",
      "1.16M",
      "775K",
      "184K",
      "512"
    ]);
  });

  it("is formatCount when no count takes a scale word", () => {
    const n = countColumnFormat([809_472, 184_320]);
    expect([n(809_472), n(184_320)]).toEqual([formatCount(809_472), formatCount(184_320)]);
  });
});

describe("formatUsd", () => {
  it("writes tiny money in E notation, as formatDisplayNumber writes a tiny number", () => {
    // 3.13e-9 to three significant digits is 3.13 × 10^−9; it was written "$0.00000000313" (breaker).
    expect(formatUsd(3.13e-9)).toBe("$3.13E\u22129");
    expect(formatDisplayNumber(3.13e-9)).toBe("3.13E\u22129");
    expect(formatUsd(-3.13e-9)).toBe("\u2212$3.13E\u22129");
    // 9.99e-5 is below 1e-4: 9.99 × 10^−5.
    expect(formatUsd(9.99e-5)).toBe("$9.99E\u22125");
  });

  it("keeps plain notation from 1e-4 and for zero", () => {
    // 0.0001 at three significant digits with its zeros: 0.000100.
    expect(formatUsd(1e-4)).toBe("$0.000100");
    expect(formatUsd(0.00031)).toBe("$0.000310");
    expect(formatUsd(0)).toBe("$0");
  });

  it("writes a tiny range in E notation at both ends", () => {
    // 1.5e-9 and 3e-9 are both below 1e-4; ICU writes a range of two scientific values end to end.
    expect(formatUsd.range(1.5e-9, 3e-9)).toMatch(/^\$1\.50E\u22129.*3\.00E\u22129$/);
  });

  it("writes the currency sign once in a range under a million, as a range with a scale word has it", () => {
    // `run base` wrote "$1,700/MWh [$1,340–$2,200/MWh]" beside "$326M [$251–413M]" (ICU's collapsed compact range);
    // the README writes "$5,700–7,300". One rule: the sign once, before the first end.
    expect(formatUsd.range(1_340, 2_200)).toBe("$1,340–2,200");
    expect(formatUsd.range(700_000, 990_000)).toBe("$700,000–990,000");
    expect(formatUsd.range(2.51e8, 4.13e8)).toBe("$251–413M");
    // A minus sign keeps each end whole, so that the sign reads with its end ("−$334M – $99.8M").
    expect(formatUsd.range(-3.34e8, 9.98e7)).toBe("\u2212$334M – $99.8M");
    expect(formatUsd.range(-2_000, -1_000)).toBe("\u2212$2,000 – \u2212$1,000");
    // Ends in two notations keep theirs, so that "$5" is not read at the other end's scale ("$5–1.93M").
    expect(formatUsd.range(5, 1.93e6)).toBe("$5–$1.93M");
  });

  it("writes a range from nothing with a bare $0, whatever the other end's scale", () => {
    // ICU's compact range wrote "$0.00–29.5M" (the high end's three digits at the high end's scale) beside
    // "$0–$182,673" in the same run table; a zero is "$0" at every scale, the other end as formatUsd writes it, the
    // sign once as every money range has it (the next test).
    expect(formatUsd.range(0, 29.5e6)).toBe("$0–29.5M");
    expect(formatUsd.range(0, 182_673)).toBe("$0–182,673");
    // Two non-zero ends still share ICU's one scale word.
    expect(formatUsd.range(1.47e9, 4.14e9)).toBe("$1.47–4.14B");
  });

  it("leaves a tiny price per token as formatDisplayNumber writes it", () => {
    expect(formatUsdPerMTok(3.13e-9)).toBe("3.13E\u22129 USD/Mtok");
  });
});

describe("formatPercent near the whole", () => {
  it("never writes a fraction short of the whole as 100%", () => {
    // 0.999 = 99.9% exactly at three significant digits; 0.99996 = 99.996%, cut (not rounded) at its first digit that
    // is not a 9, so it neither reads "100%" nor a rounder "99.9%".
    expect(formatPercent(0.999)).toBe("99.9%");
    expect(formatPercent(0.99996)).toBe("99.996%");
    expect(formatPercent(0.9999)).toBe("99.99%");
    expect(formatPercent(0.99987)).toBe("99.98%");
    // 0.995 = 99.5%: the first fraction that whole-percent rounding would write "100%" (99.5 rounds up).
    expect(formatPercent(0.995)).toBe("99.5%");
    expect(formatPercent(-0.9995)).toBe("\u221299.95%");
  });

  it("writes the whole itself, and fractions below 99.5%, as before", () => {
    expect(formatPercent(1)).toBe("100%");
    expect(formatPercent(-1)).toBe("\u2212100%");
    // 0.994 rounds to 99% whole, as any share from 10%.
    expect(formatPercent(0.994)).toBe("99%");
    // 1.004 is past the whole: 100.4% rounds to 100% whole.
    expect(formatPercent(1.004)).toBe("100%");
  });

  it("does not write a yearly fall of 99.9% as −100%/yr (everything gone)", () => {
    expect(formatPercentPerYear(-0.999)).toBe("\u221299.9%/yr");
    expect(formatPercentPerYear(-0.9999)).toBe("\u221299.99%/yr");
    expect(formatPercentPerYear(-1)).toBe("\u2212100%/yr");
    expect(formatPercentPerYear(-0.3)).toBe("\u221230%/yr");
  });

  it("does not write a change of −99.9% as −100%", () => {
    // 0.001 ÷ 1 − 1 = −0.999.
    expect(formatChange(0.001, 1)).toBe("\u221299.9%");
    expect(formatChange(0, 1)).toBe("\u2212100%");
  });

  it("writes a wide interval's near-whole end at the whole percent, as its other end and median read", () => {
    // A wide interval of a share read "[28.13116%–99.99996%]" in run's table (trial): the near-whole end's seven
    // digits were given to both ends.
    expect(formatPercent.range(0.2813116, 0.9999996)).toBe("28–100%");
    expect(formatComputedPercent.range(0.2813116, 0.9999996)).toBe("28–100%");
    expect(formatPercentPerYear.range(-0.9999, -0.4)).toBe("\u2212100% – \u221240%/yr");
    expect(formatComputedPercent.range(0.04, 0.9991)).toBe("4–100%");
    // Both ends near the whole: each keeps the digits that tell it from the whole.
    expect(formatPercent.range(0.9951, 0.99996)).toBe("99.51–99.996%");
    // An end in E notation beside a near-whole one: each end alone, the near-whole one whole.
    expect(formatPercent.range(5.1e-9, 0.99999)).toBe("5.1E\u22127%–100%");
  });

  it("keeps formatShareOfDraws' words above 99.9%", () => {
    expect(formatShareOfDraws(0.9996)).toBe("over 99.9%");
    expect(formatShareOfDraws(0.997)).toBe("99.7%");
    expect(formatShareOfDraws(0.999)).toBe("99.9%"); // 999 of 1,000 draws: exactly 99.9%, not "over"
  });
});

describe("a percent range", () => {
  it("writes the percent sign once, as a money or unit range writes its unit (trial)", () => {
    // run base printed "35% [29%–41%]" beside "2.02 USD/Mtok [1.55–2.56 USD/Mtok]" and "$326M [$251–413M]".
    expect(formatPercent.range(0.29, 0.41)).toBe("29–41%");
    expect(formatComputedPercent.range(0.46, 0.75)).toBe("46–75%");
    expect(formatComputedPercent.range(0.71, 1.82)).toBe("71–182%");
    expect(formatPercent.range(0, 0.29)).toBe("0–29%");
    expect(formatPercentPerYear.range(0.1, 0.4)).toBe("10–40%/yr");
  });

  it("keeps each end whole where a minus sign is in it, as money does (\u2212$334M – $99.8M)", () => {
    expect(formatUsd.range(-334e6, 99.8e6)).toBe("\u2212$334M – $99.8M");
    expect(formatPercent.range(-0.05, 0.12)).toBe("\u22125% – 12%");
    expect(formatPercent.range(-0.41, -0.29)).toBe("\u221241% – \u221229%");
    expect(formatPercentPerYear.range(-0.1, 0.4)).toBe("\u221210% – 40%/yr");
  });

  it("writes a zero end as 0, the other end at the digits its column gives it (tester: −5.0% – 0.0%)", () => {
    // A computed −5% to 0 read "−5.0% – 0.0%": the −5% end's two significant digits (PERCENT_SMALL_COMPUTED, "4.0%"
    // beside "5.3%" in one column) were given to the zero, which alone reads "0%" (formatComputedPercent(0)).
    expect(formatComputedPercent(0)).toBe("0%");
    expect(formatComputedPercent(-0.05)).toBe("\u22125.0%");
    expect(formatComputedPercent.range(-0.05, 0)).toBe("\u22125.0% – 0%");
    // From zero up, the percent sign once, as "0–29%" writes it.
    expect(formatComputedPercent.range(0, 0.05)).toBe("0–5.0%");
    expect(formatComputedPercent.range(0, 0.053)).toBe("0–5.3%");
    // A stated value's range reads at its whole percent, as before.
    expect(formatPercent.range(-0.05, 0)).toBe("\u22125% – 0%");
    expect(formatPercent.range(0, 0.05)).toBe("0–5%");
    // An end just short of the whole beside a zero reads whole, as beside any other end.
    expect(formatComputedPercent.range(0, 0.99991)).toBe("0–100%");
  });

  it("keeps each end whole where an end is in E notation, a zero end too (breaker)", () => {
    // run base --set "finance.vendorGrossMargin=0.0000001 to 0.0000002" read "1E−5–2E−5% (90% interval)", and
    // "=0 to 1e-7" an inference tax of "[1.4E−7–5.1E−6%]": the first end read as a fraction's E notation. The ends
    // are the p5 and p95 of that run's --json inferenceTaxShare (1.37e-9, 5.10e-8) and the interval as written.
    expect(formatPercent.range(1e-7, 2e-7)).toBe("1E\u22125%–2E\u22125%");
    expect(formatComputedPercent.range(1.3749e-9, 5.097e-8)).toBe("1.4E\u22127%–5.1E\u22126%");
    expect(formatPercentPerYear.range(1e-7, 2e-7)).toBe("1E\u22125%–2E\u22125%/yr");
    // A zero end read "0E0": the scientific format of the other end given to both.
    expect(formatPercent.range(0, 1e-9)).toBe("0%–1E\u22127%");
    expect(formatPercent.range(-1e-9, 1e-9)).toBe("\u22121E\u22127% – 1E\u22127%");
  });
});

describe("a range with one end zero", () => {
  // One rule for every range format (zeroEndRange): the zero a bare 0 (its unit where each end carries one), the other
  // end as it reads alone, the dash spaced where a minus sign is beside it. Each `was` is what the range read before:
  // the other end's format given to the zero (breaker, tester).
  const formats = {
    formatDisplayNumber,
    formatComputedPercent,
    formatUsdPerMTok,
    formatTimes,
    formatUsd,
    formatCount,
    formatRate
  };
  it.each([
    {name: "formatDisplayNumber", low: 0, high: 5.1e-6, expected: "0–5.10E\u22126", was: "(as now)"},
    {name: "formatDisplayNumber", low: -5.1, high: 0, expected: "\u22125.10 – 0", was: "(as now)"},
    // The percent sign once where no minus sign or E notation keeps each end whole.
    {name: "formatComputedPercent", low: 0, high: 0.05, expected: "0–5.0%", was: "(as now)"},
    {name: "formatComputedPercent", low: -0.05, high: 0, expected: "\u22125.0% – 0%", was: "(as now)"},
    {name: "formatComputedPercent", low: 0, high: 5.1e-8, expected: "0%–5.1E\u22126%", was: "(as now)"},
    {
      name: "formatUsdPerMTok",
      low: -2,
      high: 0,
      expected: "\u22122.00 – 0 USD/Mtok",
      was: "\u22122.00 – 0.00 USD/Mtok"
    },
    {name: "formatTimes", low: 0, high: 2, expected: "0–2.00\u00d7", was: "0.00–2.00\u00d7"},
    {name: "formatUsd", low: -5e6, high: 0, expected: "\u2212$5.00M – $0", was: "\u2212$5.00M – $0.00"},
    {
      name: "formatUsd",
      low: -5e-6,
      high: 0,
      expected: "\u2212$5.00E\u22126 – $0",
      was: "\u2212$5.00E\u22126 – $0.00E0"
    },
    // The "$" once, as "$0–29.5M".
    {name: "formatUsd", low: 0, high: 29.5e6, expected: "$0–29.5M", was: "(as now)"},
    {name: "formatCount", low: 0, high: 2e6, expected: "0–2.00M", was: "0.00–2.00M"},
    {name: "formatRate", low: 0, high: 2e6, expected: "0–2.00M", was: "0.00–2.00M"},
    // The −40.0 end as formatRate(−40) writes it alone.
    {name: "formatRate", low: -40, high: 0, expected: "\u221240.0 – 0", was: "\u221240 – 0"}
  ] as const)("$name.range($low, $high) is $expected (was $was)", ({name, low, high, expected}) => {
    expect(formats[name].range(low, high)).toBe(expected);
  });
});

describe("formatPercent of a tiny share", () => {
  it("writes it in E notation below 0.0001%, as formatDisplayNumber writes a tiny number", () => {
    // 4.3e-15 of the whole is 4.3 × 10^−13 percent; it was written "0.00000000000043%" (breaker).
    expect(formatPercent(4.3e-15)).toBe("4.3E\u221213%");
    expect(formatPercent(-4.3e-15)).toBe("\u22124.3E\u221213%");
    // 1e-6 is 0.0001%: still plain, two significant digits.
    expect(formatPercent(1e-6)).toBe("0.0001%");
    expect(formatPercent(0)).toBe("0%");
  });
});

describe("a range whose ends read in different notations", () => {
  it("writes each end as it reads alone", () => {
    // 2.4e-6 is below 1e-4 (E notation), 0.00451 is not: one format for both wrote "0.00000240–0.00451" (breaker).
    expect(formatDisplayNumber.range(2.4e-6, 0.00451)).toBe("2.40E\u22126–0.00451");
    // 5.1e-9 of the whole is 5.1 × 10^−7 percent, below 0.0001%; 5.2e-5 is 0.0052% (breaker: "0.00000051%–0.0052%").
    expect(formatPercent.range(5.1e-9, 5.2e-5)).toBe("5.1E\u22127%–0.0052%");
    // Money ends in E notation and plain: each end whole.
    expect(formatUsd.range(3.13e-9, 2)).toBe("$3.13E\u22129–$2");
  });

  it("writes a zero end beside one in E notation as 0, not in the other's notation (breaker)", () => {
    // `run cost-lead-vs-model-lead --set "market.price=0 to 0.0001"` read "0.00E0–1.00E−4 USD/Mtok (90% interval)".
    expect(formatUsdPerMTok.range(0, 5e-5)).toBe("0–5.00E\u22125 USD/Mtok");
    expect(formatDisplayNumber.range(0, 2e18)).toBe("0–2.00E18");
    expect(formatDisplayNumber.range(-5e-5, 0)).toBe("\u22125.00E\u22125 – 0");
    // A zero end beside a plain one is a bare 0 too (zeroEndRange): it read "0.00–2.00 USD/Mtok", the 2.00 end's digits
    // given to the zero, where the same formatter wrote "0–5.00E−5" above and a rate "0–40.0".
    expect(formatUsdPerMTok.range(0, 2)).toBe("0–2.00 USD/Mtok");
  });

  it("keeps one format where both ends share it", () => {
    expect(formatPercent.range(0.053, 0.29)).toBe("5–29%");
    expect(formatUsd.range(18.4e6, 59.4e6)).toBe("$18.4–59.4M");
    expect(formatDisplayNumber.range(0.759, 1.25)).toBe("0.759–1.25");
  });
});

describe("an interval and its median at one scale", () => {
  it("writes both ends of a money interval at the larger end's scale word", () => {
    // `run base --set serving.hardware=b200` (demand.users 80M) read "$1.24M [$952,206–$1.57M]" (new-user trial);
    // it had read "$63,757–$1.93M" and, ICU's, "$63.8K–$1.93M".
    expect(formatUsd.range(952_206, 1.57e6)).toBe("$0.952–1.57M");
    expect(formatUsd.range(63_757, 1.93e6)).toBe("$0.0638–1.93M");
    expect(formatUsd.range(8.2e8, 2.35e9)).toBe("$0.820–2.35B"); // was "$820M–$2.35B"
    expect(formatUsdPerMwh.range(900_000, 1.2e6)).toBe("$0.900–1.20M/MWh");
    expect(formatStatedUsd.range(9e8, 1.5e9)).toBe("$0.9–1.5B");
    // An end under a thousand, or nothing, stays as it reads alone (not "$0.00000500M").
    expect(formatUsd.range(5, 1.93e6)).toBe("$5–$1.93M");
    expect(formatUsd.range(0, 2e6)).toBe("$0–2.00M");
    // Ends that share a scale keep ICU's range.
    expect(formatUsd.range(1.19e6, 1.96e6)).toBe("$1.19–1.96M");
    expect(formatUsd.range(-5.07e8, -1.54e8)).toBe("\u2212$507M – \u2212$154M");
  });

  it("writes a count interval at one scale too", () => {
    expect(formatCount.range(891_865, 1.47e6)).toBe("0.892–1.47M"); // was "892K–1.47M"
    expect(formatChips.range(5e5, 1.2e6)).toBe("0.500–1.20M chips");
    expect(formatCount.range(17_115, 28_225)).toBe("17,115–28,225");
  });

  it("writes the median beside its interval at the interval's scale", () => {
    expect(formatUsd.within(9.5e5, 7e5, 1.2e6)).toBe("$0.950M"); // alone "$950,000"
    expect(formatUsd.within(1.16e6, 891_865, 1.47e6)).toBe("$1.16M");
    expect(formatUsd.within(9.5e5, 7e5, 9.9e5)).toBe("$950,000");
    expect(formatChips.within(9.5e5, 7e5, 1.2e6)).toBe("0.950M chips");
    expect(formatMetricWithin("fleetCostPerDayUsd", 9.5e5, 7e5, 1.2e6)).toBe("$0.950M");
    expect(
      `${formatMetricWithin("fleetCostPerDayUsd", 1.16e6, 891_865, 1.47e6)} [${formatMetricInterval(
        "fleetCostPerDayUsd",
        891_865,
        1.47e6
      )}]`
    ).toBe("$1.16M [$0.892–1.47M]");
  });
});

describe("formatMetric: one rule per column", () => {
  it("writes a computed percentage below 10% with two significant digits, a trailing zero kept", () => {
    // /compare's flywheel column read "4%" beside "5.3%"; display values are percent (METRIC_INFO scale 100).
    expect(formatMetric("flywheelCostReduction", 3.96)).toBe("4.0%");
    expect(formatMetric("flywheelCostReduction", 5.31)).toBe("5.3%");
    expect(formatMetric("flywheelCostReduction", 0)).toBe("0%");
    expect(formatMetric("flywheelUserGain", 146.2)).toBe("146%");
    // Stated values keep their own digits.
    expect(formatPercent(0.05)).toBe("5%");
  });

  it("writes a ratio with three significant digits and the sign after it, a whole one too", () => {
    // /compare read "1 ×" beside "0.978 ×".
    expect(formatMetric("siliconRelativeThroughput", 1)).toBe("1.00×");
    expect(formatMetric("siliconRelativeThroughput", 0.9781)).toBe("0.978×");
  });
});

describe("flywheelFloorNote", () => {
  it("says why the flywheel saves nothing when the design cycle is at its floor, and nothing otherwise", () => {
    const at = (cycle: number) => ({"silicon.designCycle": {value: cycle}, "flywheel.minDesignCycle": {value: 9}});
    expect(flywheelFloorNote(at(9))).toBe(
      "nothing gained: a design cycle of 9 months is already at the shortest better models can reach (9 months), so " +
        "they have nothing to shorten"
    );
    // Months as formatMonths writes them everywhere (one decimal), not a stated number's three digits ("5.91").
    expect(flywheelFloorNote({"silicon.designCycle": {value: 5.91}, "flywheel.minDesignCycle": {value: 9}})).toBe(
      "nothing gained: a design cycle of 5.9 months is already at the shortest better models can reach (9 months), " +
        "so they have nothing to shorten"
    );
    expect(flywheelFloorNote(at(24))).toBeNull();
    expect(flywheelFloorNote({})).toBeNull();
  });
});

describe("missingDrawsText", () => {
  it("says why a metric is missing in some draws, in the words its absence has", () => {
    // A month (METRIC_INFO unit "month"): it never comes within the horizon.
    expect(missingDrawsText("siliconPaybackMonth", 0.97)).toBe("never in 97% of draws");
    // A share of the day's tokens (absent "none (no demand)"): the reason, not "never" (breaker: "never in 40%").
    expect(missingDrawsText("fleetUtilizationNeeded", 0.4)).toBe("no demand in 40% of draws");
    expect(missingDrawsText("priceListGrossMargin", 0.4)).toBe("no revenue at these prices in 40% of draws");
    // No stated reason: "none".
    expect(missingDrawsText("costPerMillionTokensUsd", 0.004)).toBe("none in 0.4% of draws");
  });
});

describe("a value that is not a number", () => {
  // A report page with a misspelt metric (ev.metrics.costPerMillionTokenUsd) printed "undefined USD/Mtok" and built;
  // the formats refuse it, so the page shows the error in its cell and `pdf` refuses the page (author trial).
  it.each([
    [undefined, /found undefined \(a misspelt metric or key name/],
    [null, /found null$/],
    ["1.5", /found "1\.5"$/],
    [{}, /found object$/]
  ])("refuses %s, naming it", (value, message) => {
    expect(() => formatUsdPerMTok(value as unknown as number)).toThrow(TypeError);
    expect(() => formatUsdPerMTok(value as unknown as number)).toThrow(message);
    expect(() => formatUsd.range(1, value as unknown as number)).toThrow(message);
  });

  it("writes NaN and infinities as before", () => {
    expect(formatDisplayNumber(Number.NaN)).toBe("NaN");
    expect(formatDisplayNumber(Number.POSITIVE_INFINITY)).toBe("Infinity");
  });
});

describe("a range with an end too small for plain digits", () => {
  it("writes that end in E notation, not hundreds of zeros (breaker: a p5 of 1e-300 widened the table to 376 columns)", async () => {
    const {formatChips} = await import("../../../src/scenario/run/reportFormat.js");
    expect(formatChips.range(4.83e-7, 6.98e6)).toBe("4.83E−7–6.98M chips");
    expect(formatChips.range(1e-300, 3.42e7)).toBe("1.00E−300–34.2M chips");
    expect(formatChips.range(1e-300, 1e11)).toBe("1.00E−300–100B chips");
  });
});

describe("taxIsVendorShareNote", () => {
  it("says the tax is the vendor's share of token cost when the custom chip is bought at cost, and nothing otherwise", () => {
    expect(taxIsVendorShareNote({"silicon.partnerMargin": {value: 0}})).toMatch(/^the inference tax is the vendor's/);
    expect(taxIsVendorShareNote({"silicon.partnerMargin": {value: {kind: "point", value: 0}}})).not.toBeNull();
    expect(taxIsVendorShareNote({"silicon.partnerMargin": {value: 0.2}})).toBeNull();
    expect(taxIsVendorShareNote({"silicon.partnerMargin": {value: {kind: "uniform", low: 0, high: 0.2}}})).toBeNull();
    expect(taxIsVendorShareNote({})).toBeNull();
  });
});

describe("a rate reads at three significant figures, a count to the unit", () => {
  // A strategy reader's review: /compare and the scenario pages printed base's "235,462 tokens/s/MW [185,597–306,073]"
  // beside figures at three significant digits, a modelled rate with a ±30% interval written to the unit.
  // A rate is a quantity per second or per unit of power: METRIC_INFO units ending "/s", "/MW" or "/MWh".
  const rates = (Object.keys(METRIC_INFO) as ScenarioMetricName[]).filter((name) =>
    /\/(s|MW|MWh)$/.test(METRIC_INFO[name].unit)
  );

  it("finds every rate metric", () => {
    expect(rates.sort()).toEqual([
      "outputTokensPerSecondPerChip",
      "revenuePerMwHourUsd",
      "tokensPerSecondPerChip",
      "tokensPerSecondPerMw"
    ]);
  });

  it.each(rates)("%s: a value, its interval and its median at three significant figures", (name) => {
    const {scale} = METRIC_INFO[name];
    // base's blended tokens/s/MW and its 90% interval (`token-ledger run base` before this change), rounded by hand
    // to three significant figures: 235,462 → 235,000; 185,597 → 186,000; 306,073 → 306,000.
    expect(formatMetric(name, 235_462 * scale)).toMatch(/(^|\$)235,000\b/);
    expect(formatMetricInterval(name, 185_597 * scale, 306_073 * scale)).toMatch(/186,000–\$?306,000\b/);
    expect(formatMetricWithin(name, 235_462 * scale, 185_597 * scale, 306_073 * scale)).toMatch(/235,000\b/);
  });

  it("writes the pages' and the CLI's named rate formats alike", () => {
    expect(formatTokensPerSecondPerMw(235_462)).toBe("235,000 tokens/s/MW");
    expect(formatTokensPerSecondPerMw.range(185_597, 306_073)).toBe("186,000–306,000 tokens/s/MW");
    // base's revenue per MW-hour, `run base` before this change: "$1,695/MWh [$1,336–$2,204/MWh]"; the currency sign
    // once, as every money range writes it ("$326M [$251–413M]").
    expect(formatUsdPerMwh(1_695.4)).toBe("$1,700/MWh");
    expect(formatUsdPerMwh.range(1_336, 2_204)).toBe("$1,340–2,200/MWh");
    // Below a thousand three figures are the digits formatCount writes; 999,999 rounds to a million and its scale word.
    expect(formatRate(93.84)).toBe("93.8");
    expect(formatRate(999_999)).toBe("1.00M");
    expect(formatRate(0)).toBe("0");
  });

  it("keeps a rate's trailing zeros when it is whole, as a time's and a price's", () => {
    // formatRate wrote 40 tokens/s "40" beside "93.8" (formatCount's whole number, a count's rule: 64 chips).
    expect(formatRate(40)).toBe("40.0");
    expect(formatRate(40.04)).toBe("40.0");
    expect(formatTokensPerSecond(20)).toBe("20.0 tokens/s");
    expect(formatRate.range(40, 60)).toBe("40.0–60.0");
    expect(formatRate.range(0, 40)).toBe("0–40.0");
    expect(formatRate.within(40, 30, 50)).toBe("40.0");
    // From a thousand the integer digits are three figures already; a scale word keeps its zeros.
    expect(formatRate(1_110.3)).toBe("1,110");
    expect(formatRate.range(2e6, 3.29e6)).toBe("2.00–3.29M");
    expect(formatRate.within(9.5e5, 7e5, 1.2e6)).toBe("0.950M");
  });

  it("keeps a count of things to the unit", () => {
    // base's chips serving one day's tokens, `run base`: "45,896 chips [35,308–58,227 chips]".
    expect(formatMetric("fleetChips", 45_896)).toBe("45,896 chips");
    expect(formatMetricInterval("fleetChips", 35_308, 58_227)).toBe("35,308–58,227 chips");
  });
});
