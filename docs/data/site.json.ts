// Static data for every page's first render: catalogs, resolved scenarios and their metrics (src/node/siteData.ts).
// A user mistake in a scenario file is listed in the data's problems; one in a catalog is written as {problems}
// for the pages to show (src/node/loaderJson.ts).
import {writeLoaderJson} from "../../src/node/loaderJson.js";
import {buildSiteData} from "../../src/node/siteData.js";

writeLoaderJson(buildSiteData);
