// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {crossoverVerdict, type CrossoverMonths} from "../../docs/components/crossoverVerdict.js";
import type {InferenceLeadPeriod} from "../../src/strategy/trainingVsInference.js";

/** The verdict's text, each figure in [brackets] with its name, as a page would render it in its own element. */
const text = (
  months: CrossoverMonths,
  capitalize = false,
  leads: InferenceLeadPeriod[] = [],
  laterLeadsNote?: string
) =>
  crossoverVerdict(months, {
    horizonMonths: 60,
    capitalize,
    leads,
    laterLeadsNote,
    figure: (name, value, words) => `[${name}=${value ?? "null"}: ${words}]`
  }).textContent;

describe("crossoverVerdict", () => {
  it("says a first pass that training takes back is not a crossing for good (base: months 5 and 27, none for good)", () => {
    expect(text({first: 5, retake: 27, durable: null})).toBe(
      "cumulative inference spend passes training in [first=5: month 5], but a training run takes the lead back in " +
        "[retake=27: month 27], and inference [durable=null: does not overtake training for good within the " +
        "60-month horizon]."
    );
  });

  it("names the crossing for good after a lead that training took back", () => {
    expect(text({first: 2, retake: 4, durable: 30})).toBe(
      "cumulative inference spend first passes training in [first=2: month 2], but a training run takes the lead " +
        "back in [retake=4: month 4]; inference overtakes training for good in [durable=30: month 30]."
    );
  });

  it("says a first pass that lasts is the crossing (agent-era: month 1)", () => {
    expect(text({first: 1, retake: null, durable: 1}, true)).toBe(
      "Cumulative inference spend overtakes training in [durable=1: month 1] and stays ahead to the end of the " +
        "60-month horizon."
    );
  });

  it("says when inference never passes training", () => {
    expect(text({first: null, retake: null, durable: null})).toBe(
      "cumulative inference spend [durable=null: does not overtake training within the 60-month horizon]."
    );
  });

  it("names each later lead that training takes back (base's median case: ahead in months 5–26 and 32–36)", () => {
    const leads = [
      {fromMonth: 5, toMonth: 26},
      {fromMonth: 32, toMonth: 36}
    ];
    expect(text({first: 5, retake: 27, durable: null}, false, leads, "in the median case")).toBe(
      "cumulative inference spend passes training in [first=5: month 5], but a training run takes the lead back in " +
        "[retake=27: month 27]; inference leads again in months 32–36 (in the median case), and [durable=null: does " +
        "not overtake training for good within the 60-month horizon]."
    );
  });

  it("names the leads between the first and the one for good, but not the one for good twice", () => {
    const leads = [
      {fromMonth: 2, toMonth: 3},
      {fromMonth: 10, toMonth: 10},
      {fromMonth: 15, toMonth: 18},
      {fromMonth: 30, toMonth: 60}
    ];
    expect(text({first: 2, retake: 4, durable: 30}, false, leads)).toBe(
      "cumulative inference spend first passes training in [first=2: month 2], but a training run takes the lead " +
        "back in [retake=4: month 4]; inference leads again in months 10 and 15–18, and overtakes training for good " +
        "in [durable=30: month 30]."
    );
    expect(text({first: 2, retake: 4, durable: 30}, false, [leads[0]!, leads[1]!, leads[3]!])).toContain(
      "inference leads again in month 10, and overtakes"
    );
    // A lasting first pass has no later lead to name.
    expect(text({first: 1, retake: null, durable: 1}, true, [{fromMonth: 1, toMonth: 60}])).toBe(
      "Cumulative inference spend overtakes training in [durable=1: month 1] and stays ahead to the end of the " +
        "60-month horizon."
    );
  });
});
