import {UserError} from "../errors/userError.js";
import type {Distribution} from "./distribution.js";
import {validateDistribution} from "./interval.js";
import {imanConover, type RankCorrelation} from "./rankCorrelation.js";
import {createRng, validateSeed} from "./rng.js";
import {sampleInto} from "./sample.js";
import {summarize, type SummaryStats} from "./summary.js";
import {formatRange} from "../units/range.js";

/**
 * Largest sample count a run accepts: 2,000,000. Memory is 8 bytes × samples per input and per output, plus one copy
 * per output while summarising when the raw arrays are kept: at the cap a model with 10 inputs and 2 outputs holds
 * about 200 MB of Float64Arrays, about what a browser tab can spare, and a 6-input model runs in about a quarter of a
 * second (bench/monte-carlo.bench.ts measures ~125 ns per sample). Percentile error shrinks only as 1/√samples, so
 * beyond this the extra digits are far below the uncertainty of the assumptions themselves.
 */
export const MAX_MONTE_CARLO_SAMPLES = 2_000_000;

/** What every Monte Carlo run is given, whichever way the model is called. */
export interface MonteCarloCommon<I extends string, O extends string> {
  /** Number of samples; a positive integer <= MAX_MONTE_CARLO_SAMPLES. */
  samples: number;
  /** Seed of the run; a safe integer. The same seed gives the same result bit for bit. */
  seed: number;
  /**
   * One distribution per model input, in the input's base unit. Each input is sampled from its own RNG stream, named
   * after the input, so adding or removing an input leaves the samples of the others unchanged.
   */
  inputs: Readonly<Record<I, Distribution>>;
  /** Names of the output metrics the model writes; at least one, no duplicates. */
  outputs: readonly O[];
  /** Optional target rank correlations between pairs of inputs, induced by Iman–Conover after sampling. */
  correlations?: readonly RankCorrelation<NoInfer<I>>[];
  /** Return the raw sample arrays as well as the summaries (default false). */
  keepSamples?: boolean;
}

/**
 * The model as a function of one sample, called once per sample. `input` holds that sample's value of every input;
 * `output` is where it writes every metric named in `outputs`. Both objects are created once per run and reused for
 * every sample (no allocation per sample), so the model must not keep references to them. An output left unwritten
 * for a sample is NaN. Convenient, and the same shape as the function `tornado` takes; the records are filled by a
 * loop compiled for the run's names, so this costs about what `evaluateAt` does (bench/monte-carlo.bench.ts).
 */
export type RecordModel<I extends string, O extends string> = (
  input: Readonly<Record<I, number>>,
  output: Record<O, number>
) => void;

/**
 * The model reading the sample arrays by index: called once per sample i with one Float64Array per input and per
 * output (the same objects every call); it reads `inputs.name[i]` and writes `outputs.metric[i]`. No per-sample copy
 * at all: within a few per cent of a hand-written loop. Output cells left unwritten are NaN.
 */
export type IndexedModel<I extends string, O extends string> = (
  inputs: Readonly<Record<I, Float64Array>>,
  i: number,
  outputs: Readonly<Record<O, Float64Array>>
) => void;

/**
 * The model over the whole batch at once: called once with one Float64Array per input and per output (each `samples`
 * long); it writes every output cell itself, in whatever order suits it. A model that steps through time can then
 * loop over months outside and samples inside, keeping per-sample state in typed arrays, so that each month's values
 * are contiguous (e.g. to feed `fanOfColumns` without ever holding samples × months). Output cells left unwritten are
 * NaN.
 */
export type BatchModel<I extends string, O extends string> = (
  inputs: Readonly<Record<I, Float64Array>>,
  outputs: Readonly<Record<O, Float64Array>>,
  samples: number
) => void;

/**
 * A Monte Carlo run: the common settings plus exactly one of `evaluate` (per-sample record), `evaluateAt` (index) and
 * `evaluateBatch` (all samples at once).
 */
