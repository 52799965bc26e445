import {scenarioKey} from "../file/schema.js";

/** The rows a catalog key can name: each with its id and the name a reader knows it by. */
export interface NamedCatalogs {
  hardware: readonly {id: string; name: string}[];
  models: readonly {id: string; name: string}[];
}

/**
 * The name a reader knows a catalog key's value by, for prose: serving.hardware "a100-sxm-80gb" reads "NVIDIA A100
 * SXM4 80GB", serving.model "llama-3.1-405b" reads "Llama 3.1 405B" (the `name` column of data/hardware.csv and
 * data/models.csv, or a project's rows). Null when the key names no catalog (ScenarioKeyDef.catalog), the value is not
 * a string, or no row has that id (a scenario check reports an unknown id; prose then writes the id as written).
 */
export function catalogValueName(path: string, value: unknown, catalogs: NamedCatalogs): string | null {
  const catalog = scenarioKey(path)?.catalog;
  if (catalog === undefined || typeof value !== "string") return null;
  return catalogs[catalog].find((row) => row.id === value)?.name ?? null;
}
