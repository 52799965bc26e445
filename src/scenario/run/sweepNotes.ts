import {evaluateScenarioPoint, type BoundScenario} from "../evaluate/evaluateScenario.js";
import type {ScenarioPoint} from "../resolve/scenarioValues.js";
import {scenarioNotes, writtenValueNotes} from "./scenarioNotes.js";
import type {AssumptionReport} from "./runReport.js";
import {writtenAxisEnds, type SweepAxisSpec} from "./sweepScenario.js";
import {isDecimalNumeral} from "../../units/decimal.js";

/** One of a sweep's notes, and the corners of the grid it holds at (null: at every corner). */
export interface SweepNote {
  note: string;
  /** Each corner's varied keys and their values (base units, in --vary's order); null when it holds at every one. */
  at: Record<string, number>[] | null;
}

/**
 * Axes whose corners a sweep's notes are checked at: 2^6 = 64 evaluations at most. A grid of more axes is checked at
 * two corners, every axis at its first value and every axis at its last.
 */
export const MAX_NOTE_CORNER_AXES = 6;

/**
 * The notes of a sweep (scenarioNotes: what `run` writes to stderr and a scenario page shows in its box), checked at
 * each corner of the grid: every axis at its first or its last value, the other keys where the sweep holds them (the
 * median of `run`'s draws, `base`: sweepScenario.ts). A note holds for a range of values (a layout outside the
 * calibrated band, a fleet too small), so its ends say whether any of the grid gives it; a sweep that varied a
 * layout into EP above TP with prefill shared wrote throughput 1.7–4.4 times the published runs' without a word
 * (session 42). A corner that does not evaluate is skipped: the sweep names its failing points itself.
 *
 * Input: the bound scenario (with any --set applied), the parsed axes, and the point the sweep starts from. Output:
 * each distinct sentence once, in the order first seen, with the corners it holds at (null at all of them); [] for
 * none. Raises nothing a user causes (a corner's UserError is skipped).
 */
export function sweepNotes(bound: BoundScenario, axes: readonly SweepAxisSpec[], base: ScenarioPoint): SweepNote[] {
  const corners = gridCorners(axes);
  const byNote = new Map<string, Record<string, number>[]>();
  let evaluated = 0;
  for (const corner of corners) {
    let notes: string[];
    try {
      const point = evaluateScenarioPoint(bound, {...base, ...corner});
      notes = scenarioNotes(point, {metrics: point.metrics, assumptions: cornerAssumptions(bound, axes, corner)});
    } catch {
      continue;
    }
    evaluated++;
    for (const note of notes) {
      const at = byNote.get(note);
      if (at) at.push(corner);
      else byNote.set(note, [corner]);
    }
  }
  return [...byNote].map(([note, at]) => ({note, at: at.length === evaluated ? null : at}));
}

/**
 * The grid's corners, each a map of the varied keys to one end of their axis; an axis of one value (or FROM = TO)
 * gives one. Above MAX_NOTE_CORNER_AXES axes, the all-first and all-last corners only.
 */
export function gridCorners(axes: readonly SweepAxisSpec[]): Record<string, number>[] {
  const ends = axes.map((axis) => [...new Set([axis.values[0]!, axis.values.at(-1)!])]);
  if (axes.length > MAX_NOTE_CORNER_AXES) {
    return [0, 1].map((side) =>
      Object.fromEntries(axes.map((axis, a) => [axis.path, ends[a]![Math.min(side, ends[a]!.length - 1)]!]))
    );
  }
  let corners: Record<string, number>[] = [{}];
  axes.forEach((axis, a) => {
    corners = corners.flatMap((corner) => ends[a]!.map((value) => ({...corner, [axis.path]: value})));
  });
  return corners;
}

/**
 * The keys' values as bareMoneyNote and fleetCapacityNote read them (a RunReport's assumptions): a varied key at the
 * corner's value, written as its axis's ends joined by `to` when they were bare numbers that a note of how values
 * were written (writtenValueNotes) reads together (a money axis of bare numbers under $1,000 is the same slip as a
 * file's: `--vary hardware.price=10:900:5`), so that the note names the range once, at every corner (it was one note
 * per end: "at silicon.nre=100: … is $100", "at silicon.nre=200: … is $200"; tester); else as the corner's end was
 * written, so that an end that is a slip alone is noted at its corners (`hardware.price=20:40000:3` had no note of $20,
 * as the percent hints of readSweepAxis name the one end; tester), and one written with a unit is meant (`$500`).
 */
function cornerAssumptions(
  bound: BoundScenario,
  axes: readonly SweepAxisSpec[],
  corner: Readonly<Record<string, number>>
): Record<string, Pick<AssumptionReport, "value" | "written" | "origin">> {
  const assumptions: Record<string, Pick<AssumptionReport, "value" | "written" | "origin">> = {};
  for (const [path, entry] of Object.entries(bound.resolved.values)) {
    assumptions[path] = {value: entry.value, written: entry.written, origin: entry.origin};
  }
  for (const axis of axes) {
    const typedEnds = writtenAxisEnds(axis).map((end) => end.trim());
    const bare = typedEnds.every((end) => isDecimalNumeral(end));
    const value = corner[axis.path]!;
    const ends = [...new Set([axis.values[0]!, axis.values.at(-1)!])].map(String);
    const joined = ends.join(" to ");
    const together = bare && writtenValueNotes({[axis.path]: {value, written: joined}}).length > 0;
    // The corner's end as typed (an axis built from values has none: its value as a file writes it).
    const end = (value === axis.values[0] ? typedEnds[0] : typedEnds[1]) ?? String(value);
    const written = together ? joined : end;
    // The axis as typed, which the note names as the value's place (`--vary silicon.nre=100:200:3`), as withVariedKeys.
    const typed = axis.written ?? `${axis.path}=${axis.values[0]}:${axis.values.at(-1)}:${axis.values.length}`;
    assumptions[axis.path] = {value, written, origin: {kind: "override", flag: "--vary", written: typed}};
  }
  return assumptions;
}
