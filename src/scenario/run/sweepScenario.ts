import {sharedPrefillErrors} from "../evaluate/unreadKeys.js";
import {MAX_SWEEP_POINTS} from "../../uncertainty/sweep.js";
import {isDecimalNumeral, readDecimal} from "../../units/decimal.js";
import {UserError, UserErrors, userErrorList} from "../../errors/userError.js";
import {DIMENSIONS, formatQuantity, readQuantity, type Dimension} from "../../units/quantity.js";
import {
  REUSABLE_STAGES,
  SCENARIO_METRICS,
  type ReusableStage,
  ScenarioStages,
  type BoundScenario,
  type ScenarioMetricName,
  type ScenarioReuse
} from "../evaluate/evaluateScenario.js";
import {countPairError, ORDERED_COUNTS} from "../evaluate/countOrder.js";
import {customChipMode, customUnitCostMode, specPointError} from "../evaluate/customChipSpec.js";
import {METRIC_READERS, NULLABLE_METRICS} from "../evaluate/metrics.js";
import type {ScenarioPoint} from "../resolve/scenarioValues.js";
import {writtenAt, type ResolvedScenario} from "../resolve/resolveScenario.js";
import {
  formatBeyondBound,
  formatBound,
  formatRange,
  isInRange,
  plainNumber,
  type NumberRange
} from "../../units/range.js";
import {isQuantityKey, keyRange, scenarioKey, type ScenarioKeyDef} from "../file/schema.js";
import {displayValue} from "../file/displayValue.js";
import {expectedFor, formatPercentRange, likelyUnit, quantityError, withUnit} from "../file/readValue.js";
import {keyReading} from "../file/countWords.js";
import {scenarioDrawMedianPoint} from "./scenarioDraws.js";
import {DEFAULT_SCENARIO_SAMPLES, DEFAULT_SCENARIO_SEED} from "./runScenario.js";
import {didYouMean} from "../../errors/suggest.js";
import {linspace} from "../../uncertainty/linspace.js";
import {groupThousands} from "../../units/groupThousands.js";
import {scenarioKeyHint} from "../file/keyPathHint.js";
import {commaAxisHint} from "./commaAxisHint.js";
import {shellWord} from "../../errors/shellWord.js";

/** One axis of a sweep: a numeric key and the values it takes, in base units. */
export interface SweepAxisSpec {
  path: string;
  values: number[];
  /** The axis as the user wrote it (`serving.utilization=30%:90%:7`), for messages; else built from the values. */
  written?: string;
}

/**
 * An axis's FROM and TO as the user wrote them (`20 USD/MWh`, `100 USD/MWh`); [] for an axis built from values. What
 * `sweep` says of an axis written with units, and how its notes read a money axis of bare numbers.
 */
export function writtenAxisEnds(axis: Pick<SweepAxisSpec, "written">): string[] {
  return (
    axis.written
      ?.slice(axis.written.indexOf("=") + 1)
      .split(":")
      .slice(0, 2) ?? []
  );
}

/** The spec keys specPointError checks at each point when a sweep varies one of them. */
const SPEC_PAIR_KEYS: readonly string[] = ["silicon.bf16Flops", "silicon.fp8Flops"];

/** The most steps one --vary axis may take. */
export const MAX_AXIS_STEPS = 10_000;

/** Failing points a sweep lists before it stops (and says it stopped). */
export const MAX_SWEEP_ERRORS = 5;

/**
 * Reads `path=FROM:TO:STEPS` (STEPS evenly spaced values from FROM to TO inclusive; FROM and TO may carry units:
 * `power.electricity=0.04 USD/kWh:0.12 USD/kWh:9`). Every value must lie in the key's range (and be whole for an
 * integer key). Errors name the flag, the key, what was expected and what was found.
 */
export function parseSweepAxis(text: string, flag = "--vary"): SweepAxisSpec {
  const {axis, between} = readSweepAxis(text, flag);
  if (between) throw between.error;
  return axis;
}

/** An axis as readSweepAxis reads it. */
export interface SweepAxisReading {
  axis: SweepAxisSpec;
  /**
   * For an integer key whose whole FROM and TO have points between whole numbers between them (`serving.batch=1:64:3`,
   * 32.5), the error that says so: `error` offers a step count that makes every point whole, `unsuggested` does not
   * (for when an end fails, which every grid it could offer keeps). Undefined when every point is whole.
   */
  between?: {error: UserError; unsuggested: UserError};
}

/**
 * parseSweepAxis, except that a grid with points between whole numbers whose ends are whole is returned with the error
 * that says so (`between`) instead of throwing it, so that the sweep can first check the ends against the scenario
 * (sweepAxisErrors): the step count it offers keeps both ends.
 *
 * Throws: a UserError naming the flag and the key for any other problem, as parseSweepAxis.
 */
