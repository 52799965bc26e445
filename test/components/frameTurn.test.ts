import {describe, expect, it} from "vitest";
import {frameTurn, frameTurnsDone, Superseded} from "../../docs/components/frameTurn.js";

/** Under Node a frame is a 16 ms timer (no requestAnimationFrame); each test records which turn came in which frame. */
function frameCounter() {
  let frame = 0;
  let stopped = false;
  const tick = () => {
    frame++;
    if (!stopped) setTimeout(tick, 16);
  };
  setTimeout(tick, 16);
  return {now: () => frame, stop: () => (stopped = true)};
}

describe("frameTurn", () => {
  it("gives one turn per frame, lower order first, then in the order asked", async () => {
    const frames = frameCounter();
    const given: [string, number][] = [];
    const ask = (name: string, order = 0) => frameTurn(undefined, {order}).then(() => given.push([name, frames.now()]));
    await Promise.all([ask("table", 2), ask("bands", 1), ask("chart a"), ask("chart b")]);
    frames.stop();
    expect(given.map(([name]) => name)).toEqual(["chart a", "chart b", "bands", "table"]);
    const at = given.map(([, frame]) => frame);
    expect(new Set(at).size).toBe(4); // each in a frame of its own
  });

  it("drops a turn whose cell was invalidated, without spending a frame on it, and rejects it", async () => {
    let invalidate!: () => void;
    const invalidation = new Promise<void>((resolve) => (invalidate = resolve));
    const given: string[] = [];
    const stale = frameTurn(invalidation).then(() => given.push("stale"));
    invalidate();
    await expect(stale).rejects.toBeInstanceOf(Superseded);
    await frameTurn().then(() => given.push("fresh"));
    await frameTurnsDone();
    expect(given).toEqual(["fresh"]);
  });

  it("never leaves a cell pending, so the runtime computes it again (a turn invalidated while queued)", async () => {
    // The Observable runtime chains a cell's next computation on its previous one ("Wait for the previous definition
    // to compute before recomputing", @observablehq/runtime variable_compute: `_promise.then(init, init)`). A cell
    // whose turn is queued behind another's when a newer move invalidates it must still let the next one run.
    const drawn: string[] = [];
    let previous: Promise<unknown> = Promise.resolve();
    let invalidate: () => void = () => {};
    const compute = (value: string, order: number) => {
      invalidate();
      const invalidation = new Promise<void>((resolve) => (invalidate = resolve));
      const run = () => frameTurn(invalidation, {order}).then(() => drawn.push(value));
      previous = previous.then(run, run);
      return previous;
    };
    void frameTurn(); // a chart's turn first, so that the table's waits in the queue
    void compute("early value", 2).catch(() => {});
    const last = compute("last value", 2);
    await last;
    expect(drawn).toEqual(["last value"]);
  });

  it("says when every turn asked for, including those asked meanwhile, has been given", async () => {
    const given: string[] = [];
    void frameTurn().then(() => {
      given.push("first");
      // A cell fed by the first asks for its own turn.
      void frameTurn().then(() => given.push("second"));
    });
    await frameTurnsDone();
    expect(given).toEqual(["first", "second"]);
  });

  it("gives a sameTask turn in the asking task when no turn was given this frame, and the next one a frame later", async () => {
    await frameTurnsDone();
    await new Promise((resolve) => setTimeout(resolve, 20)); // past the last turn's frame
    const given: string[] = [];
    const nextTaskRan = new Promise<void>((resolve) => setTimeout(() => (given.push("next task"), resolve()), 0));
    const first = frameTurn(undefined, {sameTask: true}).then(() => given.push("first chart"));
    const second = frameTurn(undefined, {sameTask: true}).then(() => given.push("second chart"));
    await first;
    expect(given).toEqual(["first chart"]); // before any other task
    await Promise.all([second, nextTaskRan]);
    expect(given).toEqual(["first chart", "next task", "second chart"]); // one turn per frame still
  });
});

describe("frameTurn behind an earlier wake-up", () => {
  it("gives a sameTask turn in the asking task even when frameTurnsDone asked for a frame before it", async () => {
    // On a scenario page a move invalidates the charts held out of view (nearViewport.ts), whose cleanup asks
    // frameTurnsDone for the next frame; the first chart in view then asks for its sameTask turn in the task that
    // computes the median point. It must not wait for that frame (it did: 10–25 ms more to the first chart).
    await frameTurnsDone();
    await new Promise((resolve) => setTimeout(resolve, 20)); // past the last turn's frame
    const given: string[] = [];
    const done = frameTurnsDone().then(() => given.push("done"));
    const nextTaskRan = new Promise<void>((resolve) => setTimeout(() => (given.push("next task"), resolve()), 0));
    const first = frameTurn(undefined, {sameTask: true}).then(() => given.push("first chart"));
    const second = frameTurn(undefined, {sameTask: true}).then(() => given.push("second chart"));
    await first;
    expect(given).toEqual(["first chart"]); // before any other task
    await Promise.all([second, nextTaskRan, done]);
    expect(given).toEqual(["first chart", "next task", "second chart", "done"]); // one turn per frame still
  });
});
