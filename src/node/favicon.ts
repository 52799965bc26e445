/** The favicon's SVG: a coin marked "t". */
const FAVICON_SVG =
  "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'><circle cx='16' cy='16' r='15' fill='#e8a33d'/>" +
  "<text x='16' y='22.5' font-size='19' font-weight='700' text-anchor='middle' font-family='sans-serif' fill='#222'>t" +
  "</text></svg>";

/**
 * The report site's favicon as a `<link>` for a Framework config's `head`: an SVG coin marked "t", inline as a base64
 * data: URL, so that no page requests /favicon.ico (which a static host answers with a 404 in the browser's console).
 * Base64, because Framework re-encodes a `%` in the head's URLs (`%23` became `%2523`, an invalid colour: the coin drew
 * black). This repository's observablehq.config.ts and the project `token-ledger new` makes both put it first in `head`.
 */
export const FAVICON_LINK = `<link rel="icon" type="image/svg+xml" href="data:image/svg+xml;base64,${Buffer.from(FAVICON_SVG).toString("base64")}">`;
