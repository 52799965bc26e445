import type {ServingResult} from "../../inference/servingPerformance.js";
import {flywheel, flywheelSummary, type FlywheelResult, type FlywheelSummary} from "../../strategy/flywheel.js";
import {inferenceTax, type InferenceTaxResult} from "../../strategy/inferenceTax.js";
import {moat, moatSummary, type MoatResult, type MoatSummary} from "../../strategy/moat.js";
import type {ServingChipInput} from "../../strategy/servingChip.js";
import {
  siliconProgram,
  siliconProgramSummary,
  type SiliconProgramInput,
  type SiliconProgramResult,
  type SiliconProgramSummary
} from "../../strategy/siliconProgram.js";
import {
  trainingVsInference,
  trainingVsInferenceSummary,
  type TrainingVsInferenceInput,
  type TrainingVsInferenceResult,
  type TrainingVsInferenceSummary
} from "../../strategy/trainingVsInference.js";
import {blendedTokensPerSecondPerChip} from "../../tco/blendedThroughput.js";
import {_costPerMillionTokensUsd} from "../../tco/costPerToken.js";
import {servingCostAt, type ServingCostResult} from "../../tco/servingCost.js";
import {trainingRun, type TrainingRunResult} from "../../training/trainingRun.js";
import type {ScenarioPoint} from "../resolve/scenarioValues.js";
import type {BoundScenario} from "./bindScenario.js";
import {scenarioDrivers, type ScenarioDrivers} from "./demandInput.js";
import {scenarioMetrics, type MetricSources, type ScenarioMetrics} from "./metrics.js";
import {modelErrorAtKey, num, runModel} from "./modelKeys.js";
import {
  merchantChipHour,
  merchantChipPriceUsd,
  servingChips,
  sharedOwnership,
  type SharedOwnership
} from "./ownershipInput.js";
import {_chipHourCost, type ChipHourCostInput, type ChipHourCostResult} from "../../tco/chipHourCost.js";
import {scenarioServing, servingInput} from "./servingInput.js";
import {
  FLYWHEEL_KEYS,
  flywheelInput,
  inferenceTaxInput,
  MOAT_KEYS,
  moatInput,
  SILICON_KEYS,
  siliconProgramInput,
  SPEND_KEYS,
  spendInput,
  TAX_KEYS
} from "./strategyInputs.js";
import {trainingRunInput} from "./trainingInput.js";
import {fleetDay, PRICE_LIST_KEYS, priceListInput, rentedUsdPerChipHour, type FleetDay} from "./priceListInput.js";
import {priceList, type PriceListResult} from "../../tco/priceList.js";
import {chipUnitCost, type ChipUnitCostResult} from "../../silicon/chipUnitCost.js";
import {CUSTOM_CHIP_COST_KEYS, customChipCostInput} from "./customChipInput.js";
import {customChipServing, type CustomChipServingResult} from "./customChipServing.js";
import {customChipFromSpecs, CUSTOM_CHIP_SPEC_KEYS} from "./customChipSpec.js";
import {UserError} from "../../errors/userError.js";
import {blamedKey, scenarioValueError} from "../file/scenarioErrors.js";

import {checkPointKeys} from "./pointKeys.js";
import {checkObject} from "../../units/range.js";
export {bindScenario, type BoundScenario, type ScenarioCatalogs} from "./bindScenario.js";
export {SCENARIO_METRICS, type ScenarioMetricName, type ScenarioMetrics} from "./metrics.js";

