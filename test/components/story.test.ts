// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {loadStory, StoryControls, storyAssumptionItems, storyPoint} from "../../docs/components/story.js";
import {loadCatalogs} from "../../src/node/catalogFiles.js";
import type {SiteData} from "../../src/node/siteData.js";
import {loadScenarioLibrary} from "../../src/node/scenarioLibrary.js";
import {bindScenario, evaluateScenarioPoint} from "../../src/scenario/evaluate/evaluateScenario.js";
import {scenarioKey} from "../../src/scenario/file/schema.js";
import type {RunReport} from "../../src/scenario/run/runReport.js";
import {scenarioMedianPoint} from "../../src/scenario/resolve/scenarioValues.js";
import {scenarioDrawMedianPoint} from "../../src/scenario/run/scenarioDraws.js";
import {DEFAULT_SCENARIO_SAMPLES, DEFAULT_SCENARIO_SEED, runScenario} from "../../src/scenario/run/runScenario.js";

const catalogs = loadCatalogs();
const base = loadScenarioLibrary().resolve("base");
/** site.json with the base scenario only (the report is not read by the scaffold). */
const site = {
  ...catalogs,
  scenarioIds: ["base"],
  scenarios: {base: {resolved: base, report: {} as RunReport}}
} as unknown as SiteData;

describe("loadStory", () => {
  it("binds the scenario to the catalogs and evaluates it at the point `run` charts (each key at its draws' median)", async () => {
    const story = await loadStory({json: async () => site}, "base");
    expect(story.id).toBe("base");
    expect(story.resolved).toBe(base);
    const samples = {samples: DEFAULT_SCENARIO_SAMPLES, seed: DEFAULT_SCENARIO_SEED};
    expect(story.median).toEqual(scenarioDrawMedianPoint(base, samples));
    expect(story.median["serving.utilization"]).not.toBe(scenarioMedianPoint(base)["serving.utilization"]);
    expect(story.bound.hardware.id).toBe(base.values["serving.hardware"]!.value);
    // The chapter's point is the CLI's: `run base` at its defaults charts the same evaluation.
    expect(story.base.metrics).toEqual(runScenario(bindScenario(base, catalogs), samples).point.metrics);
  });

  it("takes site.json already read, and names a missing scenario", async () => {
    expect((await loadStory(site, "base")).entry).toBe(site.scenarios.base);
    await expect(loadStory(site, "nope")).rejects.toThrow(
      "This page reads the scenario nope, and no scenario file has that id (the site's scenarios: base)."
    );
    // A misspelt id is told the likely one (a report page's "europe-h300" said nothing of "europe-h200"; author trial).
    await expect(loadStory(site, "bsae")).rejects.toThrow("(did you mean base? the site's scenarios: base)");
  });
});

describe("a report page's key paths", () => {
  // A misspelt key said "storyAssumptionItems: unknown key path power.electricty", a function the page never called,
  // and StoryControls said the key "has no number to start from" (author trial).
  it("are refused by name in StoryAssumptions and StoryControls, with the likely key", async () => {
    const story = await loadStory(site, "base");
    expect(() => storyAssumptionItems(story, story.median, ["serving.hardware", "power.electricty"])).toThrow(
      'StoryAssumptions: unknown key "power.electricty" (did you mean power.electricity? every key is on the ' +
        "Scenario file reference page, /reference)"
    );
    expect(() => StoryControls(story, [{path: "serving.utilisation"}])).toThrow(
      'StoryControls: unknown key "serving.utilisation" (did you mean serving.utilization?'
    );
    expect(() => StoryControls(story, [{path: "serving.utilisation", value: 0.5}])).toThrow(
      'StoryControls: unknown key "serving.utilisation"'
    );
  });
});