export type MonteCarloInput<I extends string, O extends string> = MonteCarloCommon<I, O> &
  (
    | {
        /** The model, per sample, on reused records (see RecordModel). */
        evaluate: RecordModel<I, O>;
        evaluateAt?: never;
        evaluateBatch?: never;
      }
    | {
        /** The model, per sample index, on the sample arrays (see IndexedModel). */
        evaluateAt: IndexedModel<I, O>;
        evaluate?: never;
        evaluateBatch?: never;
      }
    | {
        /** The model over all samples in one call (see BatchModel). */
        evaluateBatch: BatchModel<I, O>;
        evaluate?: never;
        evaluateAt?: never;
      }
  );

export interface MonteCarloResult<I extends string, O extends string> {
  /** Number of samples drawn. */
  samples: number;
  /** Seed used. */
  seed: number;
  /** Summary statistics of each output over all samples. */
  outputs: Record<O, SummaryStats>;
  /** Sampled inputs, one array per input, index = sample (only with keepSamples). */
  inputSamples?: Record<I, Float64Array>;
  /** Output values, one array per output, index = sample (only with keepSamples). */
  outputSamples?: Record<O, Float64Array>;
}

/** RNG stream name for the Iman–Conover score permutations (cannot clash with an input: it holds a NUL). */
const CORRELATION_STREAM = "\u0000iman-conover";

/**
 * Seeded Monte Carlo over typed arrays: samples every input into its own Float64Array (struct of arrays), optionally
 * induces rank correlations, evaluates the model once per sample into one Float64Array per output, and summarises each
 * output. Throws a UserError for a bad sample count, seed, distribution or correlation, or a record model (`evaluate`)
 * that wrote an output `outputs` does not list.
 */
export function monteCarlo<I extends string, O extends string>(input: MonteCarloInput<I, O>): MonteCarloResult<I, O> {
  const {samples: n, seed, inputs, outputs, correlations = [], keepSamples = false} = input;
  validateSampleCount(n);
  validateSeed(seed);
  const inputKeys = Object.keys(inputs) as I[];
  for (const key of inputKeys) validateDistribution(inputs[key], {path: `inputs.${key}`});
  // "__proto__" as a name set the record's prototype instead of a field: its values were lost (breaker).
  const reserved = [...inputKeys, ...outputs].find((name) => name === "__proto__");
  if (reserved !== undefined) {
    throw new UserError({
      path: inputKeys.includes(reserved as I) ? "inputs" : "outputs",
      message: "reserved name",
      expected: "names other than __proto__",
      found: "__proto__"
    });
  }
  if (outputs.length === 0 || new Set(outputs).size !== outputs.length) {
    throw new UserError({
      path: "outputs",
      message: "invalid output names",
      expected: "at least one name, no duplicates",
      found: JSON.stringify(outputs)
    });
  }
  const given = (["evaluate", "evaluateAt", "evaluateBatch"] as const).filter(
    (key) => typeof input[key] === "function"
  );
  if (given.length !== 1) {
    throw new UserError({
      path: "evaluate",
      message: "give the model once",
      expected: "exactly one of evaluate, evaluateAt and evaluateBatch",
      found: given.length ? given.join(" and ") : "none"
    });
  }

  const inputColumns = inputKeys.map((key) => sampleInto(inputs[key], new Float64Array(n), createRng(seed, key)));
  if (correlations.length > 0) correlate(inputKeys, inputColumns, correlations, createRng(seed, CORRELATION_STREAM));

  const outputColumns = outputs.map(() => new Float64Array(n).fill(NaN));
  if (input.evaluateAt) {
    const columns = toRecord(inputKeys, inputColumns);
    const results = toRecord(outputs, outputColumns);
    const model = input.evaluateAt;
    for (let i = 0; i < n; i++) model(columns, i, results);
  } else if (input.evaluateBatch) {
    input.evaluateBatch(toRecord(inputKeys, inputColumns), toRecord(outputs, outputColumns), n);
  } else if (input.evaluate) {
    evaluateRecords(inputKeys, inputColumns, outputs, outputColumns, input.evaluate, n);
  }

  const summaries = {} as Record<O, SummaryStats>;
  outputs.forEach((key, k) => {
    summaries[key] = summarize(outputColumns[k]!, {inPlace: !keepSamples});
  });
  const result: MonteCarloResult<I, O> = {samples: n, seed, outputs: summaries};
  if (keepSamples) {
    result.inputSamples = toRecord(inputKeys, inputColumns);
    result.outputSamples = toRecord(outputs, outputColumns);
  }
  return result;
}