/** Everything a scenario computes: the models' full results (with their series) and the headline metrics. */
export interface ScenarioEvaluation {
  serving: ServingResult;
  cost: ServingCostResult;
  /** Blended tokens per second per chip (src/tco/blendedThroughput.ts) at demand.inputShare. */
  blendedTokensPerSecondPerChip: number;
  /** Tokens demanded per day at the start (src/strategy/demand.ts). */
  demandTokensPerDay: number;
  /** Growth of demanded tokens per year (src/strategy/demand.ts). */
  demandGrowthPerYear: number;
  merchant: ServingChipInput;
  custom: ServingChipInput;
  /** The custom chip built from its die (src/silicon/chipUnitCost.ts); null when silicon.unitCost sets its price. */
  customUnitCost: ChipUnitCostResult | null;
  /**
   * The custom chip through the calibrated serving model, when silicon.chip or inline specs describe it (null with
   * silicon.relativeThroughput): its throughput relative to the merchant chip is derived, with a wider band.
   */
  customServing: CustomChipServingResult | null;
  /** The custom chip's tokens/s ÷ the merchant chip's: silicon.relativeThroughput, or derived × silicon.servingFactor. */
  customRelativeThroughput: number;
  training: TrainingRunResult;
  spend: TrainingVsInferenceResult;
  /** The input the spend-over-time model was given (for re-running it under uncertainty). */
  spendInput: TrainingVsInferenceInput;
  tax: InferenceTaxResult;
  silicon: SiliconProgramResult;
  moat: MoatResult;
  flywheel: FlywheelResult;
  /** One day of the fleet (tokens, chips, chip-hour price, cost) and the price menu applied to it. */
  fleet: FleetDay;
  priceList: PriceListResult;
  metrics: ScenarioMetrics;
}

/**
 * Results computed elsewhere that a caller knows to be those of this point (a sweep that does not vary the keys they
 * are computed from; see REUSABLE_STAGES).
 */
export interface ScenarioReuse {
  /** The serving model's result at a point whose serving keys (SERVING_KEYS, serving.stack, the catalog rows) are these. */
  serving?: ServingResult;
  /** The merchant chip's price (hardware.price or the catalog's), USD. */
  chipPriceUsd?: number;
  /** Blended tokens per second per chip at demand.inputShare. */
  blendedTokensPerSecondPerChip?: number;
  /** The training run (training.*, the training chip's ownership keys). */
  training?: TrainingRunResult;
  /** The merchant chip-hour's input (power.*, finance.*, the chip's price). */
  merchantHour?: ChipHourCostInput;
  /** The merchant chip-hour's cost, from merchantHour. */
  chipHour?: ChipHourCostResult;
}

/** The stages a ScenarioReuse can carry: each depends on the point only through the keys it reads. */
export const REUSABLE_STAGES = [
  "serving",
  "chipPriceUsd",
  "blendedTokensPerSecondPerChip",
  "training",
  "merchantHour",
  "chipHour"
] as const;

/** A stage a ScenarioReuse can carry. */
export type ReusableStage = (typeof REUSABLE_STAGES)[number];

/**
 * The scenario's pipeline at one point, computed lazily: each stage runs the first time it is read, once, and reads
 * the stages it needs. Reading every stage in the order evaluateScenarioPoint does gives its results; reading a few
 * (the sources of a few metrics, METRIC_READERS) runs only the models they need. The stages and where they live:
 *
 *   serving     servingInput.ts       serving.* + catalog rows → roofline decode and prefill (src/inference/)
 *   ownership   ownershipInput.ts     power.*, finance.*, hardware.price → chip-hour cost (src/tco/chipHourCost.ts)
 *   cost        blended tokens/s at demand.inputShare (src/tco/blendedThroughput.ts) → USD/Mtok (costPerToken.ts)
 *   chips       ownershipInput.ts     merchant chip, and the custom chip from silicon.* (its price built from the die by
 *               customChipInput.ts    src/silicon/chipUnitCost.ts when silicon.unitCost is not set)
 *   training    trainingInput.ts      6·N·D on training.hardware at full draw (src/training/trainingRun.ts)
 *   drivers     demandInput.ts        demand and its growth (src/strategy/demand.ts)
 *   strategy    strategyInputs.ts     inference tax, silicon program, spend over time, moat, flywheel
 *   price list  priceListInput.ts     one day of the fleet on the pricing.* menu (src/tco/priceList.ts)
 *
 * Each strategy model also has a summary stage (`siliconSummary`, …): its figures without the monthly series, the
 * full result when that has been computed, else the model's summary function (the same loop, no series). The
 * metrics read the summaries, so a sweep never builds a series; evaluateScenarioPoint computes the full results first.
 *
 * Throws (when a stage is read): a UserError located at the scenario key, as evaluateScenarioPoint.
 */
