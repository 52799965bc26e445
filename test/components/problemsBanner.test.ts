import {describe, expect, it} from "vitest";
import {HEADER_WITH_BANNER_CSS, problemsBannerHtml} from "../../docs/components/problemsBanner.js";

describe("problemsBannerHtml", () => {
  it("is empty when nothing is wrong", () => {
    expect(problemsBannerHtml([])).toBe("");
  });

  it("takes Framework's fixed 2.2rem header into the page's flow while it holds the banner", () => {
    const html = problemsBannerHtml([{file: "data/scenarios/x.md", messages: ["a", "b"]}]);
    expect(html.startsWith(`<style>${HEADER_WITH_BANNER_CSS}</style>`)).toBe(true);
    expect(HEADER_WITH_BANNER_CSS).toContain("#observablehq-header:has(.site-problems){position:static;");
    expect(HEADER_WITH_BANNER_CSS).toContain("height:auto");
    expect(html).toContain('data-site-problems="2"');
  });
});
