import {dirname, resolve} from "node:path";
import {fileURLToPath} from "node:url";

/** The package's root folder (where data/ lives), wherever the command is run from. */
export const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const DATA_DIR = resolve(PACKAGE_ROOT, "data");
export const SCENARIOS_DIR = resolve(DATA_DIR, "scenarios");