/** The stages whose models map their errors to scenario keys (runModel), and so can be tried at another point. */
type AcceptedStage =
  | "customUnitCost"
  | "tax"
  | "siliconInput"
  | "silicon"
  | "siliconSummary"
  | "spend"
  | "spendSummary"
  | "moat"
  | "moatSummary"
  | "priceList"
  | "flywheel"
  | "flywheelSummary";

/**
 * The results of ScenarioStages's later stages (the chips, the strategy models, the price list), apart: a point whose
 * metrics read none of them does not make room for them. Every field is set here, so that each object has one shape.
 * Base's 1M-point cost per token sweep into columns, CPU s, median of 7 processes on a loaded machine: 0.213 → 0.191
 * s for a process's first sweep, 0.084 → 0.077 s for a later one (a ScenarioStages and its garbage at each point).
 */
class LaterStages {
  chips: {merchant: ServingChipInput; custom: ServingChipInput} | undefined = undefined;
  customUnitCost: ChipUnitCostResult | null | undefined = undefined;
  customServing: CustomChipServingResult | null | undefined = undefined;
  drivers: ScenarioDrivers | undefined = undefined;
  tax: InferenceTaxResult | undefined = undefined;
  silicon: SiliconProgramResult | undefined = undefined;
  spendInput: TrainingVsInferenceInput | undefined = undefined;
  spend: TrainingVsInferenceResult | undefined = undefined;
  moat: MoatResult | undefined = undefined;
  flywheel: FlywheelResult | undefined = undefined;
  siliconSummary: SiliconProgramSummary | undefined = undefined;
  spendSummary: TrainingVsInferenceSummary | undefined = undefined;
  moatSummary: MoatSummary | undefined = undefined;
  flywheelSummary: FlywheelSummary | undefined = undefined;
  fleet: FleetDay | undefined = undefined;
  priceList: PriceListResult | undefined = undefined;
}

export class ScenarioStages implements MetricSources {
  readonly #bound: BoundScenario;
  readonly #point: ScenarioPoint;
  #serving?: ServingResult;
  #chipPriceUsd?: number;
  #shared?: SharedOwnership;
  #merchantHour?: ChipHourCostInput;
  #chipHour?: ChipHourCostResult;
  #cost?: ServingCostResult;
  #blended?: number;
  #costUsdPerMTok?: number;
  #training?: TrainingRunResult;
  /** Stages built by #accepts to try another point: their errors do not search for workable values in turn. */
  readonly #trial: boolean;
  /** The later stages' results, made at the first read of one (a sweep of the cost per token never reads them). */
  #laterStages?: LaterStages;
  get #later(): LaterStages {
    return (this.#laterStages ??= new LaterStages());
  }

  constructor(bound: BoundScenario, point: ScenarioPoint, reuse: ScenarioReuse = {}, trial = false) {
    this.#bound = bound;
    this.#point = point;
    this.#trial = trial;
    this.#serving = reuse.serving;
    this.#chipPriceUsd = reuse.chipPriceUsd;
    this.#blended = reuse.blendedTokensPerSecondPerChip;
    this.#training = reuse.training;
    this.#merchantHour = reuse.merchantHour;
    this.#chipHour = reuse.chipHour;
  }

  /**
   * A reusable stage's result if it has been computed (or was given), without computing it: undefined otherwise. What
   * a sweep keeps of a point's evaluation for the next points that share the keys the stage reads.
   */
  computed<S extends ReusableStage>(stage: S): ScenarioReuse[S] {
    switch (stage as ReusableStage) {
      case "serving":
        return this.#serving as ScenarioReuse[S];
      case "chipPriceUsd":
        return this.#chipPriceUsd as ScenarioReuse[S];
      case "blendedTokensPerSecondPerChip":
        return this.#blended as ScenarioReuse[S];
      case "training":
        return this.#training as ScenarioReuse[S];
      case "merchantHour":
        return this.#merchantHour as ScenarioReuse[S];
      case "chipHour":
        return this.#chipHour as ScenarioReuse[S];
    }
  }

