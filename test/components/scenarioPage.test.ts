import {scenarioKey} from "../../src/scenario/file/schema.js";
import {describe, expect, it} from "vitest";
import {SHARED_PREFILL_UNREAD, unreadKeys} from "../../src/scenario/evaluate/unreadKeys.js";
import {parseScenario} from "../../src/scenario/file/parseScenario.js";
import {resolveScenario} from "../../src/scenario/resolve/resolveScenario.js";
import {scenarioIndex} from "../../src/scenario/resolve/scenarioIndex.js";
import {loadScenarioLibrary} from "../../src/node/scenarioLibrary.js";
import {
  assumptionRows,
  assumptionValueText,
  type AssumptionRow,
  describeOrigin,
  editedScenarioMarkdown,
  originAt,
  metricCentral,
  metricRows
} from "../../docs/components/scenarioPage.js";
import {applyShareSets} from "../../docs/components/urlState.js";
import {formatAssumption} from "../../docs/components/format.js";
import {parseFixture} from "../scenario/helpers.js";

const index = scenarioIndex(["base.md", "child.md"].map(parseFixture));
const child = resolveScenario("child", index.lookup, index.ids);

describe("describeOrigin and assumptionRows", () => {
  it("names the scenario's file, the parent by its short name, the default or the page; the file and line apart", () => {
    const own = {kind: "file", scenario: "a", file: "data/scenarios/a.md", line: 4, column: 3} as const;
    const parent = {kind: "parent", scenario: "base", file: "b.md", line: 9, column: 1} as const;
    expect(describeOrigin(own)).toBe("this scenario's file");
    // Its label, not its title: "inherited from Base case — merchant GPUs" ran to five lines in every inherited row.
    expect(describeOrigin(parent, {base: "Base case"})).toBe("inherited from Base case");
    // Without a name the parent is named by its id.
    expect(describeOrigin(parent)).toBe("inherited from base");
    expect(describeOrigin({kind: "default"})).toBe("default");
    expect(describeOrigin({kind: "override", flag: "URL", written: "x=1"})).toBe("set on this page (URL)");
    expect(originAt(own)).toBe("data/scenarios/a.md:4, scenario id a");
    expect(originAt(parent)).toBe("b.md:9, scenario id base");
    expect(originAt({kind: "default"})).toBe("");
  });

  // training.hardware left unset read "—" on a scenario set on B200s, where the runs are costed on B200s (trial).
  it("shows a key left unset that follows another at the value it takes, and whose it is", () => {
    const catalogs = {hardware: [{id: "b200", name: "NVIDIA B200"}], models: []};
    const rows = assumptionRows(child, {catalogs});
    const row = (path: string) => rows.find((r) => r.path === path)!;
    // child.md sets serving.hardware: b200 and leaves training.hardware to follow it.
    expect(row("training.hardware")).toMatchObject({value: "NVIDIA B200 (as serving accelerator)", origin: "default"});
    expect(row("training.hardware").exact).toBe("—");
    // Set, a key shows its own value.
    const set = applyShareSets(child, ["training.hardware=h100-sxm"]).resolved;
    expect(assumptionRows(set).find((r) => r.path === "training.hardware")!.value).toBe("h100-sxm");
  });

  it("writes a catalog id as its row's name, the id kept apart, when given the catalogs", () => {
    const asic = loadScenarioLibrary().resolve("asic-9-months");
    const catalogs = {
      hardware: [{id: "h100-sxm", name: "NVIDIA H100 SXM5 80GB"}],
      models: [{id: "llama-3.1-405b", name: "Llama 3.1 405B"}]
    };
    const rows = assumptionRows(asic, {catalogs, scenarioLabels: {base: "Base case"}});
    const row = (path: string) => rows.find((r) => r.path === path)!;
    expect(row("serving.hardware")).toMatchObject({value: "NVIDIA H100 SXM5 80GB", valueId: "h100-sxm"});
    expect(row("serving.model")).toMatchObject({value: "Llama 3.1 405B", valueId: "llama-3.1-405b"});
    expect(row("serving.hardware").origin).toBe("inherited from Base case");
    expect(row("serving.hardware").originAt).toMatch(/^data\/scenarios\/base\.md:\d+, scenario id base$/);
    // A value that names no catalog row keeps its formatted value and no id.
    expect(row("serving.batch")).toMatchObject({valueId: ""});
    // Without catalogs the id is the value, as before.
    expect(assumptionRows(asic).find((r) => r.path === "serving.hardware")).toMatchObject({
      value: "h100-sxm",
      valueId: ""
    });
  });

  it("has one row per key with the unit its value is written in, one for every key of a kind", () => {
    const rows = assumptionRows(child);
    const unit = (path: string) => rows.find((row) => row.path === path)?.unit;
    expect(rows.length).toBe(Object.keys(child.values).length);
    // A share and a rate read "%" and "%/yr" beside "45%" and "20%/yr" (they read "fraction" and "per year"; and the
    // cost decline, a rate typed as a fraction, read "fraction" beside the growth of users' "per year").
    expect(unit("serving.utilization")).toBe("%");
    expect(unit("finance.vendorGrossMargin")).toBe("%");
    for (const path of ["serving.costDeclinePerYear", "demand.growthPerYear", "finance.costOfCapital"]) {
      expect(unit(path)).toBe("%/yr");
    }
  });

  it("writes each value as the story pages and narratives do, not in file notation (fresh-user trial: 100000000)", () => {
    const rows = assumptionRows(child);
    const value = (path: string) => rows.find((row) => row.path === path)?.value;
    const unreadAtAll = unreadKeys(child, {defaults: true});
    for (const row of rows) {
      const written = child.values[row.path]!.value;
      // A number format reads as the prose writes it ("FP8"); a choice by its schema name ("on the decode chips" for
      // serving.prefill shared); everything else as formatAssumption writes it, a count of users with "users".
      const def = scenarioKey(row.path);
      const choice = typeof written === "string" ? def?.choiceNames?.[written] : undefined;
      const formatted = formatAssumption(row.path, written as never);
      const counted = def?.countOf === undefined ? formatted : `${formatted} ${def.countOf}`;
      const want = row.path === "serving.precision" ? String(written).toUpperCase() : (choice ?? counted);
      // A key left unset that follows another (training.hardware) shows the value it takes, and whose it is; not one
      // the evaluation does not read (serving.prefillTensorParallel under shared prefill), which shows "—".
      const follows = def?.follows;
      const read = unreadAtAll[row.path] === undefined;
      const followed = follows !== undefined && written === null && read ? child.values[follows]!.value : null;
      // A key left unset that the model resolves to one value shows it and why (unsetKeyDefault), as /compare does.
      if (row.resolvedDefault) {
        expect(row.value).toBe(`${row.resolvedDefault.value} (${row.resolvedDefault.note})`);
        continue;
      }
      // A key left unset whose figure the model computes says what after the dash (UNSET_KEY_INSTEAD), as compare does.
      if (row.instead) {
        expect(row.value).toBe(`${want} (${row.instead})`);
        continue;
      }
      expect(row.value).toBe(
        followed === null
          ? want
          : `${formatAssumption(follows!, followed as never)} (as ${scenarioKey(follows!)!.label.toLowerCase()})`
      );
    }
    expect(value("serving.precision")).toBe("FP8");
    // The child leaves serving.kvCache unset under fp8 weights: the model runs an FP8 cache (DEFAULT_KV_CACHE_DTYPE,
    // precision.ts), and the table says so where it read "—".
    expect(value("serving.kvCache")).toBe("FP8 (default for fp8 weights)");
    // It leaves the fleet's day unset: sized by the serving model (fleetDay, priceListInput.ts), where it read "—".
    expect(value("fleet.chips")).toBe("— (sized by the serving model)");
    // And the serving efficiencies, the HBM reserve and the overheads, which read a bare "—" (UNSET_KEY_INSTEAD): the
    // calibration's fit (calibratedEfficiencies), serving.stack's reserve (kvCacheAdmission), each chip's catalog
    // figures (catalogChipSystem) and the custom chip's system from the merchant chip's (customSystemUsd).
    expect(value("serving.achievableBandwidth")).toBe("— (calibrated per chip family and stack)");
    // Given no hardware rows, the stack's default is not known here: both policies (the pages pass the catalog).
    expect(value("serving.hbmReserve")).toBe("— (10% of HBM; TensorRT-LLM: 10% of what the weights leave)");
    expect(value("power.hostOverhead")).toBe("— (each chip's catalog system power)");
    expect(value("finance.systemOverhead")).toBe("— (each chip's catalog system overhead)");
    expect(value("silicon.systemCost")).toBe("— (the merchant chip's overhead × the dearer price)");
    expect(value("demand.users")).not.toMatch(/\d{5}/); // a count is grouped or scaled ("100M", "1,814")
  });

  it("says what a count of users counts, in its value and its unit ('Addressable users cap 5.00B'; audit)", () => {
    expect(assumptionValueText("flywheel.usersCap", 5e9)).toBe("5.00B users");
    expect(assumptionValueText("demand.users", 100e6)).toBe("100M users");
    expect(assumptionValueText("flywheel.addressableUsers", {kind: "uniform", min: 100e6, max: 300e6})).toBe(
      "110–290M users (90% interval)"
    );
    expect(assumptionValueText("demand.users", null)).toBe("—");
    // Other counts stay bare (a chip count reads with its own words on the pages).
    expect(assumptionValueText("training.chips", 16384)).toBe("16,384");
    const rows = assumptionRows(child);
    expect(rows.find((row) => row.path === "demand.users")?.unit).toBe("users");
  });
});