export function readSweepAxis(text: string, flag = "--vary"): SweepAxisReading {
  const equals = text.indexOf("=");
  const expected = "path=FROM:TO:STEPS, like serving.utilization=0.3:0.9:7";
  if (equals < 0) throw new UserError({flag, message: "missing =", expected, found: text});
  const path = text.slice(0, equals).trim();
  const def = scenarioKey(path);
  if (!def) {
    const hint = scenarioKeyHint(path);
    throw new UserError({
      flag,
      path,
      message: "unknown key",
      expected: "a scenario key path",
      found: path || '""',
      ...(hint ? {hint} : {})
    });
  }
  if (!isQuantityKey(def)) {
    // What the key takes, and how to sweep its values: it said only "found serving.kvCache" (breaker).
    const example = def.choices?.[0] ?? def.default ?? "…";
    throw new UserError({
      flag,
      path,
      message: "not a numeric key",
      expected: "a key with a number value",
      found: `${path}, which takes ${expectedFor(def)}`,
      hint: `an axis runs over numbers: set ${path} with --set (--set ${path}=${example}), one sweep for each value`
    });
  }
  const parts = text.slice(equals + 1).split(":");
  if (parts.length !== 3) {
    const hint = commaAxisHint(def, path, text.slice(equals + 1), flag);
    throw new UserError({flag, path, message: "malformed range", expected, found: text, ...(hint ? {hint} : {})});
  }
  const [fromText, toText, stepsText] = parts.map((part) => part.trim()) as [string, string, string];
  const read = (written: string) => {
    // `0.3 to 0.5` is a scenario file's interval (a distribution), not an end of an axis.
    if (/\sto\s/.test(written)) {
      throw new UserError({flag, path, message: "an interval is not an axis end", expected, found: written});
    }
    const reading = readQuantity(written, def.type as Dimension, keyReading(def));
    // The scenario file's wording, so that a --vary value reads like the same value written in a file.
    if (!reading.ok) throw new UserError({flag, path, ...quantityError(def, reading)});
    return reading.value;
  };
  const from = read(fromText);
  const to = read(toText);
  const steps = readDecimal(stepsText) ?? NaN;
  if (!Number.isInteger(steps) || steps < 1 || steps > MAX_AXIS_STEPS) {
    // Grouped as an end may be (`1,000`, `1_000`): the count as it is written, when the sweep takes it (breaker).
    const plain = /^[1-9]\d{0,2}([,_]\d{3})+$/.test(stepsText) ? stepsText.replace(/[,_]/g, "") : undefined;
    const hint =
      plain !== undefined && Number(plain) <= MAX_AXIS_STEPS
        ? `a step count is written without grouping: did you mean ${plain}?`
        : undefined;
    throw new UserError({
      flag,
      path,
      message: "bad step count",
      expected: `a whole number of steps in ${formatRange({min: 1, max: MAX_AXIS_STEPS})}`,
      found: stepsText,
      ...(hint ? {hint} : {})
    });
  }
  if (steps === 1 && from !== to) {
    throw new UserError({
      flag,
      path,
      message: "one step cannot span a range",
      expected: "FROM equal to TO, or 2 or more steps",
      found: text
    });
  }
  if (steps > 1 && from === to) {
    // Every step would be the same point: rows that repeat one another, silently.
    throw new UserError({
      flag,
      path,
      message: "FROM equals TO, so STEPS must be 1",
      expected: `1 step (${path}=${fromText}:${toText}:1), or a TO that differs from FROM`,
      found: stepsText
    });
  }
  // The ends are FROM and TO exactly (0.3 + 0.6 = 0.9000000000000001 would fall past a maximum of 0.9), and the
  // values between are the decimals a user expects (0.08, not 0.07999999999999999): linspace's docstring.
  const values = linspace(from, to, steps);
  const range = keyRange(def);
  // The range is an interval, so the ends decide; report the end as written rather than a rounded grid value.
  const ends: [number, string][] = [
    [from, fromText],
    [to, toText]
  ];
  const outside = ends.find(([value]) => !isInRange(value, range));
  const fraction = def.integer === true ? values.find((value) => !Number.isInteger(value)) : undefined;
  // A fraction's ends written as percentages without their sign (`serving.utilization=30:90:3`) are told the axis
  // with the signs, when both are out of range as written and in range as percentages, as `--set
  // serving.utilization=60` is told 60% (new-user trial).
  const asPercent = (written: string) => (/^\d+(\.\d+)?$/.test(written.trim()) ? Number(written) / 100 : NaN);
  const fractionKey = outside !== undefined && isQuantityKey(def) && def.type === "fraction";
  const percents =
    fractionKey && ends.every(([value, written]) => !isInRange(value, range) && isInRange(asPercent(written), range));
  // One end in range as written and the other only as a percentage (`finance.vendorGrossMargin=0.5:80:3`) is told that
  // end with its sign, as an end out of range in another unit is: the axis read 0.5%:80%, turning a fraction of 50%
  // into 0.5% (tester), and `serving.utilization=0.3:90:3` had no hint at all.
  const endPercent =
    fractionKey &&
    !percents &&
    ends.every(([value, written]) => isInRange(value, range) || isInRange(asPercent(written), range));
  // Ends both out of range as bare numbers (`power.electricity=40:120:9`, USD/MWh) are told the axis in the one unit
  // that puts both in range, as `--set power.electricity=82.6` is told 82.6 USD/MWh (new-user trial).
  const dimension = isQuantityKey(def) ? def.type : undefined;
  const unit =
    dimension !== undefined && dimension !== "fraction" && ends.every(([value]) => !isInRange(value, range))
      ? likelyUnit(dimension, fromText, range)
      : undefined;
  const units = unit !== undefined && likelyUnit(dimension!, toText, range) === unit;
  // One end out of range that one other unit puts in range (`power.electricity=0.3:120:3`, 120 USD/MWh) is told that
  // unit, as `--set power.electricity=120` is, with its value in the base unit, the one a bare end is read in (it had
  // no hint; tester). No axis is offered: the other end may be meant in either unit. Only when that unit puts the whole
  // axis in range: `silicon.designCycle=1:60:60` (months) was told "did you mean 1 years?", where 1 year to 60 years is
  // 12 to 720 months, past the key's 120 (tester).
  const inUnit = (unitName: string) => (value: number, written: string) =>
    isDecimalNumeral(written.trim()) ? value * DIMENSIONS[dimension!].units.get(unitName)! : value;
  const likelyEndUnit =
    outside !== undefined && !units && !percents && dimension !== undefined && dimension !== "fraction"
      ? likelyUnit(dimension, outside[1], range)
      : undefined;
  const endUnit =
    likelyEndUnit !== undefined &&
    ends.every(([value, written]) => isInRange(inUnit(likelyEndUnit)(value, written), range))
      ? likelyEndUnit
      : undefined;
  const endHint = (unitName: string): string => {
    const [value, written] = outside!;
    const other = (written === fromText ? toText : fromText).trim();
    const {baseUnit} = DIMENSIONS[dimension!];
    const inBase = formatQuantity(
      Number((value * DIMENSIONS[dimension!].units.get(unitName)!).toPrecision(12)),
      dimension!
    );
    const bareEnd = isDecimalNumeral(other) ? `a bare end such as ${other} is read in ${baseUnit}, and ` : "";
    // Written as a scenario file writes it (`5%`, not `5 %`), as --set's hint is (outOfRange).
    const meant = withUnit(written.trim(), unitName);
    return `${bareEnd}${meant} is ${inBase}: did you mean ${meant}?`;
  };
  const endPercentHint = (): string => {
    const [, written] = outside!;
    const other = written === fromText ? toText : fromText;
    const bareEnd = isDecimalNumeral(other) ? `, as a bare end such as ${other} is read` : "";
    return `${written}% is the fraction ${plainNumber(asPercent(written))}${bareEnd}: did you mean ${written}%?`;
  };
  // A share in both forms, as --set says it (outOfRange): "[0.01, 1]" alone beside a found "120%" (breaker).
  const asPercentages = dimension === "fraction" ? `, or percentages in ${formatPercentRange(range)}` : "";
  const expectedValues =
    `${def.integer ? "whole numbers" : "values"} in ${formatRange(range, dimension)}` + asPercentages;
  if (outside !== undefined) {
    const unitAxis = units && shellWord(`${path}=${withUnit(fromText, unit!)}:${withUnit(toText, unit!)}:${stepsText}`);
    throw new UserError({
      ...(percents
        ? {hint: `did you mean ${shellWord(`${path}=${fromText.trim()}%:${toText.trim()}%:${stepsText.trim()}`)}?`}
        : {}),
      ...(units ? {hint: `did you mean ${unitAxis}?`} : {}),
      ...(endUnit ? {hint: endHint(endUnit)} : {}),
      ...(endPercent ? {hint: endPercentHint()} : {}),
      ...(!percents && !units && !endUnit && !endPercent ? withinRangeHint(path, def, range, ends, steps) : {}),
      flag,
      path,
      message: "value out of range",
      expected: expectedValues,
      // An end as written.
      found: outside[1]
    });
  }
  const axis = {path, values, written: text.trim()};
  if (fraction === undefined) return {axis};
  const notWhole = (hint?: string) =>
    new UserError({
      ...(hint ? {hint} : {}),
      flag,
      path,
      message: "not a whole number",
      expected: expectedValues,
      // A grid value between the ends at the digits that show it is not whole (168374.333333 read in full beside the
      // other found values' three digits): formatBeyondBound against the whole numbers either side.
      found: formatBeyondBound(fraction, [Math.floor(fraction), Math.ceil(fraction)])
    });
  // Undefined for an end that is not whole: the user's own value, not the grid's.
  const wholeGrid = wholeSteps(from, to, steps);
  if (!wholeGrid) throw notWhole();
  // `serving.batch=1:64:3` read "not a whole number … found 32.5", with no word of the grid or a step count that
  // works (breaker): the nearest one that puts every point on a whole number, with its points.
  const grid =
    `the grid ${fromText}:${toText}:${stepsText} has points between whole numbers: STEPS − 1 must divide ` +
    groupThousands(Math.abs(to - from));
  const wholeAxis = shellWord(`${path}=${fromText}:${toText}:${wholeGrid.steps}`);
  const suggestion = `did you mean ${wholeAxis} (${wholeGrid.points})?`;
  return {axis, between: {error: notWhole(`${grid}; ${suggestion}`), unsuggested: notWhole(grid)}};
}