/** Throws a UserError on `samples` unless it is an integer in [1, MAX_MONTE_CARLO_SAMPLES]. */
export function validateSampleCount(samples: number): void {
  if (typeof samples !== "number" || !Number.isInteger(samples) || samples < 1 || samples > MAX_MONTE_CARLO_SAMPLES) {
    throw new UserError({
      path: "samples",
      message: "invalid sample count",
      // Grouped as a person writes it ("2,000,000"; it read "2000000" beside "1,000 draws"; breaker).
      expected: `an integer in ${formatRange({min: 1, max: MAX_MONTE_CARLO_SAMPLES})}`,
      // A string from a script is quoted: "100" read as found 100, which looked right (breaker).
      found: typeof samples === "string" ? JSON.stringify(samples) : String(samples)
    });
  }
}

/**
 * The record loop: one reused input record and one reused output record; typed arrays in and out. The loop is
 * compiled for the run's names (each copy is a store to a fixed property, which V8 turns into a single move; the
 * generic loop's `x[key] = …` with a varying key is a hash lookup, about 15 ns per input per sample). Names enter the
 * source only as JSON string literals. Where code cannot be compiled at run time (a Content-Security-Policy without
 * 'unsafe-eval'), the generic loop runs instead, with the same results.
 */
function evaluateRecords<I extends string, O extends string>(
  inputKeys: readonly I[],
  inputColumns: readonly Float64Array[],
  outputKeys: readonly O[],
  outputColumns: readonly Float64Array[],
  evaluate: RecordModel<I, O>,
  n: number
): void {
  const compiled = compileRecordLoop(inputKeys, outputKeys);
  if (compiled) {
    checkWrittenOutputs(compiled(inputColumns, outputColumns, evaluate as RecordModel<string, string>, n), outputKeys);
    return;
  }
  const x = {} as Record<I, number>;
  for (const key of inputKeys) x[key] = 0;
  const y = {} as Record<O, number>;
  for (const key of outputKeys) y[key] = NaN;
  const nIn = inputKeys.length;
  const nOut = outputKeys.length;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < nIn; k++) x[inputKeys[k]!] = inputColumns[k]![i]!;
    for (let k = 0; k < nOut; k++) y[outputKeys[k]!] = NaN;
    evaluate(x, y);
    for (let k = 0; k < nOut; k++) outputColumns[k]![i] = y[outputKeys[k]!];
  }
  checkWrittenOutputs(y, outputKeys);
}

/**
 * Throws a UserError naming the outputs the model wrote that `outputs` does not list: they are not kept, and the
 * declared one it meant (a misspelt name) read NaN in every sample without a word (modeller's trial).
 */
function checkWrittenOutputs(record: object, outputKeys: readonly string[]): void {
  const extra = Object.keys(record).filter((key) => !outputKeys.includes(key));
  if (extra.length === 0) return;
  const names = (keys: readonly string[]) => keys.map((key) => JSON.stringify(key)).join(", ");
  throw new UserError({
    path: "outputs",
    message: `the model wrote ${names(extra)}, not among the outputs`,
    expected: `writes to the outputs listed: ${names(outputKeys)}`,
    found: names(extra)
  });
}

/** The compiled record loop; returns its output record, to check what the model wrote into it. */
type RecordLoop = (
  inputColumns: readonly Float64Array[],
  outputColumns: readonly Float64Array[],
  evaluate: RecordModel<string, string>,
  n: number
) => object;

