/**
 * Spreads a page's redraws over animation frames, one redraw per frame, so that a slider move never becomes one long
 * task. Framework recomputes every cell a move invalidates in one animation frame; a page with eight charts and three
 * tables then lays out and paints them all in that frame's task (99–118 ms measured on a scenario page, above the
 * 50 ms at which the browser counts a long task and input waits). A cell that draws something awaits its turn first:
 *
 *     ${frameTurn(invalidation).then(() => cardResize("cost", (width) => CostStackChart(rows, {width})))}
 *
 * Turns are handed out one per animation frame, in the order they were asked for (a lower `order` first). A turn
 * comes in a task of its own just after a frame has rendered, so the cell's drawing runs apart from that frame's
 * input, style, layout and paint; its DOM replaces what it redraws within that one task, so the old stays on screen
 * until the next frame paints the new, and nothing flickers. A turn whose cell is invalidated (a newer move) leaves
 * the queue without running, so a stale redraw never costs a frame: its promise rejects with a Superseded error, which
 * the runtime ignores (the cell's version has moved on) and which skips the rest of the stale cell. It must settle:
 * the Observable runtime starts a cell's next computation only once the previous one has settled ("Wait for the
 * previous definition to compute before recomputing", @observablehq/runtime's variable_compute), so a turn left
 * pending would freeze its cell on a stale value for good (the scenario page's assumptions table stayed on an early
 * value after a mouse drag, sessions 7 and 8). Where there is no requestAnimationFrame (tests under Node), a turn comes
 * on a timer.
 */
export function frameTurn(
  invalidation?: Promise<unknown>,
  {order = 0, sameTask = false}: FrameTurnOptions = {}
): Promise<void> {
  return new Promise((resolve, reject) => {
    const turn: Turn = {order, seq: nextSeq++, sameTask, resolve};
    queue.push(turn);
    invalidation?.then(() => {
      const i = queue.indexOf(turn);
      if (i < 0) return; // given already
      queue.splice(i, 1);
      reject(new Superseded());
    });
    schedule();
  });
}

/**
 * The rejection of a wait (frameTurn, whenNear) whose cell was invalidated before it came: a newer move superseded
 * it. The runtime drops it without showing it (the cell's version has moved on), so only code that awaits a turn
 * outside a cell needs to catch it.
 */
export class Superseded extends Error {
  constructor() {
    super("superseded by a newer computation of the same cell");
    this.name = "Superseded";
  }
}

export interface FrameTurnOptions {
  /**
   * Turns with a lower order come first, whenever they were asked for; default 0. A page gives its point charts 0 and
   * what waits for the Monte Carlo (bands, tables) a higher order, so a move's charts are never queued behind the
   * previous move's tables.
   */
  order?: number;
  /**
   * When no turn has been given since the last animation frame, give this one at once, in the task that asks for it
   * (a microtask), instead of in a task after the next frame. For the first chart of a move whose cells compute in a
   * task of their own (after nextTask): the chart then draws beside the values it shows and both reach the screen in
   * the next frame, a frame sooner. Never from inside an animation frame callback, whose frame it would lengthen.
   */
  sameTask?: boolean;
}

/**
 * Resolves in the first animation frame, after this one, in which no turn is left to give: every cell that asked has
 * drawn (a page clears its "settling" mark then). Turns asked for meanwhile, e.g. by the cells a value just fed, are
 * waited for too.
 */
export function frameTurnsDone(): Promise<void> {
  return new Promise((resolve) => {
    idle.push(resolve);
    schedule();
  });
}

interface Turn {
  order: number;
  seq: number;
  sameTask: boolean;
  resolve: () => void;
}

const queue: Turn[] = [];
const idle: (() => void)[] = [];
let nextSeq = 0;
let scheduled = false;

/** In a browser; under Node (tests) a frame is a 16 ms timer and a task a 0 ms one. */
const browser = typeof requestAnimationFrame === "function" && typeof MessageChannel === "function";

