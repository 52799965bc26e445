// The browser suite (npm run test:browser): builds the site if dist/ is stale, serves it on 127.0.0.1 and drives
// Debian's chromium over every page. See test/browser/globalSetup.ts.
import {defineConfig} from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    globalSetup: ["test/browser/globalSetup.ts"],
    fileParallelism: false, // one file, hence one chromium, at a time
    maxConcurrency: 4, // pages open at once inside that chromium
    testTimeout: 120_000, // a page waits up to twice RENDER_TIMEOUT_MS (light, then dark; test/browser/browser.ts)
    hookTimeout: 60_000,
    teardownTimeout: 30_000
  }
});
