// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {CompareAssumptionsTable, CompareMetricsTable} from "../../docs/components/scenarioCompare.js";
import {assumptionRows, metricRows} from "../../docs/components/scenarioPage.js";
import {loadCatalogs} from "../../src/node/catalogFiles.js";
import {loadScenarioLibrary} from "../../src/node/scenarioLibrary.js";
import {SCENARIO_METRICS} from "../../src/scenario/evaluate/metrics.js";
import {setsNoPrices} from "../../src/scenario/run/reportFormat.js";
import {SHARED_PREFILL_UNREAD} from "../../src/scenario/evaluate/unreadKeys.js";

describe("the compare page's assumptions table", () => {
  it("lists an unset key that follows a differing one at the value it takes, as compare does (training.hardware)", () => {
    // test/fixtures/scenarios/h200-serving.md sets serving.hardware: h200-sxm and no training.hardware, which is then
    // the serving chip (bindScenario): its training run moves to H200s too, and the table says so.
    const library = loadScenarioLibrary(["test/fixtures/scenarios/h200-serving.md"]);
    const column = (id: string) => ({id, title: id, metrics: [], assumptions: assumptionRows(library.resolve(id))});
    const table = CompareAssumptionsTable([column("base"), column("h200-serving")]);
    const row = (key: string) => table.querySelector<HTMLTableRowElement>(`tr[data-key="${key}"]`);
    const cells = (key: string) => [...row(key)!.cells].slice(1).map((cell) => cell.textContent);
    expect(cells("serving.hardware")).toEqual(["h100-sxm", "h200-sxm"]);
    expect(cells("training.hardware")).toEqual([
      "h100-sxm (as serving accelerator)",
      "h200-sxm (as serving accelerator)"
    ]);
    // training.model follows serving.model, which both serve alike: no row.
    expect(row("training.model")).toBeNull();
  });

  it("shows an unset key the model resolves at the value it takes, marked, and no row where it is the same", () => {
    // kv-cache-set.md extends base and sets serving.kvCache: fp8 and serving.stack: vllm; base sets neither. Its fp8
    // weights give an FP8 cache (DEFAULT_KV_CACHE_DTYPE), the same; its H100 is served on TensorRT-LLM
    // (defaultStackFor: an NVIDIA chip), not vLLM. The table read "—" beside "FP8", a difference, and "—" beside
    // "vLLM".
    const library = loadScenarioLibrary(["test/fixtures/scenarios/kv-cache-set.md"]);
    const {hardware} = loadCatalogs();
    const column = (id: string) => ({
      id,
      title: id,
      metrics: [],
      assumptions: assumptionRows(library.resolve(id), {hardware})
    });
    const table = CompareAssumptionsTable([column("base"), column("kv-cache-set")]);
    const row = (key: string) => table.querySelector<HTMLTableRowElement>(`tr[data-key="${key}"]`);
    expect(row("serving.kvCache")).toBeNull();
    // The stacks by the names the schema gives them (choiceNames: SOFTWARE_STACK_NAMES).
    expect([...row("serving.stack")!.cells].slice(1).map((cell) => cell.textContent)).toEqual([
      "TensorRT-LLM (default on NVIDIA H100 SXM5 80GB)",
      "vLLM"
    ]);
  });

  it("does not compare a key a scenario's evaluation does not read at the value it would follow, as compare does", () => {
    // tp16.md extends base and sets serving.tensorParallel: 16; serving.prefillTensorParallel follows it (schema.ts)
    // but is read only when serving.prefill is disaggregated, and both share prefill. The table read "8 (as …)"
    // beside "16 (as …)", a difference neither models. deepseek-one-day disaggregates with prefill TP 1: base's is "—".
    const library = loadScenarioLibrary(["test/fixtures/scenarios/tp16.md"]);
    const column = (id: string) => ({id, title: id, metrics: [], assumptions: assumptionRows(library.resolve(id))});
    const table = CompareAssumptionsTable([column("base"), column("tp16")]);
    const row = (key: string) => table.querySelector<HTMLTableRowElement>(`tr[data-key="${key}"]`);
    expect([...row("serving.tensorParallel")!.cells].slice(1).map((cell) => cell.textContent)).toEqual(["8", "16"]);
    expect(row("serving.prefillTensorParallel")).toBeNull();
    const other = CompareAssumptionsTable([column("base"), column("deepseek-one-day")]);
    const cells = [...other.querySelector<HTMLTableRowElement>(`tr[data-key="serving.prefillTensorParallel"]`)!.cells];
    expect(cells.slice(1).map((cell) => cell.firstChild!.textContent)).toEqual(["—", "1"]);
  });

  it("notes a key a scenario's evaluation does not read, left unset, as not used, not as a default that applies", () => {
    // base shares prefill (the schema's default) and sets no serving.prefillTensorParallel; deepseek-one-day
    // disaggregates (data/scenarios/deepseek-one-day.md). base's "—" stood bare, as `compare`'s was footnoted "the
    // key's default applies", where nothing reads the key; `compare` now marks it † (not read), the page says why.
    const library = loadScenarioLibrary();
    const column = (id: string) => ({id, title: id, metrics: [], assumptions: assumptionRows(library.resolve(id))});
    const table = CompareAssumptionsTable([column("base"), column("deepseek-one-day")]);
    const [, base, deepseek] = [
      ...table.querySelector<HTMLTableRowElement>(`tr[data-key="serving.prefillTensorParallel"]`)!.cells
    ];
    expect(base!.querySelector(".scenario-unused")?.textContent).toBe(`not used: ${SHARED_PREFILL_UNREAD}`);
    expect(deepseek!.querySelector(".scenario-unused")).toBeNull();
  });

  it("says beside base's dashes for the fleet's day what the model computes in their place, as compare does", () => {
    // deepseek-one-day sets the day's tokens, chips and chip-hour price (data/scenarios/deepseek-one-day.md); base sets
    // none: the day is the first day's demand, the chips sized by the serving model, the chip-hour owned (fleetDay,
    // priceListInput.ts; UNSET_KEY_INSTEAD). base's cells read a bare "—", as if a default applied.
    const library = loadScenarioLibrary();
    const column = (id: string) => ({id, title: id, metrics: [], assumptions: assumptionRows(library.resolve(id))});
    const table = CompareAssumptionsTable([column("base"), column("deepseek-one-day")]);
    const base = (key: string) => table.querySelector<HTMLTableRowElement>(`tr[data-key="${key}"]`)!.cells[1]!;
    expect(base("fleet.chips").textContent).toBe("— (sized by the serving model)");
    // The why muted, as a resolved default's is.
    expect(base("fleet.chips").querySelector(".muted")?.textContent).toBe(" (sized by the serving model)");
    expect(base("fleet.inputTokensPerDay").textContent).toBe("— (from the first day's demand)");
    expect(base("fleet.outputTokensPerDay").textContent).toBe("— (from the first day's demand)");
    expect(base("fleet.chipHourPrice").textContent).toBe("— (owned chips)");
  });

  it("says beside base's dashes for the efficiencies, HBM reserve and overheads what the model uses instead", () => {
    // test/fixtures/scenarios/unset-keys-set.md sets them; base leaves them unset: the calibration's fit,
    // serving.stack's reserve, each chip's catalog figures, the merchant chip's system (UNSET_KEY_INSTEAD). They read a
    // bare "—".
    const library = loadScenarioLibrary(["test/fixtures/scenarios/unset-keys-set.md"]);
    const column = (id: string) => ({id, title: id, metrics: [], assumptions: assumptionRows(library.resolve(id))});
    const table = CompareAssumptionsTable([column("base"), column("unset-keys-set")]);
    const base = (key: string) => table.querySelector<HTMLTableRowElement>(`tr[data-key="${key}"]`)!.cells[1]!;
    expect(base("serving.achievableBandwidth").textContent).toBe("— (calibrated per chip family and stack)");
    expect(base("serving.achievableBandwidth").querySelector(".muted")?.textContent).toBe(
      " (calibrated per chip family and stack)"
    );
    expect(base("serving.achievableCompute").textContent).toBe("— (calibrated per chip family and stack)");
    // Given no hardware rows, the stack's default is not known here: both policies (the pages pass the catalog).
    expect(base("serving.hbmReserve").textContent).toBe("— (10% of HBM; TensorRT-LLM: 10% of what the weights leave)");
    expect(base("power.hostOverhead").textContent).toBe("— (each chip's catalog system power)");
    expect(base("finance.systemOverhead").textContent).toBe("— (each chip's catalog system overhead)");
    expect(base("silicon.systemCost").textContent).toBe("— (the merchant chip's overhead × the dearer price)");
  });
});

