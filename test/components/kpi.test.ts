// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {formatPercent} from "../../docs/components/format.js";
import {Kpi, shownFraction} from "../../docs/components/kpi.js";

describe("Kpi", () => {
  it("gives a share's change in points between the two figures as shown (reader's audit)", () => {
    // /training-vs-inference read "33% (−0.11 points vs the start)" after a start of "34%".
    const crossing = Kpi(0.3344, {format: formatPercent, change: "points", base: 0.3355});
    expect(crossing.textContent).toBe("33% (−1 point vs the start)");
    // Both read 34%: no change is shown beside a figure that did not change.
    expect(Kpi(0.3372, {format: formatPercent, change: "points", base: 0.3355}).textContent).toBe("34%");
    expect(Kpi(0.052, {format: formatPercent, change: "points", base: 0.0531}).textContent).toBe(
      "5.2% (−0.1 points vs the start)"
    );
    // A relative change is of the values themselves.
    expect(Kpi(103, {format: String, base: 100}).textContent).toBe("103 (+3% vs the start)");
  });
});

describe("shownFraction", () => {
  it("reads a percentage back as the fraction it shows", () => {
    expect(shownFraction("34%")).toBe(0.34);
    expect(shownFraction("5.3%")).toBeCloseTo(0.053, 12);
    expect(shownFraction("−12%")).toBe(-0.12);
    expect(shownFraction("1,200%")).toBe(12);
    expect(shownFraction("0.34")).toBeNull();
  });
});
