import {describe, expect, it} from "vitest";
import {keyControl} from "../../docs/components/keyControls.js";
import {
  GENERAL_CONTROL_KEYS,
  GENERAL_KPIS,
  keysChangedFromRoot,
  SCENARIO_TOPICS,
  scenarioTopics,
  topicControlKeys,
  topicKpis
} from "../../docs/components/scenarioTopics.js";
import {METRIC_INFO} from "../../src/scenario/evaluate/metricInfo.js";
import {isScenarioGroup} from "../../src/scenario/file/schema.js";
import {loadScenarioLibrary} from "../../src/node/scenarioLibrary.js";
import {mkdtempSync, writeFileSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";

const library = loadScenarioLibrary();
const topicsOf = (id: string) => scenarioTopics(library.resolve(id)).map((topic) => topic.id);

describe("the topic table", () => {
  it("names only keys with a slider, metrics the pages compute and groups of the scenario file", () => {
    for (const topic of SCENARIO_TOPICS) {
      for (const path of topic.controls) expect(() => keyControl(path)).not.toThrow();
      for (const metric of topic.kpis) expect(METRIC_INFO).toHaveProperty(metric);
      for (const group of topic.groups) expect(isScenarioGroup(group)).toBe(true);
    }
    for (const path of GENERAL_CONTROL_KEYS) expect(() => keyControl(path)).not.toThrow();
    for (const metric of GENERAL_KPIS) expect(METRIC_INFO).toHaveProperty(metric);
  });
});

describe("scenarioTopics of the bundled scenarios", () => {
  it("gives the root scenario none: it changes nothing about a case it starts from", () => {
    expect(keysChangedFromRoot(library.resolve("base"))).toEqual([]);
    expect(topicsOf("base")).toEqual([]);
  });

  it("reads each scenario's topic from the keys it (or a parent below the root) sets", () => {
    // asic-9-months.md sets silicon.designCycle, unitCost, power, relativeThroughput, utilization, rampMonths and
    // partnerMargin; asic-24-months.md sets silicon.designCycle and inherits the rest from asic-9-months.
    expect(topicsOf("asic-9-months")).toEqual(["silicon"]);
    expect(topicsOf("asic-24-months")).toEqual(["silicon"]);
    expect(keysChangedFromRoot(library.resolve("asic-24-months"))).toContain("silicon.unitCost");
    // cost-lead-vs-model-lead.md sets market.* and moat.*.
    expect(topicsOf("cost-lead-vs-model-lead")).toEqual(["moat"]);
    // agent-era.md sets demand.agentMultiplier, agentGrowth and tokensPerUserGrowth.
    expect(topicsOf("agent-era")).toEqual(["demand"]);
  });

  it("gives DeepSeek's day of serving the fleet topic, and the base case none", () => {
    // deepseek-one-day.md sets fleet.* (1,814 H800s rented at $2/GPU-hour, 608B tokens in, 168B out) and pricing.*
    // (R1's price list), besides serving.* and hardware.price, which no topic reads.
    // It also sets DeepSeek-V3's training run (training.*, the monthly bills' topic), written after the fleet: its page
    // leads with the day of the fleet.
    expect(topicsOf("deepseek-one-day")).toEqual(["fleet", "demand"]);
    expect(topicsOf("base")).not.toContain("fleet");
    const fleet = SCENARIO_TOPICS.find((topic) => topic.id === "fleet")!;
    const resolved = library.resolve("deepseek-one-day");
    expect(topicControlKeys(scenarioTopics(resolved)).slice(0, 4)).toEqual([
      "fleet.chipHourPrice",
      "pricing.output",
      "pricing.inputCacheMiss",
      "serving.cacheHit"
    ]);
    // The day's cost, its revenue and DeepSeek's headline cost profit margin, then the cost of a million tokens that
    // every page's first row of cards keeps.
    expect(topicKpis([fleet])).toEqual([
      "fleetCostPerDayUsd",
      "priceListRevenuePerDayUsd",
      "costProfitMargin",
      "costPerMillionTokensUsd"
    ]);
    // openai-2024.md rents its A100s (fleet.chipHourPrice: $1.30/h) but sets no price list: its day billed at the
    // default list (GPT-4o's) would read as OpenAI's margin, so it gets no fleet topic.
    expect(topicsOf("openai-2024")).not.toContain("fleet");
  });

  it("finds the topics of an author's own scenario, in the order its file writes them, then its parent's", () => {
    const dir = mkdtempSync(join(tmpdir(), "topics-"));
    const file = join(dir, "my-flywheel.md");
    writeFileSync(file, "---\nextends: base\nflywheel:\n  costElasticity: 1.2\nmoat:\n  catchUpMonths: 6\n---\n");
    const child = join(dir, "my-child.md");
    writeFileSync(child, "---\nextends: my-flywheel\nsilicon:\n  nre: 300M USD\n---\n");
    const library = loadScenarioLibrary([file, child]);
    expect(scenarioTopics(library.resolve("my-flywheel")).map((topic) => topic.id)).toEqual(["flywheel", "moat"]);
    // The child's own silicon.nre leads; its parent's flywheel and moat follow, as the parent writes them.
    expect(scenarioTopics(library.resolve("my-child")).map((topic) => topic.id)).toEqual([
      "silicon",
      "flywheel",
      "moat"
    ]);
  });
});

describe("the page's sliders and cards", () => {
  it("puts the topics' sliders first, each key once", () => {
    const silicon = SCENARIO_TOPICS.find((topic) => topic.id === "silicon")!;
    const keys = topicControlKeys([silicon]);
    expect(keys.slice(0, silicon.controls.length)).toEqual(silicon.controls);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toEqual(expect.arrayContaining([...GENERAL_CONTROL_KEYS]));
    expect(topicControlKeys([])).toEqual(GENERAL_CONTROL_KEYS);
  });

  it("offers a slider for each key with one that the scenario changes, after its topics' (a rented fleet's rent)", () => {
    // openai-2024 rents its A100s (fleet.chipHourPrice, $1.30/h) and sets prefix caching off; no topic names either.
    const openai = library.resolve("openai-2024");
    const keys = topicControlKeys(scenarioTopics(openai), keysChangedFromRoot(openai));
    expect(keys).toEqual(expect.arrayContaining(["fleet.chipHourPrice", "serving.cacheHit", "serving.utilization"]));
    expect(new Set(keys).size).toBe(keys.length);
    // A changed key without a slider (serving.model, an id) gets none.
    expect(keys).not.toContain("serving.model");
    // Before the general sliders that no topic names (power.electricity is one).
    expect(keys.indexOf("fleet.chipHourPrice")).toBeLessThan(keys.indexOf("power.electricity"));
  });

  it("puts the topics' cards first, filling rows of four with the general ones", () => {
    const moat = SCENARIO_TOPICS.find((topic) => topic.id === "moat")!;
    expect(topicKpis([moat])).toEqual(["costLeadValueUsd", "modelLeadValueUsd", ...GENERAL_KPIS.slice(0, 2)]);
    expect(topicKpis([])).toEqual(GENERAL_KPIS);
    const all = topicKpis(SCENARIO_TOPICS);
    // Twelve cards of the topics' own (2 moat, 3 silicon, 2 demand, 2 flywheel, 3 fleet) fill three rows: none of the
    // two general ones no topic has.
    expect(all).toEqual([...new Set(SCENARIO_TOPICS.flatMap((topic) => topic.kpis))]);
    expect(all).toHaveLength(12);
    expect(new Set(all).size).toBe(all.length);
  });
});
