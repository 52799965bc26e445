import type {Hardware} from "../../catalog/hardware.js";
import type {ModelArchitecture} from "../../catalog/model.js";
import {sharedPrefillErrors} from "./unreadKeys.js";
import {didYouMeanHint, otherCatalogHint, swappedPair} from "../../errors/suggest.js";
import {UserError, UserErrors} from "../../errors/userError.js";
import type {ResolvedScenario} from "../resolve/resolveScenario.js";
import {scenarioValueError} from "../file/scenarioErrors.js";
import {keyValueComesFrom} from "../file/schema.js";
import {countOrderErrors} from "./countOrder.js";
import {customChipMode, customUnitCostMode, type CustomChipMode} from "./customChipSpec.js";
import {checkObject, describeFound} from "../../units/range.js";
import {checkResolved} from "../resolve/checkResolved.js";

/** The catalogs a scenario's ids refer to. */
export interface ScenarioCatalogs {
  hardware: readonly Hardware[];
  models: readonly ModelArchitecture[];
}

/** A resolved scenario whose catalog ids have been found. */
export interface BoundScenario {
  resolved: ResolvedScenario;
  hardware: Hardware;
  model: ModelArchitecture;
  trainingHardware: Hardware;
  trainingModel: ModelArchitecture;
  /** How the custom chip's throughput is found (src/scenario/evaluate/customChipSpec.ts). */
  customChipMode: CustomChipMode;
  /** silicon.chip's catalog row when the mode is "catalog", else null. */
  customChip: Hardware | null;
  /**
   * Whether silicon.unitCost gives the custom chip's price (set at least as directly as every die key), else the price
   * is built from its die (src/scenario/evaluate/customChipSpec.ts customUnitCostMode).
   */
  unitCostGivesPrice: boolean;
}

function findInCatalog<T extends {id: string}>(
  resolved: ResolvedScenario,
  path: string,
  rows: readonly T[],
  id: string,
  what: "hardware" | "model",
  others: readonly {id: string}[]
): T {
  const row = rows.find((candidate) => candidate.id === id);
  if (row) return row;
  throw scenarioValueError(resolved, path, {
    // A long id is left to `found`, which cuts it (a 150-character id ran a page's notice off the screen; breaker).
    message: id.length <= 40 ? `unknown ${what} id '${id}'` : `unknown ${what} id`,
    // The catalog is token-ledger's rows and, in a report project, the project's data/*.csv too: name the command
    // that lists them all rather than one file (a project's data/hardware.csv holds only its own rows; author trial).
    expected: `a ${what} id of the catalog (\`token-ledger catalog ${what === "hardware" ? "hardware" : "models"}\` lists them)`,
    found: id,
    // A model id as serving.hardware (or the reverse): the two keys swapped, not a typo of another id (breaker).
    hint:
      otherCatalogHint(id, others, what === "hardware" ? "model" : "hardware", swappedPair(path)) ??
      didYouMeanHint(
        id,
        rows.map((candidate) => candidate.id)
      )
  });
}

/**
 * Finds the scenario's catalog rows (serving.hardware, serving.model, training.hardware, training.model, silicon.chip
 * when the custom chip is a catalog row) and checks how the custom chip is described (customChipMode); an unknown
 * id is an error at the key that names it, and so are counts out of order (countOrderErrors: flywheel.usersCap below
 * flywheel.addressableUsers). Every error is reported: one as a UserError, several together as UserErrors. An unset
 * training.hardware or training.model takes the serving row.
 *
 * @param resolved A resolved scenario (ScenarioLibrary.resolve, applyOverrides).
 * @param catalogs The hardware and model rows (loadCatalogs() of token-ledger/node).
 * @throws UserError naming `resolved` or `catalogs` when one is not given (bindScenario(resolved) read "Cannot read
 *   properties of undefined (reading 'hardware')"; modeller trial), `resolved` when it has no values, and
 *   `catalogs.hardware` or `catalogs.models` when it is not a list; and the errors above.
 */
export function bindScenario(resolved: ResolvedScenario, catalogs: ScenarioCatalogs): BoundScenario {
  checkResolved("resolved", resolved);
  checkObject("catalogs", catalogs, "the catalogs' rows, e.g. loadCatalogs() of token-ledger/node");
  // Of another shape, each read a TypeError ("Cannot read properties of undefined (reading 'serving.hardware')" for
  // {}, "(reading 'find')" for a Map of catalogs or {hardware: []}; breaker).
  for (const which of ["hardware", "models"] as const) {
    if (Array.isArray(catalogs[which])) continue;
    throw new UserError({
      path: `catalogs.${which}`,
      message: "not a list of rows",
      expected: `the ${which} rows, e.g. loadCatalogs().${which} of token-ledger/node`,
      found: describeFound(catalogs[which])
    });
  }
  const value = (path: string) => resolved.values[path]?.value;
  const errors: UserError[] = [];
  const find = <T extends {id: string}>(
    path: string,
    rows: readonly T[],
    what: "hardware" | "model",
    unset?: T
  ): T | undefined => {
    const id = value(path);
    if (keyValueComesFrom(path, id !== null && id !== undefined) !== path) return unset;
    try {
      const others = what === "hardware" ? catalogs.models : catalogs.hardware;
      return findInCatalog(resolved, path, rows, String(id), what, others);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      errors.push(error);
      return undefined;
    }
  };
  const hardware = find("serving.hardware", catalogs.hardware, "hardware");
  const model = find("serving.model", catalogs.models, "model");
  const trainingHardware = find("training.hardware", catalogs.hardware, "hardware", hardware);
  const trainingModel = find("training.model", catalogs.models, "model", model);
  const chipMode = customChipMode(resolved);
  errors.push(...chipMode.errors);
  const priceMode = customUnitCostMode(resolved);
  errors.push(...priceMode.errors);
  const customChip = chipMode.mode === "catalog" ? find("silicon.chip", catalogs.hardware, "hardware") : null;
  errors.push(...countOrderErrors(resolved));
  errors.push(...sharedPrefillErrors(resolved));
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1 || !hardware || !model || !trainingHardware || !trainingModel || customChip === undefined) {
    throw new UserErrors(errors);
  }
  return {
    resolved,
    hardware,
    model,
    trainingHardware,
    trainingModel,
    customChipMode: chipMode.mode,
    customChip,
    unitCostGivesPrice: priceMode.unitCostGivesPrice
  };
}