/**
 * The axis with each end out of `range` moved to the bound it passed, as a hint: "start the range at 3 months, the
 * least silicon.designCycle takes: did you mean silicon.designCycle=3:60:58?" for `1:60:60`. It keeps the step where
 * that divides the shorter axis (1 month), else the step count; for a whole-number key, the nearest count whose
 * points are whole (wholeSteps).
 * A moved end is written as the user wrote it: bare for a bare end (read in the base unit), else with the base unit.
 * Nothing when a bound passed is exclusive or infinite (there is no end at it); both ends past one bound are told so
 * (beyondOneBound).
 */
function withinRangeHint(
  path: string,
  def: ScenarioKeyDef,
  range: NumberRange,
  ends: readonly [number, string][],
  steps: number
): {hint: string} | {} {
  const dimension = isQuantityKey(def) ? def.type : undefined;
  const beyond = beyondOneBound(path, def, range, ends, steps);
  if (beyond) return beyond;
  const moved = ends.map(([value, written]) => {
    if (isInRange(value, range)) return {value, written: written.trim()};
    const low = belowRange(value, range);
    // Within the bounds but refused (not whole, for a key of whole numbers): no bound to move it to.
    if (!low && value < range.max) return undefined;
    const bound = low ? range.min : range.max;
    if (!Number.isFinite(bound) || (low ? range.minExclusive : range.maxExclusive)) return undefined;
    const text = asWritten(bound, written, dimension);
    return {value: bound, written: text, low};
  });
  if (moved.some((end) => end === undefined)) return {};
  const [from, to] = moved as [
    {value: number; written: string; low?: boolean},
    {value: number; written: string; low?: boolean}
  ];
  const span = Math.abs(to.value - from.value);
  if (span === 0 && steps > 1) return {};
  // The user's step where it divides the shorter axis (1:60:60 steps by 1 month, as 3:60:58 does), else their count.
  const [[fromValue], [toValue]] = ends as [[number, string], [number, string]];
  const gaps = steps > 1 ? Number(((span * (steps - 1)) / Math.abs(toValue - fromValue)).toPrecision(12)) : 0;
  let count = Number.isInteger(gaps) && gaps >= 1 && gaps < MAX_AXIS_STEPS ? gaps + 1 : steps;
  if (def.integer === true && !linspace(from.value, to.value, count).every(Number.isInteger)) {
    const whole = wholeSteps(from.value, to.value, count);
    if (whole === undefined) return {};
    count = whole.steps;
  }
  const said = (bound: number) => boundAsWritten(bound, ends, dimension);
  const passed = [from, to].filter((end) => end.low !== undefined);
  const words =
    passed.length === 2
      ? `keep the range within ${formatRange(range, dimension)}`
      : `${passed[0] === from ? "start" : "end"} the range at ${said(passed[0]!.value)}, the ` +
        `${passed[0]!.low ? "least" : "most"} ${path} takes`;
  // Quoted for the shell where an end needs it: `silicon.nre=$0:$4M:3` pasted bare read `$0` as the shell's name.
  return {hint: `${words}: did you mean ${shellWord(`${path}=${from.written}:${to.written}:${count}`)}?`};
}

/** True when `value` is below `range`: under its least value, or at it where that bound is excluded. */
function belowRange(value: number, range: NumberRange): boolean {
  return value < range.min || (range.minExclusive === true && value === range.min);
}

/** True when `value` is above `range`: over its greatest value, or at it where that bound is excluded. */
function aboveRange(value: number, range: NumberRange): boolean {
  return value > range.max || (range.maxExclusive === true && value === range.max);
}

/**
 * For an axis whose two ends both pass the same bound (`silicon.designCycle=200:300:3`, past 120 months; it had no
 * hint, moving both ends to the bound leaving one point): says so, with the bound in the key's unit, and offers the
 * axis of the same span nearest it, the end farthest out moved to the bound and the other the same distance from it
 * (20:120:3), at the same step count (for a whole-number key, the nearest whose points are whole: wholeSteps). An axis
 * wider than the key's range is offered the range where its far bound is taken; a bound the key never takes
 * (exclusive) is told, with no axis.
 * Undefined when the ends do not both pass one bound.
 */
function beyondOneBound(
  path: string,
  def: ScenarioKeyDef,
  range: NumberRange,
  ends: readonly [number, string][],
  steps: number
): {hint: string} | undefined {
  const low = ends.every(([value]) => belowRange(value, range));
  if (!low && !ends.every(([value]) => aboveRange(value, range))) return undefined;
  const dimension = isQuantityKey(def) ? def.type : undefined;
  const bound = low ? range.min : range.max;
  const said = boundAsWritten(bound, ends, dimension);
  const side = low ? "below" : "above";
  if (low ? range.minExclusive : range.maxExclusive) {
    return {
      hint: `the whole range is at or ${side} ${said}, and ${path} must be ${side === "below" ? "above" : "below"} it`
    };
  }
  const words = `the whole range is ${side} ${said}, the ${low ? "least" : "most"} ${path} takes`;
  const [[fromValue, fromText], [toValue, toText]] = ends as [[number, string], [number, string]];
  // Slid by the least that puts both ends in range: the end farthest out lands on the bound.
  const shift = low ? bound - Math.min(fromValue, toValue) : bound - Math.max(fromValue, toValue);
  const slide = (value: number) => Number((value + shift).toPrecision(12));
  let offer: [number, number] = [slide(fromValue), slide(toValue)];
  let what = "; the nearest axis of the same span is";
  if (!offer.every((value) => isInRange(value, range))) {
    // Wider than the key's range: the range itself, when the axis can end at its other bound (finite and taken).
    const other = low ? range.max : range.min;
    if (!Number.isFinite(other) || (low ? range.maxExclusive : range.minExclusive)) return {hint: words};
    offer = fromValue <= toValue ? [range.min, range.max] : [range.max, range.min];
    what = ", and the axis is wider than the key's range: the nearest is the range itself,";
  }
  let count = steps;
  if (def.integer === true && !linspace(offer[0], offer[1], count).every(Number.isInteger)) {
    const whole = wholeSteps(offer[0], offer[1], count);
    if (whole === undefined) return {hint: words};
    count = whole.steps;
  }
  const write = (value: number, written: string) => asWritten(value, written, dimension);
  return {
    hint: `${words}${what} ${shellWord(`${path}=${write(offer[0], fromText)}:${write(offer[1], toText)}:${count}`)}`
  };
}

/**
 * An end of an offered axis written as the user wrote theirs: bare for a bare end (read in the base unit), a percentage
 * for a fraction's end written with `%` (`serving.utilization=120%:150%:3` was offered 0.7:1:3, "above 1", beside its
 * 120%; breaker), else with the base unit.
 */
function asWritten(value: number, written: string, dimension: Dimension | undefined): string {
  const text = written.trim();
  if (dimension === "fraction" && text.endsWith("%")) return `${plainNumber(Number((value * 100).toPrecision(12)))}%`;
  return isDecimalNumeral(text) || dimension === undefined ? plainNumber(value) : formatQuantity(value, dimension);
}

