// Observable Framework configuration of this report. The navigation is derived from the files: every page in docs/
// and one page per scenario file in data/scenarios/ (pass `sitePages({explicit: [...]})` to order it yourself).
import {componentStyles, FAVICON_LINK, scenarioPagePaths, sitePages} from "token-ledger/node";

export default {
  title: "{{title}}",
  root: "docs",
  // `npm run build` (token-ledger build) builds into a folder beside dist/ and swaps it in when finished.
  output: process.env.TOKEN_LEDGER_SITE_OUTPUT ?? "dist",
  theme: ["air", "near-midnight"],
  // No Google Fonts link: the built site makes no request to any other host.
  globalStylesheets: [],
  // An inline favicon (no page requests /favicon.ico, which would 404), the components' styles, and the print styles
  // (controls as values, no navigation, a card per page break).
  head: FAVICON_LINK + componentStyles(),
  pages: sitePages(),
  dynamicPaths: scenarioPagePaths(),
  search: false
};