describe("StoryControls and storyPoint", () => {
  const median = {"serving.utilization": 0.6, "silicon.nre": 300e6, "hardware.price": null, "power.pue": 1.2};

  it("builds a slider per key from the schema, its value in base units", () => {
    const controls = StoryControls({median}, [
      {path: "serving.utilization", testid: "control-utilization"},
      {path: "silicon.nre"},
      {path: "hardware.price", value: 30000}
    ]);
    expect(controls.value).toEqual({"serving.utilization": 0.6, "silicon.nre": 300e6, "hardware.price": 30000});
    expect(controls.start).toEqual(controls.value);
    const slider = controls.querySelector<HTMLElement>('[data-testid="control-utilization"]')!;
    expect(slider.textContent).toContain(`${scenarioKey("serving.utilization")!.label}, %`);
    expect(controls.querySelectorAll("input[type=range]")).toHaveLength(3);
  });

  it("fires input with the new base-unit values when a slider moves", () => {
    const controls = StoryControls({median}, [{path: "serving.utilization"}, {path: "silicon.nre"}]);
    const seen: Record<string, number>[] = [];
    controls.addEventListener("input", () => seen.push(controls.value));
    const range = controls.querySelector<HTMLInputElement>('[data-key="silicon.nre"] input[type=range]')!;
    range.value = "450";
    range.dispatchEvent(new Event("input", {bubbles: true}));
    expect(seen).toEqual([{"serving.utilization": 0.6, "silicon.nre": 450e6}]);
  });

  it("refuses a key with no number to start from", () => {
    expect(() => StoryControls({median}, [{path: "hardware.price"}])).toThrow(/hardware\.price has no number/);
  });

  it("keeps the median point until a slider moves, then sets only the moved sliders' keys", () => {
    const start = {"serving.utilization": 0.6, "silicon.nre": 300e6};
    const still = storyPoint({median}, {...start}, start);
    expect(still).toEqual({moved: false, movedKeys: [], point: median});
    expect(still.point).toBe(median);
    const moved = storyPoint({median}, {"serving.utilization": 0.6, "silicon.nre": 450e6}, start);
    expect(moved.moved).toBe(true);
    expect(moved.movedKeys).toEqual(["silicon.nre"]);
    expect(moved.point).toEqual({...median, "silicon.nre": 450e6});
    // An untouched slider shows its key rounded to its step (0.5813 → 0.58): that rounding never reaches the point.
    const rounded = storyPoint(
      {median: {...median, "serving.utilization": 0.5813}},
      {"serving.utilization": 0.58, "silicon.nre": 450e6},
      {"serving.utilization": 0.58, "silicon.nre": 300e6}
    );
    expect(rounded.point["serving.utilization"]).toBe(0.5813);
  });
});

describe("storyAssumptionItems", () => {
  const story = {resolved: base, median: scenarioMedianPoint(base)};

  it("labels each key from the schema, with its value, unit and source", () => {
    const [electricity, utilization] = storyAssumptionItems(story, story.median, [
      "power.electricity",
      "serving.utilization"
    ]);
    expect(electricity).toMatchObject({
      path: "power.electricity",
      label: scenarioKey("power.electricity")!.label,
      value: "0.0826 USD/kWh",
      source: base.values["power.electricity"]!.source,
      changed: false
    });
    // Not set on the page: the scenario's distribution (base.md: "0.45 to 0.75", a 90% interval), not its median.
    expect(utilization!.value).toBe("45–75% (90% interval)");
  });

  it("writes a catalog id by its row's name, as the scenario pages' assumptionRows does", () => {
    const [hardware, model] = storyAssumptionItems({...story, catalogs}, story.median, [
      "serving.hardware",
      "serving.model"
    ]);
    const name = (rows: readonly {id: string; name: string}[], id: unknown) => rows.find((r) => r.id === id)!.name;
    expect(hardware!.value).toBe(name(catalogs.hardware, base.values["serving.hardware"]!.value));
    expect(model!.value).toBe(name(catalogs.models, base.values["serving.model"]!.value));
    expect(hardware!.value).not.toBe(base.values["serving.hardware"]!.value);
  });

  it("shows the page's value of a key a slider has changed, flagged, and a symbol after the label", () => {
    const point = {...story.median, "power.electricity": 0.12};
    const [item] = storyAssumptionItems(story, point, ["power.electricity"], {symbols: {"power.electricity": "p"}});
    expect(item).toMatchObject({label: `${scenarioKey("power.electricity")!.label} (p)`, value: "0.12 USD/kWh"});
    expect(item!.changed).toBe(true);
  });

  it("shows what stands in for an unset key until a slider sets it", () => {
    const unset = {"hardware.price": {value: "$25,000 (catalog)", source: "data/hardware.csv"}};
    const [still] = storyAssumptionItems(story, story.median, ["hardware.price"], {unset});
    expect(still).toMatchObject({value: "$25,000 (catalog)", source: "data/hardware.csv", changed: false});
    const [set] = storyAssumptionItems(story, {...story.median, "hardware.price": 30000}, ["hardware.price"], {unset});
    expect(set).toMatchObject({source: "data/hardware.csv", changed: true});
    expect(set!.value).not.toBe("$25,000 (catalog)");
  });
});

describe("StoryControls on a key no slider can set", () => {
  it("says so before asking for a start value (a choice was told to 'pass value'; second-round trial)", () => {
    const story = {median: {"serving.precision": "fp8"}} as unknown as Parameters<typeof StoryControls>[0];
    expect(() => StoryControls(story, [{path: "serving.precision"}])).toThrow(
      "keyControl: serving.precision is a choice: no slider can set it"
    );
  });
});
