// Static data for every page's first render: catalogs, resolved scenarios and their metrics (src/node/siteData.ts).
// A user mistake in data/ prints one line naming file, line and key, and exits non-zero so nothing is cached.
import {isUserError} from "../../src/errors/userError.js";
import {buildSiteData} from "../../src/node/siteData.js";

try {
  process.stdout.write(JSON.stringify(buildSiteData()));
} catch (error) {
  if (!isUserError(error)) throw error;
  console.error(error.message);
  process.exit(1);
}
