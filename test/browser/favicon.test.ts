// The favicon's PNG (src/node/favicon.ts) is its SVG as chromium draws it: both are drawn on a 64 × 64 canvas and
// compared pixel by pixel, so a changed SVG whose PNG was not regenerated (`npx tsx scripts/favicon-png.ts`) fails.
// And a built page's icon is that PNG, so that rewriting the address (a dragged slider) never re-parses an SVG icon.
import type {Browser} from "playwright-core";
import {afterAll, beforeAll, describe, expect, inject, it} from "vitest";
import {FAVICON_PNG_BASE64, FAVICON_SVG} from "../../src/node/favicon.js";
import {closePage, launchBrowser, openPage} from "./browser.js";

const enabled = inject("browserTestsEnabled");

describe.skipIf(!enabled)("the favicon", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("is its SVG rendered to a 64 × 64 PNG", async () => {
    const page = await browser.newPage();
    try {
      const svg = `data:image/svg+xml;base64,${Buffer.from(FAVICON_SVG).toString("base64")}`;
      const png = `data:image/png;base64,${FAVICON_PNG_BASE64}`;
      // A string, so that the bundler's helpers (tsx names functions with __name) do not leak into the page.
      const result = (await page.evaluate(`(async () => {
        const pixels = async (src) => {
          const img = new Image(64, 64);
          img.src = src;
          await img.decode();
          const canvas = document.createElement("canvas");
          canvas.width = canvas.height = 64;
          const context = canvas.getContext("2d");
          context.drawImage(img, 0, 0, 64, 64);
          return {size: [img.naturalWidth, img.naturalHeight], data: context.getImageData(0, 0, 64, 64).data};
        };
        const a = await pixels(${JSON.stringify(svg)});
        const b = await pixels(${JSON.stringify(png)});
        let sum = 0;
        for (let i = 0; i < a.data.length; i++) sum += Math.abs(a.data[i] - b.data[i]);
        return {pngSize: b.size, meanDifference: sum / a.data.length, opaqueCentre: Array.from(b.data.slice(4 * (32 * 64 + 8), 4 * (32 * 64 + 8) + 4))};
      })()`)) as {pngSize: number[]; meanDifference: number; opaqueCentre: number[]};
      expect(result.pngSize).toEqual([64, 64]);
      // The coin's fill (#e8a33d) left of the "t", fully opaque.
      expect(result.opaqueCentre).toEqual([0xe8, 0xa3, 0x3d, 255]);
      // Anti-aliased edges may differ by a step or two of 255 between two rasterisations; a changed shape or colour
      // moves the mean by far more (the letter alone covers about 8% of the pixels).
      expect(result.meanDifference).toBeLessThan(1);
    } finally {
      await page.close();
    }
  });

  it("is the built pages' icon, as a PNG", async () => {
    const page = await openPage(browser, "/scenarios/base");
    try {
      const icons = await page.$$eval('link[rel="icon"]', (links) => links.map((l) => (l as HTMLLinkElement).type));
      expect(icons).toEqual(["image/png"]);
    } finally {
      await closePage(page);
    }
  });
});
