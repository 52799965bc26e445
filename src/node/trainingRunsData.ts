import {DEFAULT_GOODPUT_FRACTION} from "../training/trainingRun.js";
import {trainingRunsReport, type TrainingRunsReport} from "../training/trainingRunsReport.js";
import {loadCatalogs, loadTrainingRuns} from "./catalogFiles.js";

/**
 * What the "How good is the serving model?" page shows of training: every published run of data/training-runs.csv beside
 * the training model at its reported MFU and the sourced default goodput (`token-ledger training-runs`).
 */
export function buildTrainingRunsData(): TrainingRunsReport {
  const catalogs = loadCatalogs();
  return trainingRunsReport(loadTrainingRuns(catalogs), catalogs, DEFAULT_GOODPUT_FRACTION);
}
