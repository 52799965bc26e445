// The site's one data loader: the catalogs (token-ledger's, with data/hardware.csv and data/models.csv added) and
// every scenario resolved and run. A mistake in a scenario is listed in the data's problems; one in a catalog stops it.
import {buildSiteData, writeLoaderJson} from "token-ledger/node";

writeLoaderJson(buildSiteData);
