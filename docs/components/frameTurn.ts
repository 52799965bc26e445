/**
 * Spreads a page's redraws over animation frames, one redraw per frame, so that a slider move never becomes one long
 * task. Framework recomputes every cell a move invalidates in one animation frame; a page with eight charts and three
 * tables then lays out and paints them all in that frame's task (99–118 ms measured on a scenario page, above the
 * 50 ms at which the browser counts a long task and input waits). A cell that draws something awaits its turn first:
 *
 *     ${frameTurn(invalidation).then(() => resize((width) => CostStackChart(rows, {width})))}
 *
 * Turns are handed out one per animation frame, in the order they were asked for (a lower `order` first), and the
 * cell draws in the frame its turn came: its DOM is inserted before that frame's layout, so what it replaces stays on
 * screen until then and nothing flickers. A turn whose cell is invalidated (a newer move) leaves the queue without
 * running, so a stale redraw never costs a frame. Where there is no requestAnimationFrame (tests under Node), a turn
 * comes on a timer.
 */
export function frameTurn(invalidation?: Promise<unknown>, {order = 0}: FrameTurnOptions = {}): Promise<void> {
  return new Promise((resolve) => {
    const turn: Turn = {order, seq: nextSeq++, resolve};
    queue.push(turn);
    invalidation?.then(() => {
      const i = queue.indexOf(turn);
      if (i >= 0) queue.splice(i, 1);
    });
    schedule();
  });
}

export interface FrameTurnOptions {
  /**
   * Turns with a lower order come first, whenever they were asked for; default 0. A page gives its point charts 0 and
   * what waits for the Monte Carlo (bands, tables) a higher order, so a move's charts are never queued behind the
   * previous move's tables.
   */
  order?: number;
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
  resolve: () => void;
}

const queue: Turn[] = [];
const idle: (() => void)[] = [];
let nextSeq = 0;
let scheduled = false;

const nextFrame: (callback: () => void) => void =
  typeof requestAnimationFrame === "function"
    ? (callback) => requestAnimationFrame(callback)
    : (callback) => setTimeout(callback, 16);

function schedule(): void {
  if (scheduled || (queue.length === 0 && idle.length === 0)) return;
  scheduled = true;
  nextFrame(giveTurn);
}

/** One animation frame: the next turn, or, when none is left, the frameTurnsDone waiters. */
function giveTurn(): void {
  scheduled = false;
  if (queue.length === 0) {
    for (const resolve of idle.splice(0)) resolve();
    return;
  }
  let best = 0;
  for (let i = 1; i < queue.length; i++) {
    const a = queue[i]!;
    const b = queue[best]!;
    if (a.order < b.order || (a.order === b.order && a.seq < b.seq)) best = i;
  }
  const [turn] = queue.splice(best, 1);
  turn!.resolve();
  schedule();
}
