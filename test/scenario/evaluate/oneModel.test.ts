// One model under every chapter (issue 13): the spend over time (chapter 2), the inference tax (chapter 3) and the
// silicon program (chapter 4) price the same tokens in the same months at the same cost, so their shared quantities
// are equal and the tax recovered is never more than the bill it is a share of.
import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {loadCatalogs} from "../../../src/node/catalogFiles.js";
import {loadScenarioLibrary} from "../../../src/node/scenarioLibrary.js";
import {bindScenario, evaluateScenarioPoint} from "../../../src/scenario/evaluate/evaluateScenario.js";
import {scenarioMedianPoint} from "../../../src/scenario/resolve/scenarioValues.js";

const catalogs = loadCatalogs();
const library = loadScenarioLibrary();

/** |a − b| within `relative` of the larger magnitude (sums of up to 360 months in a different order). */
function expectSame(a: number, b: number, relative = 1e-9): void {
  expect(Math.abs(a - b)).toBeLessThanOrEqual(relative * Math.max(Math.abs(a), Math.abs(b), 1));
}

// Demand, its growth, the cost decline and the horizon: the drivers every chapter shares. Growth stays below the
// strategy models' cap of 10 a year (1,000%), above which the spend model (uncapped) and the others would differ.
const drivers = fc.record({
  "demand.users": fc.double({min: 1e3, max: 1e9, noNaN: true}),
  "demand.growthPerYear": fc.double({min: -0.5, max: 1.5, noNaN: true}),
  "demand.tokensPerUserGrowth": fc.double({min: -0.5, max: 1, noNaN: true}),
  "demand.agentMultiplier": fc.double({min: 1, max: 20, noNaN: true}),
  "demand.agentGrowth": fc.double({min: 0, max: 1, noNaN: true}),
  "serving.costDeclinePerYear": fc.double({min: 0, max: 0.9, noNaN: true}),
  "serving.utilization": fc.double({min: 0.1, max: 1, noNaN: true}),
  "horizon.months": fc.integer({min: 1, max: 120})
});

describe("one model under every chapter", () => {
  for (const id of ["base", "asic-9-months", "agent-era"]) {
    it(`${id}: the tax's merchant bill is the spend's inference bill, year by year; the tax never exceeds it`, () => {
      const bound = bindScenario(library.resolve(id), catalogs);
      const median = scenarioMedianPoint(bound.resolved);
      fc.assert(
        fc.property(drivers, (change) => {
          const e = evaluateScenarioPoint(bound, {...median, ...change});
          // One cost per token at the start, in every chapter.
          expectSame(e.tax.merchantCostUsdPerMTok, e.spend.months[0]!.servingCostUsdPerMTok);
          expectSame(e.silicon.merchantCostUsdPerMTok, e.tax.merchantCostUsdPerMTok);
          // The tax's years are the spend's months, twelve at a time.
          const months = e.spend.months;
          expect(e.tax.years.reduce((n, year) => n + year.months, 0)).toBe(months.length);
          let first = 0;
          for (const year of e.tax.years) {
            const slice = months.slice(first, first + year.months);
            expectSame(
              year.merchantSpendUsd,
              slice.reduce((sum, m) => sum + m.inferenceSpendUsd, 0)
            );
            expectSame(
              year.tokens,
              slice.reduce((sum, m) => sum + m.inferenceTokens, 0)
            );
            first += year.months;
          }
          expectSame(
            e.tax.years.reduce((sum, year) => sum + year.merchantSpendUsd, 0),
            e.spend.totalInferenceSpendUsd
          );
          // The silicon program's baseline (all demand on merchant chips) is the same bill, month by month.
          months.forEach((m, i) => expectSame(e.silicon.months[i + 1]!.baselineSpendUsd, m.inferenceSpendUsd));
          // The tax is a share of that bill: never more, and the same share every year.
          expect(e.tax.totalRecoveredUsd).toBeLessThanOrEqual(e.spend.totalInferenceSpendUsd * (1 + 1e-12));
          for (const year of e.tax.years) {
            if (year.merchantSpendUsd > 0) expectSame(year.recoveredUsd / year.merchantSpendUsd, e.tax.taxShare);
          }
          // The silicon program saves at most what the merchant bill would have been.
          expect(e.silicon.totalSavingsUsd).toBeLessThanOrEqual(e.spend.totalInferenceSpendUsd * (1 + 1e-12));
        }),
        {numRuns: 60}
      );
    });
  }
});
