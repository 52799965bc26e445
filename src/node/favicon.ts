/**
 * The report site's favicon as a `<link>` for a Framework config's `head`: an SVG coin marked "t", inline as a data:
 * URL, so that no page requests /favicon.ico (which a static host answers with a 404 in the browser's console). This
 * repository's observablehq.config.ts and the project `token-ledger new` makes both put it first in `head`.
 */
export const FAVICON_LINK =
  '<link rel="icon" type="image/svg+xml" href="data:image/svg+xml,' +
  "%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Ccircle cx='16' cy='16' r='15' fill='%23e8a33d'/%3E" +
  "%3Ctext x='16' y='22.5' font-size='19' font-weight='700' text-anchor='middle' font-family='sans-serif' fill='%23222'%3Et" +
  '%3C/text%3E%3C/svg%3E">';
