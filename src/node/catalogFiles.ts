import {readFileSync} from "node:fs";
import {relative, resolve} from "node:path";
import type {Hardware} from "../catalog/hardware.js";
import type {ModelArchitecture} from "../catalog/model.js";
import {parseHardwareCsv} from "../catalog/parseHardwareCsv.js";
import {parseModelsCsv} from "../catalog/parseModelsCsv.js";
import {DATA_DIR} from "./paths.js";
import {parseTrainingRunsCsv} from "../training/parseTrainingRunsCsv.js";
import type {PublishedRun} from "../training/publishedRun.js";

export interface Catalogs {
  hardware: Hardware[];
  models: ModelArchitecture[];
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith("..") ? path : rel;
}

export function loadHardware(path = resolve(DATA_DIR, "hardware.csv")): Hardware[] {
  return parseHardwareCsv(readFileSync(path, "utf8"), {file: displayPath(path)});
}

export function loadModels(path = resolve(DATA_DIR, "models.csv")): ModelArchitecture[] {
  return parseModelsCsv(readFileSync(path, "utf8"), {file: displayPath(path)});
}

export function loadCatalogs(): Catalogs {
  return {hardware: loadHardware(), models: loadModels()};
}

/** data/training-runs.csv (published training runs), its model and hardware ids checked against the catalogs. */
export function loadTrainingRuns(catalogs: Catalogs, path = resolve(DATA_DIR, "training-runs.csv")): PublishedRun[] {
  return parseTrainingRunsCsv(readFileSync(path, "utf8"), {
    file: displayPath(path),
    modelIds: catalogs.models.map((m) => m.id),
    hardwareIds: catalogs.hardware.map((h) => h.id)
  });
}