describe("assumptionRows of a value the evaluation does not read", () => {
  it("says why, as run lists it apart (asic-9-months' relative throughput beside a link's catalog chip)", () => {
    // asic-9-months.md sets silicon.relativeThroughput 0.8 to 1.2; a link naming silicon.chip is set more directly.
    const asic = loadScenarioLibrary().resolve("asic-9-months");
    const {resolved} = applyShareSets(asic, ["silicon.chip=custom-inference-asic"]);
    const row = (rows: AssumptionRow[], path: string) => rows.find((r) => r.path === path)!;
    expect(row(assumptionRows(resolved), "silicon.relativeThroughput").unused).toBe(
      "the custom chip's throughput is derived from silicon.chip, set more directly"
    );
    expect(row(assumptionRows(resolved), "silicon.chip").unused).toBe("");
    // Without the link every value it sets is read.
    expect(assumptionRows(asic).filter((r) => r.unused !== "")).toEqual([]);
  });

  it("says why of a key a link writes null and nothing reads, as run does, and not of one nothing wrote", () => {
    // base shares prefill (the schema's default), which reads no serving.prefillTensorParallel (unreadKeys.ts). A
    // link's null on it is the page's, as `run --set serving.prefillTensorParallel=null` lists it under "Set but not
    // used" (runReport); the row read "—" with no word. Left unset, it is "—", not read (notRead), not the page's.
    const base = loadScenarioLibrary().resolve("base");
    const {resolved} = applyShareSets(base, ["serving.prefillTensorParallel=null"]);
    const row = (rows: AssumptionRow[]) => rows.find((r) => r.path === "serving.prefillTensorParallel")!;
    expect(row(assumptionRows(resolved))).toMatchObject({value: "—", unused: SHARED_PREFILL_UNREAD});
    expect(row(assumptionRows(base))).toMatchObject({value: "—", unused: "", notRead: SHARED_PREFILL_UNREAD});
  });
});