/** A bound said as the axis's ends are written: a fraction's bound as a percentage where both ends are ("100%"). */
function boundAsWritten(bound: number, ends: readonly [number, string][], dimension: Dimension | undefined): string {
  return dimension === "fraction" && ends.every(([, written]) => written.trim().endsWith("%"))
    ? asWritten(bound, "%", dimension)
    : formatBound(bound, dimension);
}

/**
 * The least step count from `steps` up (else the greatest below) whose grid from `from` to `to` has only whole
 * points, with those points ("1, 22, 43, 64"; a long list "1, 2, 3, …, 64"; ungrouped, the list's commas its own);
 * undefined when FROM or TO is not whole, or no grid of them is.
 */
function wholeSteps(from: number, to: number, steps: number): {steps: number; points: string} | undefined {
  const span = Math.abs(to - from);
  if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || span === 0) return undefined;
  let best: number | undefined;
  for (let gaps = 1; gaps <= Math.min(span, MAX_AXIS_STEPS - 1); gaps++) {
    if (span % gaps !== 0) continue;
    best = gaps + 1;
    if (best >= steps) break;
  }
  if (best === undefined) return undefined;
  const values = linspace(from, to, best).map((value) => String(value));
  const points = values.length <= 5 ? values.join(", ") : [...values.slice(0, 3), "…", values.at(-1)].join(", ");
  return {steps: best, points};
}