/**
 * Queues `callback` as a task of its own (a MessageChannel message, which no timer clamping delays). Queued from an
 * animation frame callback, it runs once that frame has rendered.
 */
const postTask: (callback: () => void) => void = browser ? messageTasks() : (callback) => setTimeout(callback, 0);

function messageTasks(): (callback: () => void) => void {
  const channel = new MessageChannel();
  const callbacks: (() => void)[] = [];
  channel.port1.onmessage = () => callbacks.shift()!();
  return (callback) => {
    callbacks.push(callback);
    channel.port2.postMessage(null);
  };
}

/** True from a turn until the next animation frame: another turn waits for that frame. */
let turnThisFrame = false;

/**
 * Turns come in tasks of their own, never inside a frame's rendering: a turn's drawing (a Plot chart: 5–20 ms of
 * script) runs apart from a frame's input handling, style, layout and paint, and what it inserts is laid out and
 * painted in the next frame (one frame doing all of it took 50–90 ms on a scenario page, issue #17). The first turn
 * after a quiet frame is queued at once (from the runtime's animation frame, it runs as soon as that frame has
 * rendered); each further one waits for the next animation frame, so that a frame lays out at most one redraw.
 * That first turn is never held behind a slower wake-up queued before it (frameTurnsDone's next frame, asked for
 * when a move invalidated the charts held out of view): a scenario page's first chart waited for that frame, 10–25 ms
 * more after each slider move.
 */
function schedule(): void {
  if (queue.length > 0 && !turnThisFrame) {
    if (!scheduledNow) {
      scheduledNow = true;
      if (queue[bestTurn()]!.sameTask) queueMicrotask(giveTurnNow);
      else postTask(giveTurnNow);
    }
    return;
  }
  if (scheduled || (queue.length === 0 && idle.length === 0)) return;
  scheduled = true;
  if (!browser) setTimeout(giveTurn, 16);
  else requestAnimationFrame(() => postTask(giveTurn));
}

/** A turn is queued to be given at once (in a microtask for a sameTask turn, else in the next task). */
let scheduledNow = false;

/** The first turn since the last animation frame, unless one has been given meanwhile. */
function giveTurnNow(): void {
  scheduledNow = false;
  if (queue.length > 0 && !turnThisFrame) giveOne();
  schedule();
}

/**
 * Resolves in a task of its own, queued now. A cell that awaits it in the runtime's animation frame (the one after an
 * input) computes after that frame has rendered, so the frame that handles a slider's input does only that (a
 * scenario page's cells at the median point took 8–30 ms; computed in the input's frame, they made 9 of 10 mouse drags
 * show a long task, against 2 of 10 after nextTask, a drag as test/browser/scenarioLongTasks.test.ts makes). It resolves even when the cell has been invalidated meanwhile (a cell is never left pending: see frameTurn), so a stale cell computes once more.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => postTask(resolve));
}

/** The index in the queue of the turn to give next: the lowest order, then the first asked. */
function bestTurn(): number {
  let best = 0;
  for (let i = 1; i < queue.length; i++) {
    const a = queue[i]!;
    const b = queue[best]!;
    if (a.order < b.order || (a.order === b.order && a.seq < b.seq)) best = i;
  }
  return best;
}

/**
 * One turn: the next in the queue, or, when none is left, the frameTurnsDone waiters. When a sameTask turn was given
 * since this wake-up was queued, the next turn waits for the next frame.
 */
function giveTurn(): void {
  scheduled = false;
  if (queue.length === 0) {
    for (const resolve of idle.splice(0)) resolve();
    return;
  }
  if (!turnThisFrame) giveOne();
  schedule();
}

/** Gives the best turn in the queue, and marks this frame as having had its turn. */
function giveOne(): void {
  const [turn] = queue.splice(bestTurn(), 1);
  turnThisFrame = true;
  if (browser) requestAnimationFrame(() => (turnThisFrame = false));
  else setTimeout(() => (turnThisFrame = false), 16);
  turn!.resolve();
}
