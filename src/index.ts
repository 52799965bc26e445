// The library's public surface: pure, browser-safe modules only (file access lives in src/node and src/cli).
export * from "./errors/userError.js";
export {trimSpaces} from "./errors/trimSpaces.js";
export * from "./units/si.js";
export * from "./units/bytes.js";
export * from "./units/quantity.js";
export * from "./units/decimal.js";
export * from "./units/countNoun.js";
export * from "./units/wordList.js";
export * from "./units/groupThousands.js";
export * from "./uncertainty/index.js";
export type {Hardware} from "./catalog/hardware.js";
export type {ModelArchitecture} from "./catalog/model.js";
export * from "./catalog/parseHardwareCsv.js";
export * from "./catalog/parseModelsCsv.js";
export * from "./catalog/lookup.js";
export * from "./inference/precision.js";
export * from "./inference/efficiencies.js";
export * from "./inference/parallelism.js";
export * from "./inference/attention.js";
export * from "./inference/communication.js";
export * from "./inference/kvCache.js";
export * from "./inference/weights.js";
export * from "./inference/stepCost.js";
export * from "./inference/decodeStep.js";
export * from "./inference/prefill.js";
export * from "./inference/memoryFit.js";
export * from "./inference/inflightLength.js";
export * from "./inference/servingPerformance.js";
export * from "./inference/servingChecks.js";
export * from "./inference/frontier.js";
export * from "./inference/predictMeasurement.js";
export * from "./inference/calibratedBandNote.js";
// What `inference` prices tokens with: the calibrated efficiencies of a chip's family and stack, the stack a chip is
// served on by default, and a catalog chip's chip-hour input under the scenario schema's ownership defaults.
export {
  calibratedEfficiencies,
  heldOutBand,
  servingModelError,
  SERVING_CALIBRATION
} from "./inference/calibratedEfficiencies.js";
export {defaultStackFor, stackRunsOn, stacksFor, NEUTRAL_STACK, PREFERRED_STACK} from "./inference/stackChips.js";
export {catalogChipHour, sharedOwnership, type SharedOwnership} from "./scenario/evaluate/ownershipInput.js";
export * from "./tco/capitalRecovery.js";
export * from "./tco/chipHourCost.js";
export * from "./tco/costPerToken.js";
export * from "./tco/tokensPerMw.js";
export * from "./tco/servingCost.js";
export * from "./tco/evaluateServing.js";
export * from "./tco/chipSystem.js";
export * from "./tco/vendorShare.js";
export * from "./tco/epochTrainingCost.js";
export * from "./training/trainingRun.js";
export * from "./training/trainingFlops.js";
export * from "./training/attentionShape.js";
export type {PublishedRun} from "./training/publishedRun.js";
export * from "./training/parseTrainingRunsCsv.js";
export * from "./training/trainingRunsReport.js";
export * from "./strategy/growth.js";
export * from "./units/range.js";
export * from "./strategy/servingChip.js";
export * from "./strategy/trainingVsInference.js";
export * from "./strategy/inferenceTax.js";
export * from "./strategy/siliconProgram.js";
export * from "./strategy/moat.js";
export * from "./strategy/flywheel.js";
export * from "./uncertainty/sweep.js";
export {linspace} from "./uncertainty/linspace.js";
export * from "./scenario/index.js";
export {narrativeErrors, narrativePageMarkdown} from "./scenario/narrative/narrative.js";
export {catalogValueName, type NamedCatalogs} from "./scenario/narrative/catalogValueName.js";
export * from "./scenario/evaluate/evaluateScenario.js";
export * from "./scenario/resolve/scenarioValues.js";
export * from "./scenario/resolve/scenarioOrder.js";
export * from "./scenario/resolve/originOrder.js";
export * from "./scenario/file/scenarioErrors.js";
export {MARKDOWN_EXTENSION, MARKDOWN_EXTENSIONS} from "./scenario/file/markdownExtensions.js";
export {countWordsOf, keyReading} from "./scenario/file/countWords.js";
export * from "./scenario/run/runScenario.js";
export * from "./scenario/run/scenarioDraws.js";
export * from "./scenario/run/runReport.js";
export * from "./scenario/run/scenarioNotes.js";
export * from "./scenario/run/reportFormat.js";
export * from "./scenario/run/footnoteMarks.js";
export * from "./scenario/evaluate/metricInfo.js";
export {unreadCustomChipKeys} from "./scenario/evaluate/customChipSpec.js";
export {unreadKeys} from "./scenario/evaluate/unreadKeys.js";
export {
  unsetKeyDefault,
  unsetKeyDefaultsOf,
  unsetKeyTakes,
  UNSET_KEY_DEFAULT_PATHS,
  UNSET_WITHOUT_ONE_VALUE,
  UNSET_KEY_INSTEAD,
  type UnsetKeyContext,
  type UnsetKeyDefault,
  type UnsetKeyTakes
} from "./scenario/evaluate/unsetKeyDefaults.js";
export {UNSET_WORD, isExplicitNull} from "./scenario/file/explicitNull.js";
export * from "./scenario/run/sweepScenario.js";
export {CHIP_FAMILIES, CHIP_FAMILY_NAMES, type ChipFamily} from "./catalog/chipFamily.js";
export {SOFTWARE_STACKS, SOFTWARE_STACK_NAMES, type SoftwareStack} from "./inference/calibration/measurement.js";