/** Compiled record loops by their names (a page re-runs the same model on every slider move). */
const recordLoops = new Map<string, RecordLoop | null>();

function compileRecordLoop(inputKeys: readonly string[], outputKeys: readonly string[]): RecordLoop | null {
  const id = JSON.stringify([inputKeys, outputKeys]);
  if (recordLoops.has(id)) return recordLoops.get(id)!;
  const name = (key: string) => JSON.stringify(key);
  const lines = [
    ...inputKeys.map((_, k) => `const in${k} = inputColumns[${k}];`),
    ...outputKeys.map((_, k) => `const out${k} = outputColumns[${k}];`),
    `const x = {${inputKeys.map((key) => `${name(key)}: 0`).join(", ")}};`,
    `const y = {${outputKeys.map((key) => `${name(key)}: NaN`).join(", ")}};`,
    "for (let i = 0; i < n; i++) {",
    ...inputKeys.map((key, k) => `  x[${name(key)}] = in${k}[i];`),
    ...outputKeys.map((key) => `  y[${name(key)}] = NaN;`),
    "  evaluate(x, y);",
    ...outputKeys.map((key, k) => `  out${k}[i] = y[${name(key)}];`),
    "}",
    "return y;"
  ];
  let loop: RecordLoop | null = null;
  try {
    loop = new Function("inputColumns", "outputColumns", "evaluate", "n", lines.join("\n")) as RecordLoop;
  } catch {
    loop = null;
  }
  if (recordLoops.size > 64) recordLoops.clear();
  recordLoops.set(id, loop);
  return loop;
}

function toRecord<K extends string>(keys: readonly K[], columns: readonly Float64Array[]): Record<K, Float64Array> {
  const record = {} as Record<K, Float64Array>;
  keys.forEach((key, k) => {
    record[key] = columns[k]!;
  });
  return record;
}

/** Checks the correlation pairs and applies Iman–Conover to the inputs they name. */
function correlate<I extends string>(
  inputKeys: readonly I[],
  inputColumns: readonly Float64Array[],
  correlations: readonly RankCorrelation<I>[],
  rng: () => number
): void {
  const involved: I[] = [];
  const seen = new Set<string>();
  correlations.forEach(({a, b, spearman}, index) => {
    const path = `correlations[${index}]`;
    for (const name of [a, b]) {
      if (!inputKeys.includes(name)) {
        throw new UserError({
          path,
          message: "correlation names an unknown input",
          expected: `one of ${inputKeys.join(", ")}`,
          found: String(name)
        });
      }
    }
    if (a === b)
      throw new UserError({
        path,
        message: "an input cannot be correlated with itself",
        expected: "two different inputs",
        found: `${a}, ${b}`
      });
    if (typeof spearman !== "number" || !(spearman > -1 && spearman < 1)) {
      throw new UserError({
        path,
        message: "invalid rank correlation",
        expected: "a number in (-1, 1)",
        found: String(spearman)
      });
    }
    const pair = a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
    if (seen.has(pair))
      throw new UserError({
        path,
        message: "this pair of inputs is correlated twice",
        expected: "each pair at most once",
        found: `${a}, ${b}`
      });
    seen.add(pair);
    for (const name of [a, b]) if (!involved.includes(name)) involved.push(name);
  });
  // Keep the inputs' own order so the result does not depend on the order of the pairs.
  involved.sort((p, q) => inputKeys.indexOf(p) - inputKeys.indexOf(q));
  const matrix = involved.map((p) => involved.map((q): number => (p === q ? 1 : 0)));
  for (const {a, b, spearman} of correlations) {
    const i = involved.indexOf(a);
    const j = involved.indexOf(b);
    matrix[i]![j] = spearman;
    matrix[j]![i] = spearman;
  }
  imanConover({columns: involved.map((key) => inputColumns[inputKeys.indexOf(key)]!), spearman: matrix, rng});
}
