// The library's Node entry (`token-ledger/node`): reading catalogs and scenario files (the bundled ones and a report
// project's own), checking them, and the data the site's loaders write. Pure models live in the main entry
// (`token-ledger`, src/index.ts); nothing here belongs in a browser.
export {PACKAGE_ROOT, DATA_DIR, SCENARIOS_DIR, findProject, ownScenariosDir, type ProjectRoot} from "./paths.js";
export {
  catalogOverrides,
  hardwareFamilyNote,
  hardwareTopologyNote,
  catalogPaths,
  loadCatalogs,
  loadHardware,
  loadModels,
  loadTrainingRuns,
  type CatalogOverride,
  type Catalogs
} from "./catalogFiles.js";
export {loadMeasurements, MEASUREMENTS_FILE} from "./measurementFiles.js";
export {parentScenarioFiles, parseScenarioFiles, scenarioFilesIn} from "./scenarioFiles.js";
export {loadScenarioLibrary, locateScenario, type ScenarioLibrary} from "./scenarioLibrary.js";
export {checkCatalogs, checkScenarioFiles, type ScenarioCheck, type ScenarioFileCheck} from "./scenarioCheck.js";
export {runScenarioRequest, type ScenarioRunRequest} from "./scenarioRun.js";
export {buildSiteData, SITE_SAMPLES, type SiteData, type SiteProblem, type SiteScenario} from "./siteData.js";
export {buildCalibrationData, type CalibrationData} from "./calibrationData.js";
export {buildTrainingRunsData} from "./trainingRunsData.js";
export {loaderData, writeLoaderJson, type LoaderProblems} from "./loaderJson.js";
export {dataVersion} from "./dataVersion.js";
export {encodeTable, tableFormat, TABLE_FORMATS, writeFileAtomic} from "./writeTable.js";
export {buildSite} from "./site/build.js";
export {pageScenarioIdErrors} from "./site/pageScenarioIds.js";
export {FAVICON_LINK} from "./favicon.js";
export {
  componentStyles,
  scenarioPagePaths,
  scenarioPages,
  ignoredSettingsNotice,
  sitePages,
  dataFileProblems,
  type DataFileProblem,
  type SitePage,
  type SitePagesOptions,
  type SiteSection
} from "./sitePages.js";
export {createProject, type CreateProjectOptions} from "./newProject.js";
export {glossaryPageMarkdown} from "./glossary.js";
export {scenarioReferenceMarkdown, scenarioReferencePageMarkdown} from "../scenario/file/reference.js";
