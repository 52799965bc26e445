import {describe, expect, it, vi} from "vitest";
import {loadCatalogs} from "../../src/node/catalogFiles.js";
import {loadScenarioLibrary} from "../../src/node/scenarioLibrary.js";
import {runScenarioRequest} from "../../src/node/scenarioRun.js";
import {runReport} from "../../src/scenario/run/runReport.js";
import {
  SCENARIO_PAGE_SAMPLES,
  scenarioPagePoint,
  scenarioPageState,
  scenarioPageStateOf
} from "../../docs/components/scenarioPage.js";
import {
  runScenarioMessage,
  scenarioRunAnswerer,
  type ScenarioRunMessage,
  type ScenarioRunRequest
} from "../../docs/components/scenarioRun.js";
import {RUN_QUIET_MS, ScenarioRunner} from "../../docs/components/scenarioRunner.js";
import {SHARE_FLAG} from "../../docs/components/urlState.js";

const catalogs = loadCatalogs();
const resolved = loadScenarioLibrary().resolve("asic-9-months");
const sets = ["serving.utilization=0.55", "silicon.nre=$300M"];
const request: ScenarioRunRequest = {resolved, catalogs, sets, flag: SHARE_FLAG, samples: 200, seed: 1};

describe("runScenarioMessage", () => {
  it("is what `token-ledger run --set … --samples --seed` computes, bit for bit", () => {
    const reply = runScenarioMessage(request);
    const {resolved: edited, result} = runScenarioRequest({scenario: "asic-9-months", sets, samples: 200, seed: 1});
    const report = runReport(edited, result);
    expect(reply).toEqual({metrics: report.metrics, uncertainKeys: report.uncertainKeys, bands: report.bands});
    // What crosses to and from a worker is a structured clone: the same doubles.
    expect(structuredClone(reply)).toEqual(reply);
  });

  it("the page's two halves (point, then the worker's reply) make the state scenarioPageState makes", () => {
    const request1000 = {...request, samples: SCENARIO_PAGE_SAMPLES};
    const whole = scenarioPageState({metrics: {}, uncertainKeys: [], bands: null} as never, resolved, catalogs, sets);
    const halves = scenarioPageStateOf(scenarioPagePoint(resolved, catalogs, sets), runScenarioMessage(request1000));
    expect(halves).toEqual(whole);
    expect(scenarioPageStateOf(scenarioPagePoint(resolved, catalogs, sets), null)).toBeNull();
  });
});

describe("ScenarioRunner without a worker", () => {
  it("runs on the main thread a frame later; a newer run makes the older one resolve to null", async () => {
    vi.stubGlobal("requestAnimationFrame", (callback: () => void) => setTimeout(callback, 0));
    try {
      const runner = ScenarioRunner(null);
      expect(runner.mode).toBe("main thread");
      const stale = runner.run(request);
      const fresh = runner.run({...request, seed: 2});
      expect(await stale).toBeNull();
      expect(await fresh).toEqual(runScenarioMessage({...request, seed: 2}));
      const cancelled = runner.run(request);
      runner.cancel();
      expect(await cancelled).toBeNull();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe("ScenarioRunner with a worker", () => {
  /** A Worker whose replies come a macrotask after each message, computed as scenarioRunWorker.ts computes them. */
  function stubWorker() {
    const created: {sent: ScenarioRunMessage[]}[] = [];
    class FakeWorker {
      onmessage: ((event: {data: unknown}) => void) | null = null;
      onerror: ((event: unknown) => void) | null = null;
      sent: ScenarioRunMessage[] = [];
      answer = scenarioRunAnswerer();
      constructor() {
        created.push(this);
      }
      postMessage(message: ScenarioRunMessage) {
        this.sent.push(message);
        setTimeout(() => this.onmessage?.({data: {id: message.id, reply: this.answer(message)}}), 0);
      }
      terminate() {}
    }
    vi.stubGlobal("Worker", FakeWorker);
    return created;
  }

  it("warmUp starts the worker and runs once with nobody waiting; a run made meanwhile goes next", async () => {
    const workers = stubWorker();
    try {
      const busy: boolean[] = [];
      const runner = ScenarioRunner("worker.js", {onBusy: (b) => busy.push(b)});
      runner.warmUp(request);
      expect(workers).toHaveLength(1);
      expect(workers[0]!.sent.map((m) => m.id)).toEqual([0]);
      // The warm-up is no run of the page's: it does not mark the page busy.
      expect(busy).toEqual([]);
      const fresh = runner.run({...request, seed: 2});
      expect(busy).toEqual([true]);
      // Sent once the warm-up's reply is in, not before (one request at a time).
      expect(workers[0]!.sent.map((m) => m.id)).toEqual([0]);
      expect(await fresh).toEqual(runScenarioMessage({...request, seed: 2}));
      expect(workers[0]!.sent.map((m) => m.id)).toEqual([0, 1]);
      // The scenario and catalogs are posted once: the run after the warm-up's carries only what differs.
      expect(Object.keys(workers[0]!.sent[0]!.request)).toContain("catalogs");
      expect(Object.keys(workers[0]!.sent[1]!.request)).not.toContain("catalogs");
      expect(Object.keys(workers[0]!.sent[1]!.request)).not.toContain("resolved");
      expect(busy).toEqual([true, false]);
      // A second warmUp, the worker already started, does nothing.
      runner.warmUp(request);
      expect(workers).toHaveLength(1);
      expect(workers[0]!.sent).toHaveLength(2);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("posts a page's scenario again when a run asks for another", async () => {
    const workers = stubWorker();
    try {
      const runner = ScenarioRunner("worker.js");
      const other = loadScenarioLibrary().resolve("base");
      expect(await runner.run(request)).toEqual(runScenarioMessage(request));
      expect(await runner.run({...request, resolved: other})).toEqual(
        runScenarioMessage({...request, resolved: other})
      );
      expect(await runner.run({...request, resolved: other, seed: 3})).toEqual(
        runScenarioMessage({...request, resolved: other, seed: 3})
      );
      expect(workers[0]!.sent.map((m) => "resolved" in m.request)).toEqual([true, true, false]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("runs the last of a burst of runs, once they have paused for RUN_QUIET_MS", async () => {
    const workers = stubWorker();
    try {
      const runner = ScenarioRunner("worker.js");
      const runs = [1, 2, 3, 4].map((seed) => runner.run({...request, seed}));
      // Nothing is sent while the page may still be asking (a drag's moves come 16–50 ms apart).
      expect(workers[0]!.sent).toEqual([]);
      const last = await runs[3];
      expect(await Promise.all(runs.slice(0, 3))).toEqual([null, null, null]);
      expect(last).toEqual(runScenarioMessage({...request, seed: 4}));
      expect(workers[0]!.sent.map((m) => m.request.seed)).toEqual([4]);
      // A lone run goes once RUN_QUIET_MS have passed without another.
      const started = performance.now();
      expect(await runner.run({...request, seed: 5})).toEqual(runScenarioMessage({...request, seed: 5}));
      expect(performance.now() - started).toBeGreaterThanOrEqual(RUN_QUIET_MS - 1);
      expect(workers[0]!.sent.map((m) => m.request.seed)).toEqual([4, 5]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it("a worker answers a run without a scenario only after one was sent", () => {
    const {resolved: _r, catalogs: _c, ...rest} = request;
    expect(() => scenarioRunAnswerer()({id: 1, request: rest})).toThrow(/none sent before/);
  });

  it("warmUp does nothing where runs are on the main thread", () => {
    const workers = stubWorker();
    try {
      ScenarioRunner(null).warmUp(request);
      expect(workers).toHaveLength(0);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
