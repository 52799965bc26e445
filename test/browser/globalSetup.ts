// Global setup of the browser suite (vitest.browser.config.ts): builds the site once if dist/ is stale, serves dist/
// on 127.0.0.1 at a free port and provides the base URL to the tests (`inject("baseUrl")`). Without Debian's chromium
// the suite is skipped with a message, except under CI, where that is a failure.
import {existsSync} from "node:fs";
import type {TestProject} from "vitest/node";
import {CHROMIUM_PATH} from "./browser.js";
import {serveSite} from "../../src/node/site/serve.js";
import {DIST, ensureBuilt} from "./site.js";

declare module "vitest" {
  export interface ProvidedContext {
    /** False when the suite is skipped because chromium is missing (outside CI). */
    browserTestsEnabled: boolean;
    /** The static server's base URL without a trailing slash, e.g. `http://127.0.0.1:40123`. */
    baseUrl: string;
    /** Absolute path of the built site. */
    distDir: string;
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | void> {
  project.provide("distDir", DIST);
  project.provide("baseUrl", "");
  if (!existsSync(CHROMIUM_PATH)) {
    const message = `${CHROMIUM_PATH} not found (Debian package "chromium"; .ci/run installs it).`;
    if (isCi()) throw new Error(`Browser tests cannot run under CI: ${message}`);
    console.warn(`\n*** Browser tests SKIPPED: ${message} They fail instead when CI is set. ***\n`);
    project.provide("browserTestsEnabled", false);
    return;
  }
  const started = performance.now();
  const how = await ensureBuilt();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(how === "built" ? `Built the site in ${seconds} s.` : "dist/ is newer than its sources: reusing it.");
  const server = await serveSite(DIST);
  project.provide("browserTestsEnabled", true);
  project.provide("baseUrl", server.url);
  return () => server.close();
}

function isCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== "" && ci !== "0" && ci.toLowerCase() !== "false";
}
