import {frameTurnsDone, Superseded} from "./frameTurn.js";

/**
 * Holds back the redraw of something the reader cannot see. A scenario page redraws up to eight charts per slider move,
 * most of them below the sliders, out of view; drawing them during a drag costs each one a task of 5–20 ms (a Plot
 * chart) and a frame's layout, and on a busy machine those become the long tasks that delay the reader's next move
 * (issue #17). A redraw that waits here comes when its card is in the viewport: at once if it is (or if this is the
 * card's first draw), otherwise as soon as the reader scrolls any part of it into view (the redraw then takes the
 * next frame turn, one frame), or when the page is about to print.
 *
 *     ${whenNear(card, invalidation).then(() => frameTurn(invalidation)).then(() => cardResize(…))}
 *
 * A redraw held back still comes once the reader has stopped moving for SETTLE_MS (the element's latest redraw: each
 * move invalidates the one before), so a page left alone is whole: what is printed, screenshot or scrolled to later
 * shows the last move, not an earlier one. A redraw whose cell is invalidated meanwhile (a newer move) never comes: its
 * promise rejects with Superseded, as frameTurn's does, so that the runtime can compute the cell again.
 * From a hold until the redraws let go are drawn, the body carries data-redrawing (tests and the PDF export wait).
 */
export function whenNear(selector: string, invalidation?: Promise<unknown>): Promise<void> {
  const element = typeof document === "undefined" ? null : document.querySelector(selector);
  if (element === null || typeof IntersectionObserver !== "function") return Promise.resolve();
  const watch = (observer ??= makeObserver());
  if (!near.has(element)) {
    near.set(element, true); // until the observer says otherwise: a card's first draw is never held back
    watch.observe(element);
  }
  if (near.get(element) || printing) return Promise.resolve();
  document.body.toggleAttribute("data-redrawing", true);
  return new Promise((resolve, reject) => {
    const waiter = () => resolve();
    let list = waiting.get(element);
    if (list === undefined) waiting.set(element, (list = []));
    list.push(waiter);
    const settle = setTimeout(() => release(element), SETTLE_MS);
    void invalidation?.then(() => {
      clearTimeout(settle);
      const i = list.indexOf(waiter);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0 && waiting.get(element) === list) waiting.delete(element);
      settled();
      if (i >= 0) reject(new Superseded());
    });
  });
}

/**
 * How long the reader must leave the controls alone before held-back redraws are drawn anyway: longer than the gap
 * between two input events of a drag (16–50 ms, more under load), short enough that a page reads whole at once.
 */
export const SETTLE_MS = 300;

/** Whether each watched element is in the viewport (any part of it). */
const near = new WeakMap<Element, boolean>();
/** The redraws waiting for each element to come near. */
const waiting = new Map<Element, (() => void)[]>();
let observer: IntersectionObserver | undefined;
let printing = false;

function makeObserver(): IntersectionObserver {
  // Before printing, everything is drawn (each redraw still takes its frame turn).
  window.addEventListener("beforeprint", () => {
    printing = true;
    for (const element of [...waiting.keys()]) release(element);
  });
  window.addEventListener("afterprint", () => (printing = false));
  return new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        near.set(entry.target, entry.isIntersecting);
        if (entry.isIntersecting) release(entry.target);
      }
    },
    {rootMargin: "0px"}
  );
}

/**
 * Lets the redraws held back for `element` go. Until they are drawn, the body carries data-redrawing (tests and the
 * PDF export wait while it is there, as they wait for a scenario page's running mark).
 */
function release(element: Element): void {
  const list = waiting.get(element);
  waiting.delete(element);
  if (list?.length) {
    document.body.toggleAttribute("data-redrawing", true);
    for (const resolve of list) resolve();
  }
  settled();
}

/** Clears data-redrawing once nothing is held back and the redraws let go have been drawn. */
function settled(): void {
  void frameTurnsDone().then(() => {
    if (waiting.size === 0) document.body.toggleAttribute("data-redrawing", false);
  });
}
