import {readdirSync} from "node:fs";
import {problemsBannerHtml} from "./docs/components/problemsBanner.js";
import {FAVICON_LINK} from "./src/node/favicon.js";
import {
  componentStyles,
  dataFileProblems,
  ignoredSettingsNotice,
  scenarioPages,
  sitePages
} from "./src/node/sitePages.js";

// Observable Framework configuration. `npm run dev` (token-ledger preview) touches this file when a scenario file is
// added, removed, broken or fixed, so Framework reads it again: the page list and the error banner follow the files. The source root is docs/ (our src/ is the library, reached from pages through
// the docs/lib symlink). `globalStylesheets: []` drops the default theme's Google Fonts link, so the built site makes
// no request to any other host.

/** One page per scenario file: adding data/scenarios/<id>.md adds /scenarios/<id> with no other edit. */
const scenarioIds = readdirSync("data/scenarios")
  .filter((name) => name.endsWith(".md") && !name.startsWith("_") && name.toLowerCase() !== "readme.md")
  .map((name) => name.slice(0, -".md".length))
  .sort();

/**
 * The sidebar and the previous/next links name a scenario by its title; Framework gives a link no tooltip, so this
 * gives each link to a scenario page its id ("scenario id: asic-9-months") once the page has loaded.
 */
const SCENARIO_LINK_TITLES = `<script type="module">
for (const a of document.querySelectorAll("#observablehq-sidebar a, #observablehq-footer a")) {
  const id = /\\/scenarios\\/([^/?#]+)$/.exec(a.pathname)?.[1];
  if (id && !a.title) a.title = "scenario id: " + decodeURIComponent(id);
}
</script>`;

export default {
  title: "token-ledger",
  root: "docs",
  // `npm run build` (token-ledger build) builds into a folder beside dist/ and swaps it in only when finished.
  output: process.env.TOKEN_LEDGER_SITE_OUTPUT ?? "dist",
  theme: ["air", "near-midnight"],
  globalStylesheets: [],
  // The chapters in their order; a page added to docs/ that this list does not name appears under "More pages".
  pages: sitePages({
    explicit: [
      {
        name: "The story",
        pages: [
          {name: "1. The token is the unit of account", path: "/token-economics"},
          {name: "2. Training vs inference", path: "/training-vs-inference"},
          {name: "3. The inference tax", path: "/inference-tax"},
          {name: "4. Custom inference silicon", path: "/custom-silicon"},
          {name: "5. Model lead vs cost lead", path: "/moat"},
          {name: "6. The flywheel", path: "/flywheel"}
        ]
      },
      {
        name: "Scenarios",
        pages: [
          // Each scenario by its title; the id (the file name, what modellers type) is the link's tooltip.
          ...scenarioPages(),
          {name: "Compare scenarios", path: "/compare"},
          {name: "Assumptions register", path: "/assumptions"}
        ]
      },
      {
        name: "Reference",
        pages: [
          {name: "How good is the serving model?", path: "/model-accuracy"},
          {name: "Scenario file reference", path: "/reference"},
          {name: "Writing a report page", path: "/authoring"},
          {name: "Glossary", path: "/glossary"}
        ]
      }
    ]
  }),
  dynamicPaths: scenarioIds.map((id) => `/scenarios/${id}`),
  // The favicon is inline (a coin marked "t"), so no page asks for /favicon.ico and no static host answers a 404.
  // A page that takes no settings says so to a link with ?set= (ignoredSettingsNotice).
  head: (page: {path: string}) =>
    FAVICON_LINK +
    SCENARIO_LINK_TITLES +
    // Every page's screen rules (docs/components/site.css: the footer's margin), then the print styles
    // (docs/components/print.css): no navigation, controls as values, charts in the page width.
    componentStyles(["site.css", "print.css"]) +
    ignoredSettingsNotice(page),
  // Every file in error, shown on every page's header until fixed (a build with errors stops before Framework runs).
  header: problemsBannerHtml(dataFileProblems()),
  // Every page links the glossary, so a term is explained one click away wherever it appears.
  footer:
    'token-ledger — every figure traceable to an assumption and its source. Terms: <a href="/glossary">glossary</a>.',
  search: false,
  linkify: true
};