describe("the compare page's metrics table", () => {
  it("marks the price-list metrics of a scenario that sets no prices, the note once naming it, as compare does", () => {
    const library = loadScenarioLibrary();
    const column = (id: string) => {
      const resolved = library.resolve(id);
      // Every metric at 0.5: the marks depend on the scenario's prices, not on its figures.
      const metrics = Object.fromEntries(SCENARIO_METRICS.map((name) => [name, 0.5])) as Parameters<
        typeof metricRows
      >[0];
      return {
        id,
        title: id,
        metrics: metricRows(metrics),
        assumptions: [],
        setsNoPrices: setsNoPrices(resolved.values)
      };
    };
    const columns = ["base", "asic-9-months", "deepseek-one-day"].map(column);
    expect(columns.map((c) => c.setsNoPrices)).toEqual([true, true, false]);
    const box = CompareMetricsTable(columns);
    const marks = (metric: string) =>
      [...box.querySelectorAll(`tr[data-metric="${metric}"] td.scenario-number`)].map(
        (cell) => cell.querySelector(".scenario-footnote-mark")?.textContent ?? ""
      );
    // The default list's mark is `compare`'s (FOOTNOTE_MARKS): it was the first free one here, †.
    expect(marks("priceListGrossMargin")).toEqual(["*", "*", ""]);
    expect(marks("costPerMillionTokensUsd")).toEqual(["", "", ""]);
    const notes = [...box.querySelectorAll(".scenario-footnotes p")].map((p) => p.textContent);
    expect(notes.filter((text) => text!.includes("default price list"))).toEqual([
      "* at the default price list, GPT-4o's API prices: base and asic-9-months set no prices."
    ]);
  });
});