export interface SweepScenarioInput {
  bound: BoundScenario;
  axes: readonly SweepAxisSpec[];
  /** The metrics to compute, in this order (default: every metric, SCENARIO_METRICS); each name once. */
  metrics?: readonly ScenarioMetricName[];
  /** Called after each grid point with the number done and the total (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
}

/**
 * One block of consecutive grid points, column by column: each varied key (base units), then each metric, every
 * column a Float64Array of which the first `rows` cells are this block's (NaN where a metric does not occur within
 * the horizon, null in a table). The arrays are reused for the next block: copy what must outlive `onChunk`.
 */
export interface SweepChunk {
  /** Grid points in this block (≤ chunkRows). */
  rows: number;
  /** Index in the grid of the block's first point. */
  offset: number;
  /** Column name → values; names in `columns` order. */
  values: Readonly<Record<string, Float64Array>>;
}

export interface SweepColumnsInput extends SweepScenarioInput {
  /** Points per block (memory is columns × chunkRows × 8 bytes, whatever the grid's size); default sweepChunkRows. */
  chunkRows?: number;
  /** Receives each block as soon as it is full, and the last, shorter one. */
  onChunk: (chunk: SweepChunk) => void;
}

/** What sweepScenarioChunks takes besides the sweep: blocks, pauses, and the part of the grid to evaluate. */
export interface SweepChunksInput extends SweepScenarioInput {
  /** Points per block; default sweepChunkRows(the number of columns). */
  chunkRows?: number;
  /** Asked every PAUSE_CHECK_POINTS points: true to have an empty block (rows 0) yielded there. */
  shouldPause?: () => boolean;
  /** The grid's first point to evaluate (default 0): blocks then start there, their `offset` counted from the grid's start. */
  startRow?: number;
  /** One past the last point to evaluate (default, and at most, the grid's size). */
  endRow?: number;
  /**
   * Shared by calls over other rows of the same sweep (the same bound scenario object, axes and metrics): a worker's
   * blocks, parallelSweep's own. The first call fills it; the later ones skip the set-up and keep the cached stages.
   */
  plan?: SweepPlan;
}

/**
 * What a sweep works out before its first point (sweepPlan makes an empty one): the point the unvaried keys take, the
 * stages it reuses at every point and the caches of the stages that read some varied keys, which fill as points
 * compute them. A worker of parallelSweep evaluates one block per call: without a plan each block set up again and
 * refilled its caches (base's 1M-point sweep of every metric, two workers: 61 blocks).
 */
export interface SweepPlan {
  /** The sweep it was filled for: another (sameSweep) is refused. */
  of?: {bound: BoundScenario; axes: readonly SweepAxisSpec[]; metrics: readonly ScenarioMetricName[]};
  base?: ScenarioPoint;
  reuse?: {constant: ScenarioReuse; caches: StageCache[]};
}

/** Whether two sweeps are one: the same bound scenario object, the same axes' keys and values, the same metrics. */
function sameSweep(a: NonNullable<SweepPlan["of"]>, b: NonNullable<SweepPlan["of"]>): boolean {
  const sameValues = (x: readonly number[], y: readonly number[]) =>
    x.length === y.length && x.every((v, i) => v === y[i]);
  return (
    a.bound === b.bound &&
    a.metrics.join() === b.metrics.join() &&
    a.axes.length === b.axes.length &&
    a.axes.every((axis, i) => axis.path === b.axes[i]!.path && sameValues(axis.values, b.axes[i]!.values))
  );
}

/** An empty SweepPlan, for calls of sweepScenarioChunks over blocks of one sweep to share. */
export function sweepPlan(): SweepPlan {
  return {};
}

/** How often (in grid points) sweepScenarioChunks asks its `shouldPause`. */
const PAUSE_CHECK_POINTS = 256;

/** The most points in a block of a streamed sweep (a Parquet row group), and all of them for a narrow table. */
export const SWEEP_CHUNK_ROWS = 65_536;

/**
 * The cells (points × columns) a block holds by default, 655,360 (5 MB of doubles): a wide table's blocks have fewer
 * points, so that memory does not grow with the columns. Every metric (40 columns) at 65,536 points a block peaked at
 * 222 MB on one thread and 348 MB with two workers over 1,000,000 points; at 16,384 points, 184 and 244 MB, in the
 * same time (`sweep base --vary serving.utilization=0.3:0.9:1000 --vary power.electricity=0.04:0.12:1000`, compiled
 * CLI, /usr/bin/time): the encoder's buffers and the workers' blocks in flight are a block each.
 */
export const SWEEP_BLOCK_CELLS = 655_360;

/**
 * Points per block for a table of `columns` columns: SWEEP_BLOCK_CELLS ÷ columns, from 1,024 to SWEEP_CHUNK_ROWS
 * (a cost per token sweep, 3 columns, keeps 65,536; every metric over two axes, 40 columns, 16,384).
 */
export function sweepChunkRows(columns: number): number {
  return Math.min(SWEEP_CHUNK_ROWS, Math.max(1_024, Math.floor(SWEEP_BLOCK_CELLS / columns)));
}

/** A point that records which varied keys a computation reads (keyRecorder). */
interface KeyRecorder {
  /** Whether each axis's key was read since the last start(). */
  read: boolean[];
  /** Clears `read` and returns the recording point, for one record. */
  start(): ScenarioPoint;
}

/**
 * A copy of the base point whose varied keys are getters that note each read (`read[a]` for the sweep's axis a) and
 * return `source`'s value, the other keys the base's values (which no point of the sweep changes): what a stage reads
 * of the varied keys, the only keys a cache checks. Made once per sweep, where a Proxy made per record trapped every
 * key read: base's 1M-point cost per token sweep records 1,000 chip-hour entries before its caches are full. The models
 * read a point by property access only (a getter's descriptor has no `value`: checkPointKeys's reading, not theirs).
 */
function keyRecorder(base: ScenarioPoint, paths: readonly string[], source: ScenarioPoint): KeyRecorder {
  const view: ScenarioPoint = {...base};
  const read = paths.map(() => false);
  paths.forEach((path, a) => {
    Object.defineProperty(view, path, {
      enumerable: true,
      get() {
        read[a] = true;
        return source[path];
      }
    });
  });
  return {
    read,
    start() {
      read.fill(false);
      return view;
    }
  };
}

/**
 * The most results a sweep keeps for one stage that reads some of the varied keys (StageCache), and how many points
 * each must serve on average for the stage to be kept at all. Each entry costs a second computation of the stage (the
 * one that records its keys) and its memory on every thread: kept at up to 65,536 entries of two points each, a
 * serving.batch × serving.outputTokens × utilisation sweep (256 × 256 × 2) ran 1.4–1.7 → 1.8–2.3 s at 124 → 210 MB
 * (breaker). A serving result is a few kB; 10,000 of them, tens of MB.
 */
const MAX_STAGE_CACHE_ENTRIES = 10_000;
const MIN_POINTS_PER_STAGE_CACHE_ENTRY = 8;

/**
 * A stage that reads some of the varied keys but not all: its results kept by the indices of the axes it reads, so
 * that it runs once per combination of their values (the chip-hour of a utilisation × electricity grid runs once per
 * electricity, not once per point).
 */
interface StageCache {
  stage: ReusableStage;
  /** The axes the stage reads (indices into the sweep's axes), and each one's stride in `values`. */
  axes: number[];
  strides: number[];
  /** Results by the mixed-radix index of the axes' values; a hole until a point computes it. */
  values: unknown[];
  /** The current point's index in `values`. */
  at: number;
  /** Set when the stage read a varied key outside `axes` at some point: from then on it runs at every point. */
  off: boolean;
}

/**
 * What a sweep of `metrics` need not recompute at each point, found by reading each stage of REUSABLE_STAGES once at
 * the base point on fresh stages whose point records the keys read (the stage and every stage it needs):
 *   - `constant`: the stages that read no varied key, the same at every point of the grid;
 *   - `caches`: the stages the metrics read at the base point that read some varied keys, when the combinations of
 *     those keys' values number at most MAX_STAGE_CACHE_ENTRIES and an eighth of the grid's points
 *     (MIN_POINTS_PER_STAGE_CACHE_ENTRY), to be kept as points compute them (keepComputed).
 * A stage that fails at the base point is in neither (each point then reports it).
 */
function stagesToReuse(
  bound: BoundScenario,
  base: ScenarioPoint,
  axes: readonly SweepAxisSpec[],
  readers: readonly ((stages: ScenarioStages) => number | null)[],
  total: number
): {constant: ScenarioReuse; caches: StageCache[]} {
  const constant: Record<string, unknown> = {};
  const caches: StageCache[] = [];
  let used: ScenarioStages | undefined;
  try {
    used = new ScenarioStages(bound, base);
    for (const reader of readers) reader(used);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    // The metrics fail at the base point: no stage is cached, each point says what fails (the constant ones stay).
    used = undefined;
  }
  const recorder = keyRecorder(
    base,
    axes.map((axis) => axis.path),
    base
  );
  for (const stage of REUSABLE_STAGES) {
    try {
      const value: unknown = new ScenarioStages(bound, recorder.start())[stage];
      if (value === undefined) continue;
      const readAxes = axes.flatMap((_, a) => (recorder.read[a] ? [a] : []));
      if (readAxes.length === 0) {
        constant[stage] = value;
        continue;
      }
      const entries = readAxes.reduce((product, a) => product * axes[a]!.values.length, 1);
      const few = entries > MAX_STAGE_CACHE_ENTRIES || entries * MIN_POINTS_PER_STAGE_CACHE_ENTRY > total;
      if (used?.computed(stage) === undefined || few) continue;
      let stride = entries;
      const strides = readAxes.map((a) => (stride /= axes[a]!.values.length));
      caches.push({stage, axes: readAxes, strides, values: new Array(entries), at: 0, off: false});
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
    }
  }
  return {constant: constant as ScenarioReuse, caches};
}

/**
 * Fills the caches' entries for this point that its evaluation needed and found empty (a miss). Each such stage is
 * computed again on fresh stages whose point records the keys read, and kept only when it read no varied key outside
 * its cache's axes: the keys a stage reads can depend on the values it reads, so the base point's record is checked
 * again at every entry filled (a hit is then a point whose values of every key the stage read are those of the point
 * that filled it: the same computation). A stage that read another varied key is computed at every point from then
 * on. The stages computed on the way (the chip-hour's input, for the chip-hour) are kept from the same record, which
 * covers their reads: later stages first, as a stage of REUSABLE_STAGES may read those listed before it.
 */
function keepComputed(
  caches: readonly StageCache[],
  stages: ScenarioStages,
  context: {bound: BoundScenario; recorder: KeyRecorder; constant: ScenarioReuse}
): void {
  const {bound, recorder, constant} = context;
  for (let c = caches.length - 1; c >= 0; c--) {
    const cache = caches[c]!;
    if (cache.off || cache.values[cache.at] !== undefined || stages.computed(cache.stage) === undefined) continue;
    let fresh: ScenarioStages | undefined;
    let read: boolean[] | undefined;
    try {
      void (fresh = new ScenarioStages(bound, recorder.start(), constant))[cache.stage];
      read = recorder.read;
    } catch {
      // It computed at this point in the evaluation; a record that fails is not a record to trust.
    }
    if (read === undefined || !readsOnly(read, cache)) {
      cache.off = true;
      cache.values = [];
      continue;
    }
    for (const other of caches) {
      if (other.off || other.values[other.at] !== undefined || !readsOnly(read, other)) continue;
      const value = fresh!.computed(other.stage);
      if (value !== undefined) other.values[other.at] = value;
    }
  }
}

/** Whether a record (KeyRecorder's `read`) read no varied key outside the cache's axes. */
function readsOnly(read: readonly boolean[], cache: StageCache): boolean {
  for (let a = 0; a < read.length; a++) if (read[a] && !cache.axes.includes(a)) return false;
  return true;
}

/**
 * The resolved scenario with each varied key marked as set by `--vary` (an override, as `--set` is), so that what a
 * varied key decides is decided as for a key the user just set: where the custom chip's price comes from (varying
 * silicon.unitCost or a die key, customUnitCostMode) and how its throughput is found (customChipMode: varying
 * silicon.relativeThroughput beside silicon.chip is the same error as setting it; varying silicon.hbmBandwidth beside
 * a `--set silicon.bf16Flops` gives the chip both specs it needs), and a model error is blamed on the varied key
 * (blamedKey) and names --vary. Bind this, not the scenario without its axes, for a sweep (bindScenario checks the
 * custom chip's description: `--set silicon.bf16Flops=…` with `--vary silicon.hbmBandwidth=…` was refused as a chip
 * missing silicon.hbmBandwidth; breaker). A key both varied and set by --set is an error: one of the two would be
 * ignored. A key already marked for the same axis stays as it is (the sweep marks the keys of the bound it is given).
 *
 * Throws: a UserError naming --vary (UserErrors for several).
 */
export function markVariedKeys(input: ResolvedScenario, axes: readonly SweepAxisSpec[]): ResolvedScenario {
  const values = {...input.values};
  const errors: UserError[] = [];
  for (const {path, values: grid, written: text} of axes) {
    const current = values[path]!;
    const written = text ?? `${path}=${grid[0]}:${grid[grid.length - 1]}:${grid.length}`;
    if (current.origin.kind === "override" && current.origin.flag === "--vary" && current.origin.written === written) {
      continue;
    }
    // `--set path=null` sets it too (to its default).
    const set = writtenAt(current.origin);
    if (set?.kind === "override") {
      errors.push(
        new UserError({
          flag: "--vary",
          path,
          message: "key both varied and set",
          expected: "each key either varied (--vary) or set (--set), not both",
          found: `--vary ${written} and ${set.flag} ${set.written}`
        })
      );
    }
    // A key left unset (null: silicon.bf16Flops, serving.prefillTensorParallel) takes its grid's first value, so that
    // what reads whether it is set sees it set, as for `--set`: it read as unset, and a sweep of silicon.bf16Flops on
    // base wrote the same row at every point, with no word of the silicon.hbmBandwidth a chip by its specs needs
    // (breaker). A set value stays: a distribution kept here keeps the other keys' draws as `run` makes them.
    values[path] = {
      ...current,
      value: current.value ?? grid[0]!,
      written,
      origin: {kind: "override", flag: "--vary", written}
    };
  }
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new UserErrors(errors);
  return {...input, values};
}

/**
 * The bound scenario with its varied keys marked (markVariedKeys), and the checks of how its keys go together made
 * again with them: counts in order at each axis's worst end, the custom chip's description and price.
 *
 * Throws: a UserError naming --vary, or the key (UserErrors for several).
 */
function withVariedKeys(input: BoundScenario, axes: readonly SweepAxisSpec[]): BoundScenario {
  const errors: UserError[] = [];
  const resolved = markVariedKeys(input.resolved, axes);
  const values = resolved.values;
  // Counts that must stay in order (countOrder.ts), at each varied key's worst end of its grid: the lower key at its
  // largest, the upper at its smallest (a sweep of flywheel.usersCap from 1 wrote rows of "1" it had modelled as 300M,
  // where `run --set flywheel.usersCap=1` is an error; breaker).
  for (const pair of ORDERED_COUNTS) {
    const [lower, upper] = pair;
    const lowAxis = axes.find((axis) => axis.path === lower);
    const highAxis = axes.find((axis) => axis.path === upper);
    if (!lowAxis && !highAxis) continue;
    const worst = {...values};
    if (lowAxis) worst[lower] = {...values[lower]!, value: Math.max(...lowAxis.values)};
    if (highAxis) worst[upper] = {...values[upper]!, value: Math.min(...highAxis.values)};
    const error = countPairError({...resolved, values: worst}, pair);
    if (error) errors.push(error);
  }
  const chip = customChipMode(resolved);
  const price = customUnitCostMode(resolved);
  errors.push(...chip.errors, ...price.errors, ...sharedPrefillErrors(resolved));
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new UserErrors(errors);
  return {
    ...input,
    resolved,
    // silicon.chip is not a number, so never varied: varying a key can only move the mode away from "catalog".
    customChipMode: chip.mode,
    customChip: chip.mode === "catalog" ? input.customChip : null,
    unitCostGivesPrice: price.unitCostGivesPrice
  };
}

/** Checks the axes and the metric names; returns the grid's size. */
function checkSweep(axes: readonly SweepAxisSpec[], metrics: readonly string[]): number {
  if (axes.length === 0) {
    throw new UserError({
      flag: "--vary",
      message: "nothing to sweep",
      expected: "at least one --vary path=FROM:TO:STEPS",
      found: "none"
    });
  }
  const paths = axes.map((axis) => axis.path);
  const duplicate = paths.find((path, i) => paths.indexOf(path) !== i);
  if (duplicate) {
    throw new UserError({
      flag: "--vary",
      path: duplicate,
      message: "key varied twice",
      expected: "each key once",
      found: duplicate
    });
  }
  const empty = metrics.indexOf("");
  if (empty >= 0) {
    // `--metrics a,,b` read as an unknown metric, found "" (trial): the empty name, where it is and what it is.
    const where =
      empty === 0 ? "before the first comma" : empty === metrics.length - 1 ? "after the last comma" : "between commas";
    throw new UserError({
      flag: "--metrics",
      message:
        metrics.length === 1
          ? "no metric name"
          : `empty metric name at position ${empty + 1} of ${metrics.length}, ${where}`,
      expected: "metric names separated by single commas, like costPerMillionTokensUsd,chipHourCostUsd",
      // `--metrics " "` is one blank name, shown as "" (breaker): say what that is.
      found: metrics.length === 1 ? "an empty list" : metrics.join(",")
    });
  }
  const unknown = metrics.find((name) => !(SCENARIO_METRICS as readonly string[]).includes(name));
  const repeated = metrics.find((name, i) => metrics.indexOf(name) !== i);
  if (unknown !== undefined || repeated !== undefined || metrics.length === 0) {
    // `a;b` or `a b` is one unknown name to a comma split: say how names are separated (breaker).
    const separator = unknown !== undefined && /[;|\s]/.test(unknown) ? "separate metric names with commas" : undefined;
    const hint = unknown !== undefined ? (didYouMean(unknown, SCENARIO_METRICS) ?? separator) : undefined;
    throw new UserError({
      flag: "--metrics",
      message: unknown !== undefined ? "unknown metric" : repeated !== undefined ? "metric named twice" : "no metric",
      // The whole list is longer than an error line keeps (it was cut mid-name: breaker); `sweep --help` gives it.
      expected: "metric names, each once, as `token-ledger sweep --help` lists them",
      found: unknown ?? repeated ?? "none",
      ...(hint ? {hint} : {})
    });
  }
  const total = axes.reduce((product, axis) => product * axis.values.length, 1);
  if (total > MAX_SWEEP_POINTS) {
    throw new UserError({
      flag: "--vary",
      message: "grid too large",
      expected: `at most ${groupThousands(MAX_SWEEP_POINTS)} points`,
      found: groupThousands(total)
    });
  }
  return total;
}

/**
 * Evaluates the scenario at every point of the grid (every combination of the axes' values, the last axis fastest),
 * each other key at the median of its distribution, and hands the results over in blocks of columns (SweepChunk), so
 * memory stays flat however many points the grid has. Work that does not depend on the varied keys is not redone:
 *   - only the models the chosen `metrics` read run (METRIC_READERS over the lazy ScenarioStages), so a sweep of the
 *     cost per token never runs the strategy simulations;
 *   - a stage of REUSABLE_STAGES (the serving model, the chip's price, the blended throughput, the training run, the
 *     chip-hour and its input) runs once when no varied key is among the keys it reads, found by recording the keys it
 *     reads at the base point, and once per combination of the values of the varied keys it reads when it reads some
 *     (the chip-hour of a utilisation × electricity grid: once per electricity value), checked at every point that
 *     computes a new combination (stagesToReuse, keepComputed). Base's 1M-point cost per token sweep into
 *     columns, warm: 0.30 → 0.13 s; in a fresh process the JIT's warm-up hides most of it, 0.22–0.23 → 0.21–0.23 s
 *     (bench/sweep.bench.ts).
 * Returns the column names: the varied keys, then the metrics.
 *
 * Throws: a UserError naming --vary or --metrics for a bad grid; UserErrors listing up to MAX_SWEEP_ERRORS points that
 * cannot be evaluated (each message names the point), and a line saying the sweep stopped there when points were left,
 * after which no more blocks are delivered.
 */
export function sweepScenarioColumns(input: SweepColumnsInput): string[] {
  const {columns, chunks} = sweepScenarioChunks(input);
  for (const chunk of chunks) input.onChunk(chunk);
  return columns;
}

/**
 * sweepScenarioColumns as a generator, so that a caller can yield to the event loop between blocks (a command line
 * that must notice Ctrl-C): the grid and metrics are checked at once, then each iteration evaluates one block.
 * With `shouldPause`, asked every PAUSE_CHECK_POINTS points, it also yields an empty block (rows 0) whenever that
 * returns true, so that a caller can notice a signal within a long block too (a one-block sweep of 60,000 points
 * took 8 s after a Ctrl-C, then wrote its file; breaker).
 */
export function sweepScenarioChunks(input: SweepChunksInput): {
  columns: string[];
  /** Points in the whole grid. */
  total: number;
  /** Points per block: the input's chunkRows (default sweepChunkRows), at most the grid's size. */
  chunkRows: number;
  chunks: Generator<SweepChunk, void>;
} {
  const {axes, onProgress, shouldPause} = input;
  const metrics = input.metrics ?? SCENARIO_METRICS;
  const total = checkSweep(axes, metrics);
  const bound = withVariedKeys(input.bound, axes);
  const paths = axes.map((axis) => axis.path);
  const columns = [...paths, ...metrics];
  const chunkRows = Math.max(1, Math.min(input.chunkRows ?? sweepChunkRows(columns.length), total));
  const startRow = input.startRow ?? 0;
  const endRow = Math.min(input.endRow ?? total, total);
  function* chunks(): Generator<SweepChunk, void> {
    const values: Record<string, Float64Array> = {};
    for (const name of columns) values[name] = new Float64Array(chunkRows);
    const axisColumns = paths.map((path) => values[path]!);
    const metricColumns = metrics.map((name) => values[name]!);
    const readers = metrics.map((name) => METRIC_READERS[name]);
    const plan = input.plan ?? sweepPlan();
    if (plan.of && !sameSweep(plan.of, {bound: input.bound, axes, metrics})) {
      throw new Error("sweepScenarioChunks: a SweepPlan is for one sweep (bound scenario, axes and metrics)");
    }
    plan.of = {bound: input.bound, axes, metrics};
    // Keys not varied at the median of their draws in `run`'s default Monte Carlo, the point `run` and the pages chart.
    // The varied keys are not drawn (each point sets them; the base point's are the scenario's medians): a draw of
    // 1,000 values and their median for each, a fresh process's first code to run (base's serving.utilization).
    const base = (plan.base ??= scenarioDrawMedianPoint(bound.resolved, {
      samples: DEFAULT_SCENARIO_SAMPLES,
      seed: DEFAULT_SCENARIO_SEED,
      undrawn: paths
    }));
    const {constant, caches} = (plan.reuse ??= stagesToReuse(bound, base, axes, readers, total));
    // The grid point startRow's index on each axis (the last axis fastest).
    let stride = total;
    const index = axes.map((axis) => {
      stride /= axis.values.length;
      return Math.floor(startRow / stride) % axis.values.length;
    });
    const point = {...base};
    const run: PointRun = {
      bound,
      point,
      axes,
      paths,
      axisColumns,
      metricColumns,
      readers,
      caches,
      // The stages given to each point: the constant ones, and the cached ones at the point's entry (or none).
      reuse: {...constant},
      context: {bound, recorder: keyRecorder(base, paths, point), constant},
      checkSpecs: bound.customChipMode === "specs" && paths.some((path) => SPEC_PAIR_KEYS.includes(path)),
      errors: [],
      chunkRows,
      endRow,
      total,
      onProgress,
      shouldPause,
      index,
      moved: 0,
      rows: 0,
      done: startRow
    };
    let offset = startRow;
    for (;;) {
      const end = evaluatePoints(run);
      if (end === FULL) {
        yield {rows: run.rows, offset, values};
        offset += run.rows;
        run.rows = 0;
      } else if (end === PAUSE) {
        yield {rows: 0, offset, values};
      } else break;
    }
    const {errors, done, rows} = run;
    if (errors.length >= MAX_SWEEP_ERRORS && done + 1 < endRow) {
      // Said, not left to be guessed: the list is not every failing point (breaker: five lines and no total).
      errors.push(
        new UserError({
          flag: "--vary",
          message: `stopped at the ${MAX_SWEEP_ERRORS}th point that fails, point ${groupThousands(done + 1)} of ${groupThousands(total)}: the later points were not evaluated`,
          expected: "a grid whose every point evaluates",
          found: `${MAX_SWEEP_ERRORS} failing points among the first ${groupThousands(done + 1)}`,
          hint: "move the --vary ranges off the points above"
        })
      );
    }
    if (errors.length) throw new UserErrors(errors);
    if (rows > 0) yield {rows, offset, values};
  }
  return {columns, total, chunkRows, chunks: chunks()};
}

/** What evaluatePoints stopped at: the grid's (or the part's) end, a full block, a pause, or the most errors. */
const END = 0;
const FULL = 1;
const PAUSE = 2;
const STOPPED = 3;

/**
 * A sweep's evaluation between blocks: what every point uses (set once), and where the sweep is (the point's index
 * on each axis, the first axis moved since the last point, the rows of the block so far, the points done). The
 * generator of sweepScenarioChunks yields between calls of evaluatePoints on it.
 */
interface PointRun {
  bound: BoundScenario;
  /** The point evaluated: the base point with the varied keys at the current grid point. */
  point: ScenarioPoint;
  axes: readonly SweepAxisSpec[];
  paths: readonly string[];
  axisColumns: Float64Array[];
  metricColumns: Float64Array[];
  readers: readonly ((stages: ScenarioStages) => number | null)[];
  caches: StageCache[];
  /** The stages given to each point: the constant ones, and the cached ones at the point's entry (or none). */
  reuse: ScenarioReuse;
  /** What keepComputed records a stage's reads of the varied keys with (the view reads `point`). */
  context: {bound: BoundScenario; recorder: KeyRecorder; constant: ScenarioReuse};
  /** Whether each point checks FP8 against BF16 (the check bindScenario leaves to the points for a varied key). */
  checkSpecs: boolean;
  errors: UserError[];
  chunkRows: number;
  endRow: number;
  total: number;
  onProgress: ((done: number, total: number) => void) | undefined;
  shouldPause: (() => boolean) | undefined;
  index: number[];
  /**
   * The first axis whose value moved since the last point (all of them at the first): only the axes from it on are
   * written into the point, so a two-axis grid stores one key per point, not two.
   */
  moved: number;
  rows: number;
  done: number;
}

/**
 * Evaluates the grid's points from run.done on into the block's columns, and returns when the block is full (FULL,
 * the next point's index set), when `shouldPause` is due and says so (PAUSE), at the point that makes MAX_SWEEP_ERRORS
 * errors (STOPPED, run.done left at it), or at run.endRow (END). A function of its own, not the generator's body: V8
 * optimises a plain function's loop once, where the generator's was deoptimised and optimised again at its yields.
 * Base's 1M-point cost per token sweep into columns (bench/sweep.bench.ts's "columns" case), CPU seconds, median
 * of 7 processes on a loaded 2-core machine: 0.31 → 0.21 s for the first sweep of a process, 0.145 → 0.088 s for a
 * later one; the last axis's own store and giveStage are 0.114 → 0.088 and 0.101 → 0.090 s of that. One exit, after
 * the loop, that stores the position by name: each return of Object.assign(run, …) was code the loop's first
 * optimisation (OSR, within the first block) had never run, so the first full block threw that code away and the loop
 * ran unoptimised until recompiled; the one exit's stores cost a light deoptimisation per block instead. 0.171 →
 * 0.158 s, the first sweep of a process (CPU, median of 11, alternated, load 5-9).
 */
function evaluatePoints(run: PointRun): number {
  const {axes, paths, axisColumns, metricColumns, readers, caches, reuse, point, bound, errors, index} = run;
  const {checkSpecs, chunkRows, endRow, total, onProgress, shouldPause, context} = run;
  const last = axes.length - 1;
  const lastPath = paths[last]!;
  const lastValues = axes[last]!.values;
  const lastColumn = axisColumns[last]!;
  let {moved, rows, done} = run;
  let end = END;
  for (; done < endRow;) {
    for (let a = 0; a < last; a++) {
      const value = axes[a]!.values[index[a]!]!;
      if (a >= moved) point[paths[a]!] = value;
      axisColumns[a]![rows] = value;
    }
    // The last axis, which moves at every point, stored by a statement of its own: one key at this store, which V8
    // makes a store of a known property, where the loop's store takes each axis's key in turn.
    const value = lastValues[index[last]!]!;
    point[lastPath] = value;
    lastColumn[rows] = value;
    // Each cached stage's entry for this point, given to the point (a hole: computed there, then kept).
    let miss = false;
    for (let c = 0; c < caches.length; c++) {
      const cache = caches[c]!;
      // An entry turned off at a miss, when the point was given none: reuse holds undefined for it since.
      if (cache.off) continue;
      let at = 0;
      for (let i = 0; i < cache.axes.length; i++) at += index[cache.axes[i]!]! * cache.strides[i]!;
      cache.at = at;
      const entry = cache.values[at];
      if (entry === undefined) miss = true;
      giveStage(reuse, cache.stage, entry);
    }
    try {
      // The checks bindScenario leaves to the points for a varied key (FP8 against BF16 when either is varied).
      if (checkSpecs) {
        const error = specPointError(bound, point);
        if (error) throw error;
      }
      const stages = new ScenarioStages(bound, point, reuse);
      for (let m = 0; m < readers.length; m++) metricColumns[m]![rows] = readers[m]!(stages) ?? NaN;
      rows++;
      if (miss) keepComputed(caches, stages, context);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      errors.push(pointError(error, axes, paths, point));
      if (errors.length >= MAX_SWEEP_ERRORS) {
        end = STOPPED;
        break;
      }
    }
    onProgress?.(done + 1, total);
    done++;
    for (let a = last; a >= 0; a--) {
      moved = a;
      index[a]! += 1;
      if (index[a]! < axes[a]!.values.length) break;
      index[a] = 0;
    }
    if (errors.length === 0 && rows === chunkRows) {
      end = FULL;
      break;
    }
    if (shouldPause && done % PAUSE_CHECK_POINTS === 0 && shouldPause()) {
      end = PAUSE;
      break;
    }
  }
  run.moved = moved;
  run.rows = rows;
  run.done = done;
  return end;
}

/** Gives a point a cached stage's entry, stored by the stage's own name (a computed name's store took each in turn). */
function giveStage(reuse: ScenarioReuse, stage: ReusableStage, value: unknown): void {
  switch (stage) {
    case "serving":
      reuse.serving = value as ScenarioReuse["serving"];
      break;
    case "chipPriceUsd":
      reuse.chipPriceUsd = value as ScenarioReuse["chipPriceUsd"];
      break;
    case "blendedTokensPerSecondPerChip":
      reuse.blendedTokensPerSecondPerChip = value as ScenarioReuse["blendedTokensPerSecondPerChip"];
      break;
    case "training":
      reuse.training = value as ScenarioReuse["training"];
      break;
    case "merchantHour":
      reuse.merchantHour = value as ScenarioReuse["merchantHour"];
      break;
    case "chipHour":
      reuse.chipHour = value as ScenarioReuse["chipHour"];
      break;
  }
}

/**
 * A point's error as the sweep reports it: at the point as a person writes it, and a problem with a varied key as the
 * --vary flag's.
 */
function pointError(
  error: UserError,
  axes: readonly SweepAxisSpec[],
  paths: readonly string[],
  point: ScenarioPoint
): UserError {
  // The point as a person writes it ("serving.utilization=0.300601", not 0.3006006006; breaker).
  const at = axes.map((axis) => `${axis.path}=${displayValue(axis.path, point[axis.path] ?? null)}`).join(", ");
  const {path, message, expected, found, hint} = error.detail;
  // A problem with a varied key is the --vary flag's, not the line of the file that set the key's base value.
  // Its hint is kept (the FP8 datasheets, a precision's key: it was dropped, where `run --set` gives it).
  return path !== undefined && paths.includes(path)
    ? new UserError({flag: "--vary", path, message: `${message} (at ${at})`, expected, found, ...(hint ? {hint} : {})})
    : new UserError({...error.detail, message: `${message} (at ${at})`});
}

/**
 * The columns of a sweep's table (the varied keys, then metric names) that hold a number in every row: all but the
 * metrics that may be null (NULLABLE_METRICS). A Parquet sweep writes these REQUIRED, the rest OPTIONAL.
 */
export function sweepRequiredColumns(columns: readonly string[]): string[] {
  return columns.filter((name) => !(NULLABLE_METRICS as readonly string[]).includes(name));
}

/**
 * The sweep as rows (sweepScenarioColumns collected): one object per point, the varied keys (base units), then every
 * chosen metric (null where it does not occur within the horizon). For small grids and tests; a large grid belongs
 * in a file, streamed (src/cli/commands/sweep.ts).
 */
export function sweepScenario(input: SweepScenarioInput): Record<string, number | null>[] {
  const rows: Record<string, number | null>[] = [];
  sweepScenarioColumns({
    ...input,
    onChunk: ({rows: count, values}) => {
      const names = Object.keys(values);
      for (let i = 0; i < count; i++) {
        const row: Record<string, number | null> = {};
        for (const name of names) {
          const value = values[name]![i]!;
          row[name] = Number.isNaN(value) ? null : value;
        }
        rows.push(row);
      }
    }
  });
  return rows;
}

/**
 * The errors of axes read with points between whole numbers (readSweepAxis's `between`), the grid's corners checked
 * first: every axis at its FROM and its TO (whole numbers the grid would evaluate), each other key as the sweep has
 * it. `serving.batch=1:1000:3` was told "did you mean serving.batch=1:1000:4 (1, 334, 667, 1000)?", a grid whose
 * batches of 667 and 1,000 do not fit in memory (breaker). A corner that fails is said first, as the grid says a
 * failing point, then the whole-number errors without a step count (each grid one could offer keeps that end); when
 * every corner evaluates, the whole-number errors with theirs. [] when no axis has points between whole numbers.
 */
export function sweepAxisErrors(input: {
  bound: BoundScenario;
  readings: readonly SweepAxisReading[];
  metrics?: readonly ScenarioMetricName[];
}): UserError[] {
  const between = input.readings.flatMap(({between}) => (between ? [between] : []));
  if (between.length === 0) return [];
  const corners = input.readings.map(({axis}) => ({
    ...axis,
    values: axis.values.length > 1 ? [axis.values[0]!, axis.values.at(-1)!] : axis.values
  }));
  let failing: UserError[] = [];
  try {
    sweepScenario({bound: input.bound, axes: corners, metrics: input.metrics});
  } catch (error) {
    failing = userErrorList(error);
  }
  if (failing.length === 0) return between.map(({error}) => error);
  return [...failing, ...between.map(({unsuggested}) => unsuggested)];
}