  /**
   * Whether `stage` (and every stage it reads) runs without a UserError at another point, on fresh stages: what an
   * error about a model input computed from several keys needs to say what the blamed key should be (runModel).
   */
  #accepts(stage: AcceptedStage): ((point: ScenarioPoint) => boolean) | undefined {
    if (this.#trial) return undefined;
    const bound = this.#bound;
    return (point) => {
      try {
        void new ScenarioStages(bound, point, {}, true)[stage];
        return true;
      } catch {
        // Any error, not only a UserError: a trial point at the end of a key's range may reach a low-level function's
        // own guard (dieYield's RangeError on a die area that rounds to 0 cm²), and a trial must never replace the
        // error being reported.
        return false;
      }
    };
  }
  get serving(): ServingResult {
    return (this.#serving ??= scenarioServing(this.#bound, servingInput(this.#bound, this.#point)));
  }
  get chipPriceUsd(): number {
    return (this.#chipPriceUsd ??= merchantChipPriceUsd(this.#bound, this.#point));
  }
  get shared(): SharedOwnership {
    return (this.#shared ??= sharedOwnership(this.#point));
  }
  get merchantHour(): ChipHourCostInput {
    return (this.#merchantHour ??= merchantChipHour(this.#bound, this.#point, this.shared, this.chipPriceUsd));
  }
  get utilizationFraction(): number {
    return num(this.#point["serving.utilization"], "serving.utilization");
  }
  get marketPriceUsdPerMTok(): number {
    return num(this.#point["market.price"], "market.price");
  }
  /**
   * The merchant chip-hour alone (servingCost computes the same from the same input, with the per-token costs). Its
   * input is built from keys within the schema's ranges, which lie inside chipHourCost's: not checked again per point.
   */
  get chipHour(): ChipHourCostResult {
    return (this.#chipHour ??= _chipHourCost(this.merchantHour));
  }
  get cost(): ServingCostResult {
    return (this.#cost ??= servingCostAt(this.chipHour, {
      serving: this.serving,
      ownership: this.merchantHour,
      utilizationFraction: this.utilizationFraction,
      rentedUsdPerChipHour: rentedUsdPerChipHour(this.#point)
    }));
  }
  get blendedTokensPerSecondPerChip(): number {
    return (this.#blended ??= blendedTokensPerSecondPerChip({
      inputShare: num(this.#point["demand.inputShare"], "demand.inputShare"),
      prefillTokensPerSecondPerChip: this.serving.prefillTokensPerSecondPerChip,
      decodeTokensPerSecondPerChip: this.serving.decodeTokensPerSecondPerChip
    }));
  }
  /** What a serving chip-hour costs: fleet.chipHourPrice when the fleet is rented, else the owned chip-hour, USD. */
  get servingUsdPerChipHour(): number {
    return rentedUsdPerChipHour(this.#point) ?? this.chipHour.totalUsdPerChipHour;
  }
  get costUsdPerMTok(): number {
    return (this.#costUsdPerMTok ??= _costPerMillionTokensUsd({
      chipHourCostUsd: this.servingUsdPerChipHour,
      tokensPerSecondPerChip: this.blendedTokensPerSecondPerChip,
      utilizationFraction: this.utilizationFraction
    }));
  }
  /**
   * silicon.unitCost gives the custom chip's price when it has a value at this point and is set at least as directly
   * as every die key (bound.unitCostGivesPrice); otherwise the price is built from the die.
   */
  get #unitCostGivesPrice(): boolean {
    return this.#bound.unitCostGivesPrice && typeof this.#point["silicon.unitCost"] === "number";
  }
  /** The custom chip built from its die, when silicon.unitCost does not give its price (null otherwise). */
  get customUnitCost(): ChipUnitCostResult | null {
    if (this.#later.customUnitCost !== undefined) return this.#later.customUnitCost;
    if (this.#unitCostGivesPrice) return (this.#later.customUnitCost = null);
    return (this.#later.customUnitCost = runModel(
      this.#bound.resolved,
      this.#point,
      "custom chip cost",
      CUSTOM_CHIP_COST_KEYS,
      chipUnitCost,
      customChipCostInput(this.#point),
      this.#accepts("customUnitCost")
    ));
  }
  /** What the lab pays per custom chip: silicon.unitCost, or the chip built from its die. */
  get customChipPriceUsd(): number {
    return this.#unitCostGivesPrice ? (this.#point["silicon.unitCost"] as number) : this.customUnitCost!.priceUsd;
  }
  /**
   * The custom chip through the calibrated serving model (silicon.chip's row, or a chip built from the inline specs),
   * null when silicon.relativeThroughput gives its throughput. A configuration the chip cannot serve (the model does
   * not fit its HBM, a precision it lacks) is an error at silicon.chip or the first spec key, naming the serving key.
   */
  get customServing(): CustomChipServingResult | null {
    if (this.#later.customServing !== undefined) return this.#later.customServing;
    const bound = this.#bound;
    if (bound.customChipMode === "relative") return (this.#later.customServing = null);
    const hardware =
      bound.customChipMode === "catalog" ? bound.customChip! : customChipFromSpecs(this.#point, bound.hardware);
    try {
      return (this.#later.customServing = customChipServing(bound, this.#point, hardware, this.serving));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      const resolved = bound.resolved;
      const at =
        bound.customChipMode === "catalog"
          ? "silicon.chip"
          : (CUSTOM_CHIP_SPEC_KEYS.find((path) => resolved.values[path]?.value != null) ?? "silicon.bf16Flops");
      const {message, expected, found, path} = error.detail;
      // Errors blame what you changed: a `--set` (or a distribution) of a key the chip is built from, or of the serving
      // key the error names, is the error's place; otherwise the chip's own key, as before.
      const candidates = [
        at,
        ...(bound.customChipMode === "specs"
          ? [...CUSTOM_CHIP_SPEC_KEYS, "silicon.hbmStacks", "silicon.hbmPerStack"]
          : ["silicon.chip"]),
        ...(path !== undefined && path in resolved.values ? [path] : [])
      ];
      const blamed = blamedKey(resolved, candidates);
      const written = (key: string) => resolved.values[key]?.written ?? String(resolved.values[key]?.value);
      // A chip given by its specs lacks a precision for want of its key: blamed on silicon.bf16Flops, "expected one
      // of bf16, found fp8" did not say which key gives it FP8 (breaker).
      const specKey = `silicon.${found}Flops`;
      const hint =
        bound.customChipMode === "specs" && path === "serving.precision" && specKey in resolved.values
          ? `give the chip's ${String(found).toUpperCase()} throughput with ${specKey}, or set serving.precision ` +
            `to ${expected?.replace(/^one of /, "")}`
          : undefined;
      throw scenarioValueError(resolved, blamed, {
        message: `the custom chip cannot serve this configuration: ${message}${path ? ` (${path})` : ""}`,
        expected,
        found: blamed === at || blamed === path ? found : `${written(blamed)}, with ${path ?? at} ${found}`,
        ...(hint ? {hint} : {})
      });
    }
  }
  /** The custom chip's tokens/s ÷ the merchant chip's: silicon.relativeThroughput, or derived × silicon.servingFactor. */
  get customRelativeThroughput(): number {
    const derived = this.customServing;
    if (!derived) return num(this.#point["silicon.relativeThroughput"], "silicon.relativeThroughput");
    return derived.relativeThroughput * num(this.#point["silicon.servingFactor"], "silicon.servingFactor");
  }
  get chips(): {merchant: ServingChipInput; custom: ServingChipInput} {
    return (this.#later.chips ??= servingChips(
      this.#point,
      this.shared,
      this.merchantHour,
      this.blendedTokensPerSecondPerChip,
      this.customChipPriceUsd,
      this.customRelativeThroughput
    ));
  }
  get training(): TrainingRunResult {
    return (this.#training ??= trainingRun(trainingRunInput(this.#bound, this.#point, this.shared, this.chipPriceUsd)));
  }
  get drivers(): ScenarioDrivers {
    return (this.#later.drivers ??= scenarioDrivers(this.#point, this.costUsdPerMTok));
  }
  get tax(): InferenceTaxResult {
    return (this.#later.tax ??= (() => {
      const input = inferenceTaxInput(this.#point, this.drivers, this.chips.merchant);
      const accepts = this.#accepts("tax");
      return runModel(this.#bound.resolved, this.#point, "inference tax", TAX_KEYS, inferenceTax, input, accepts);
    })());
  }
  /** The silicon program's input; a respin a node cannot price is an error at silicon.respinCost. */
  get siliconInput(): SiliconProgramInput {
    try {
      return siliconProgramInput(this.#point, this.drivers, this.chips);
    } catch (error) {
      const accepts = this.#accepts("siliconInput");
      throw modelErrorAtKey(this.#bound.resolved, this.#point, "silicon program", SILICON_KEYS, error, accepts);
    }
  }
  get silicon(): SiliconProgramResult {
    return (this.#later.silicon ??= (() => {
      const input = this.siliconInput;
      const accepts = this.#accepts("silicon");
      return runModel(
        this.#bound.resolved,
        this.#point,
        "silicon program",
        SILICON_KEYS,
        siliconProgram,
        input,
        accepts
      );
    })());
  }
  get siliconSummary(): SiliconProgramSummary {
    return (
      this.#later.silicon ??
      (this.#later.siliconSummary ??= (() => {
        const input = this.siliconInput;
        const run = siliconProgramSummary;
        const accepts = this.#accepts("siliconSummary");
        return runModel(this.#bound.resolved, this.#point, "silicon program", SILICON_KEYS, run, input, accepts);
      })())
    );
  }
  get spendInput(): TrainingVsInferenceInput {
    return (this.#later.spendInput ??= spendInput(this.#point, this.drivers, this.training.costOwnedUsd));
  }
  get spend(): TrainingVsInferenceResult {
    return (this.#later.spend ??= runModel(
      this.#bound.resolved,
      this.#point,
      "spend over time",
      SPEND_KEYS,
      trainingVsInference,
      this.spendInput,
      this.#accepts("spend")
    ));
  }
  get spendSummary(): TrainingVsInferenceSummary {
    return (
      this.#later.spend ??
      (this.#later.spendSummary ??= runModel(
        this.#bound.resolved,
        this.#point,
        "spend over time",
        SPEND_KEYS,
        trainingVsInferenceSummary,
        this.spendInput,
        this.#accepts("spendSummary")
      ))
    );
  }
  get moat(): MoatResult {
    return (this.#later.moat ??= runModel(
      this.#bound.resolved,
      this.#point,
      "moat",
      MOAT_KEYS,
      moat,
      moatInput(this.#point, this.drivers, this.siliconSummary),
      this.#accepts("moat")
    ));
  }
  get moatSummary(): MoatSummary {
    return (
      this.#later.moat ??
      (this.#later.moatSummary ??= runModel(
        this.#bound.resolved,
        this.#point,
        "moat",
        MOAT_KEYS,
        moatSummary,
        moatInput(this.#point, this.drivers, this.siliconSummary),
        this.#accepts("moatSummary")
      ))
    );
  }
  get fleet(): FleetDay {
    return (this.#later.fleet ??= fleetDay(this.#point, {
      demandTokensPerDay: this.drivers.demandTokensPerDay,
      prefillTokensPerSecondPerChip: this.serving.prefillTokensPerSecondPerChip,
      decodeTokensPerSecondPerChip: this.serving.decodeTokensPerSecondPerChip,
      ownedUsdPerChipHour: this.chipHour.totalUsdPerChipHour
    }));
  }
  get priceList(): PriceListResult {
    return (this.#later.priceList ??= runModel(
      this.#bound.resolved,
      this.#point,
      "price list",
      PRICE_LIST_KEYS,
      priceList,
      priceListInput(this.#point, this.fleet),
      this.#accepts("priceList")
    ));
  }
  get flywheel(): FlywheelResult {
    return (this.#later.flywheel ??= runModel(
      this.#bound.resolved,
      this.#point,
      "flywheel",
      FLYWHEEL_KEYS,
      flywheel,
      flywheelInput(this.#point, this.drivers),
      this.#accepts("flywheel")
    ));
  }
  get flywheelSummary(): FlywheelSummary {
    return (
      this.#later.flywheel ??
      (this.#later.flywheelSummary ??= runModel(
        this.#bound.resolved,
        this.#point,
        "flywheel",
        FLYWHEEL_KEYS,
        flywheelSummary,
        flywheelInput(this.#point, this.drivers),
        this.#accepts("flywheelSummary")
      ))
    );
  }
}

/**
 * Evaluates every model of the scenario at one point (one value per key: scenarioMedianPoint or one Monte Carlo
 * draw): every stage of ScenarioStages, in pipeline order, then the headline metrics (metrics.ts), each read from the
 * model that computes it. The models that check the chip-hour inputs one by one run first, so that a bad input is
 * named before it shows up inside a computed one (a tiny useful life as a huge training cost).
 *
 * @param bound The scenario bound to its catalog rows (bindScenario).
 * @param point One value per scenario key: numbers in the key's base unit (USD, s, fractions: the reference's units),
 *   ids and choices as text, null for an unset optional key; scenarioMedianPoint(bound.resolved) gives every key, and
 *   `{...median, "serving.utilization": 0.7}` changes one.
 * @returns Every model's result at the point (ScenarioEvaluation) and the headline metrics (`metrics`, named and
 *   united as SCENARIO_METRICS lists them, e.g. costPerMillionTokensUsd).
 * @throws UserError naming `bound` when it is no bound scenario, or `point` when it is no plain object; UserErrors
 *   naming each key of `point` that is not a scenario key, a choice key's value not one of its choices, and an id
 *   key's value other than the row bound (checkPointKeys); a UserError naming the
 *   key whose value is not a number where a model takes one (num); a UserError located at the scenario key (file line
 *   or --set flag) for a configuration that cannot run (precision, memory, missing price) or a value a model rejects.
 */
export function evaluateScenarioPoint(
  bound: BoundScenario,
  point: ScenarioPoint,
  reuse: ScenarioReuse = {}
): ScenarioEvaluation {
  // A bound scenario left out or built by hand read "Cannot read properties of undefined (reading 'hardware')", or
  // "hardware: missing … a hardware row" for one of another shape (breaker).
  checkObject("bound", bound, "a bound scenario, e.g. bindScenario(resolved, catalogs)");
  checkObject("bound.resolved", bound.resolved, "a bound scenario, e.g. bindScenario(resolved, catalogs)");
  checkPointKeys(point, bound.resolved);
  const s = new ScenarioStages(bound, point, reuse);
  const serving = s.serving;
  const cost = s.cost;
  const blended = s.blendedTokensPerSecondPerChip;
  s.costUsdPerMTok;
  const chips = s.chips;
  const training = s.training;
  const drivers = s.drivers;
  const tax = s.tax;
  const silicon = s.silicon;
  const spend = s.spend;
  const moatResult = s.moat;
  const flywheelResult = s.flywheel;
  const fleet = s.fleet;
  const priceListResult = s.priceList;
  return {
    serving,
    cost,
    blendedTokensPerSecondPerChip: blended,
    demandTokensPerDay: drivers.demandTokensPerDay,
    demandGrowthPerYear: drivers.demandGrowthPerYear,
    merchant: chips.merchant,
    custom: chips.custom,
    customUnitCost: s.customUnitCost,
    customServing: s.customServing,
    customRelativeThroughput: s.customRelativeThroughput,
    training,
    spend,
    spendInput: s.spendInput,
    tax,
    silicon,
    moat: moatResult,
    flywheel: flywheelResult,
    fleet,
    priceList: priceListResult,
    metrics: scenarioMetrics(s)
  };
}

/** What one Monte Carlo draw of a run needs: the headline metrics and the two series a run bands. */
export interface ScenarioDraw {
  metrics: ScenarioMetrics;
  spend: TrainingVsInferenceResult;
  silicon: SiliconProgramResult;
  tax: InferenceTaxResult;
}

/**
 * evaluateScenarioPoint for a Monte Carlo draw: the same stages in the same order (so a draw that breaks several
 * models names the same one first), the same metrics bit for bit, but the moat and the flywheel as summaries, without
 * the monthly series no run reads.
 *
 * Throws: as evaluateScenarioPoint.
 */
export function evaluateScenarioDraw(bound: BoundScenario, point: ScenarioPoint): ScenarioDraw {
  const s = new ScenarioStages(bound, point);
  s.serving;
  s.cost;
  s.costUsdPerMTok;
  s.chips;
  s.training;
  s.drivers;
  const tax = s.tax;
  const silicon = s.silicon;
  const spend = s.spend;
  s.moatSummary;
  s.flywheelSummary;
  return {metrics: scenarioMetrics(s), spend, silicon, tax};
}
