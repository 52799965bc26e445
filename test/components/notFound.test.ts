// @vitest-environment jsdom
import {describe, expect, it} from "vitest";
import {NotFound, sitePagesOf, type SitePage} from "../../docs/components/notFound.js";

const PAGES: SitePage[] = [
  {path: "/", name: "token-ledger"},
  {path: "/moat", name: "5. Model lead vs cost lead"},
  {path: "/model-accuracy", name: "How good is the model?"},
  {path: "/custom-silicon", name: "4. Custom inference silicon"},
  {path: "/scenarios/base", name: "Base case"},
  {path: "/scenarios/asic-9-months", name: "A custom chip in 9 months"},
  {path: "/scenarios/Zeta-2", name: "Zeta"}
];

const text = (pathname: string) => NotFound(pathname, PAGES).textContent!.replace(/\s+/g, " ").trim();

describe("the 404 page's sentence", () => {
  it("names the address and offers the scenario a mistyped id is close to, by its title and path", () => {
    expect(text("/scenarios/bsae")).toBe(
      "There is no page at /scenarios/bsae: no scenario has the id bsae. Did you mean Base case (/scenarios/base)?"
    );
    // A scenario id is matched among the scenario pages only, in any case; a trailing slash or .html is ignored.
    expect(text("/scenarios/zeta-2/")).toContain("Did you mean Zeta (/scenarios/Zeta-2)?");
    expect(text("/scenarios/asic-9-months.html")).toContain("Did you mean A custom chip in 9 months");
  });

  it("offers pages a truncated or mistyped path starts like, and nothing for an address close to no page", () => {
    expect(text("/custom")).toBe(
      "There is no page at /custom. Did you mean 4. Custom inference silicon (/custom-silicon)?"
    );
    expect(text("/mota")).toContain("Did you mean 5. Model lead vs cost lead (/moat)?");
    expect(text("/pricing")).toBe("There is no page at /pricing. The pages are listed in the sidebar.");
    // Else a part of the address (second-round breaker: nothing was offered for these).
    expect(text("/old/custom-silicon")).toContain("Did you mean 4. Custom inference silicon (/custom-silicon)?");
    expect(text("/scenarios/base/extra")).toContain("Did you mean Base case (/scenarios/base)?");
    expect(text("/scenarios/qqqqqqq")).toBe(
      "There is no page at /scenarios/qqqqqqq: no scenario has the id qqqqqqq. The scenarios are listed in the sidebar."
    );
  });

  it("links each page relative to the site's root (the 404 page's <base>), and shows an escaped address decoded", () => {
    const links = [...NotFound("/mota", PAGES).querySelectorAll("a")].map((a) => a.getAttribute("href"));
    expect(links).toEqual(["moat"]);
    expect(text("/a%20b")).toContain("There is no page at /a b.");
    // A malformed escape is shown as written, not thrown.
    expect(text("/%E0")).toContain("There is no page at /%E0.");
  });

  it("reads the site's pages from the sidebar's links", () => {
    document.body.innerHTML = `<nav id="observablehq-sidebar"><a href="/moat">5. Model gap</a>
      <a href="/scenarios/base.html"> Base case </a><a href="/x"></a></nav><a href="/outside">Out</a>`;
    expect(sitePagesOf(document)).toEqual([
      {path: "/moat", name: "5. Model gap"},
      {path: "/scenarios/base", name: "Base case"}
    ]);
  });
});