describe("metricRows", () => {
  it("takes the Monte Carlo median, not the mean, as an uncertain metric's central value", () => {
    const npv = {mean: 2.2e9, p5: 1e9, p50: 2e9, p95: 3e9, nullShare: 0};
    expect(metricCentral(npv)).toBe(2e9);
    expect(metricCentral(0.25)).toBe(0.25);
    expect(metricCentral(null)).toBeNull();
    expect(metricRows({siliconNpvUsd: npv} as never).find((row) => row.name === "siliconNpvUsd")?.value).toBe(2000);
  });

  it("scales metric rows to display units and keeps Monte Carlo intervals", () => {
    const rows = metricRows({
      siliconNpvUsd: {mean: 2e9, p5: 1e9, p50: 2e9, p95: 3e9, nullShare: 0},
      inferenceShareOfSpend: 0.25
    } as never);
    expect(rows.find((row) => row.name === "siliconNpvUsd")).toMatchObject({value: 2000, p5: 1000, p95: 3000});
    expect(rows.find((row) => row.name === "inferenceShareOfSpend")).toMatchObject({value: 25, p5: null});
  });
});

describe("editedScenarioMarkdown", () => {
  it("writes a file that extends the scenario, sets the changed keys, and parses back to the same values", () => {
    const {resolved} = applyShareSets(child, ["serving.utilization=0.9", "silicon.nre=$300M"]);
    const text = editedScenarioMarkdown(resolved, ["serving.utilization=0.9", "silicon.nre=$300M"]);
    expect(text).toMatch(/^extends: child$/m);
    const parsed = parseScenario({file: "child-edited.md", text});
    expect(parsed.id).toBe("child-edited");
    expect(parsed.extends?.id).toBe("child");
    expect(parsed.values["serving.utilization"]?.value).toBeCloseTo(0.9, 12);
    expect(parsed.values["silicon.nre"]?.value).toBeCloseTo(300e6, 3);
    expect(Object.keys(parsed.values).sort()).toEqual(["serving.utilization", "silicon.nre"]);
    // The title and description say what changed (the parent's title may no longer hold: trial).
    expect(parsed.title).toBe(`${resolved.title}, edited: serving.utilization 0.9, silicon.nre $300M`);
    expect(parsed.description).toBe(
      `${resolved.title}, edited on its scenario page: serving.utilization 0.9, silicon.nre $300M.`
    );
  });
});
