/** The favicon's design: a coin marked "t" (scripts/favicon-png.ts renders it to FAVICON_PNG_BASE64). */
export const FAVICON_SVG =
  "<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'><circle cx='16' cy='16' r='15' fill='#e8a33d'/>" +
  "<text x='16' y='22.5' font-size='19' font-weight='700' text-anchor='middle' font-family='sans-serif' fill='#222'>t" +
  "</text></svg>";

/**
 * FAVICON_SVG rendered at 64 × 64 px on a transparent background by Debian's chromium, as a base64 PNG; regenerate it
 * with `npx tsx scripts/favicon-png.ts` after changing the SVG (test/browser/favicon.test.ts compares the two). A PNG,
 * not the SVG: chromium downloads a page's icon again each time the address changes, and a scenario page rewrites its
 * address (the share link) as a slider is dragged; an SVG icon is parsed into a document of its own each time, 5–20 ms
 * of the page's main thread per write, where a PNG decodes in well under a millisecond (issue #17's long tasks).
 */
export const FAVICON_PNG_BASE64 =
  "iVBORw0KGgoAAAANSUhEUgAAAEAAAABACAYAAACqaXHeAAAF0klEQVR4nOyba2wUVRTH/2dml61EQbSPoR+ERKzySTAYwLYGjUaE" +
  "ICQKSqDbEDEkxG+aCIIYQUNITPjiF1CEtlQl8VE00GokENulkkDwQTASJRCBbreI9CGU7uwczyy0Oy2z7XbZuw/WX7KZmXNnZuf8" +
  "5z7mnnuvhjxHQ57jQRoI1lQuBGEmiA2AihkoBlh+9jZKSOwhim45BKYgGEeM6ua9UAxBAZfrKyZcY5pvMS8k0Fwx3Ynk6GFwkwZu" +
  "8Gm0/+5lLf8gxaRUgFDN7OkR8mwmwjNQgC2Gh/mtIn/gKFJESgQI1c2eEoG+WW72vNxSSa6KwQI+9zDWF1W3nMItcksPe6mm/L4+" +
  "ovXi8wqkqT5xYIoYH+sefqdoaeACkiRpAdrqKucT+BO5xThkFO6SX5VRFfgaSZBUM9heW7lBnP8m887b2M9ADcHainVIglHlAN45" +
  "p6Bdj+ySq15EdlJf4jNfoSWtVxO9IGEBQjsfNSyPr0kueRhZjFSQxz2E+UVVzW2JnJ9QEbDfvDjfmO3O20gbNN1k7LOfOZHzExIg" +
  "qJu1cutpyBFsEaJFNQFGFCC4u3wNES1GriH1lP3sI582DKHdlS9YFu8RSXOz08RsaVIfFFe1NMU7Ja4AHTvK7zK99Ke8/SLkNNzu" +
  "pXDZvcuPdLmlxn2zkTG0Lvedt6GSMHvfjJvqZrQ/ca+RdkoqEx9uA6Rp7CVEJhn+w6Ghaa454JqmbbxdnLcRXwpA2kbXtKGGi7WP" +
  "TzWJf5VdHQrZfqATu37oie6Pv4PQuKYUiomAI9MkF5xwGm/KAWHwVih23ubQyV6kGZ2hvz/UOEgAu+aXsNUTUMzp9j6cuWgi7Yhv" +
  "f++eOagDN0iAiFeTLi6NgWIO/pb2tx/F9i1sjZnntA0tAouQBg6dTLizlnKYMNd5PDiKQ/ysojgpVm4P4eT5sGta51XGY2+fHzie" +
  "eb8PW/2FUIHEMZ52Hg/kAPlunpUdAQ7VUOl1X68TKwIWZiFfcPgaKwJEk6GQBY+MxawpFtoum2j8eXAd4JOnWCYNUD+l9yhuhYmM" +
  "/t2YACxGhQHthTOuj40cO917kwAFXsLKJ9NX+hgxAbSYkQ3kC8yT+3cdRQD5I4DDV0/MRnkjALkVgXzFWQcEkSc4fdUc1rwRwOmr" +
  "sw7IGwGcvsZyAOVPEXD6+r8AAztMPyFDhCNIK05fBwQounL1gGw6oRi3+SNX+hiXetIVIeKuG75GGRCAVh2TcCCaoJjCu9w7OjsO" +
  "9kBGoaAcpsaorzcYOq2lQX5Kx/5LJ7jPpPnq6L/4/sQVTCnxorvXQu3qEiiiwXkw6EvQq/Xtl4+EPijEoxPmTHUfue7ulcH9s30I" +
  "dqqpFGzf9LC1z2kbJEB0/IzpIBSz6qlx0gVG+hHfil4OdDtNN+VHGUJ6XULoSub59TOp0Iu61cX44Lsu/H6hDxe7LYwfq6F4vI4y" +
  "w4vpkxUNSnms14aaXEMgwdrKz7J4HlByMPYY/uaXhppde4PsDdsTC9LcOqvDHhz16ZE33NJcBZi49MczctlHuE0g4m0Tlh0+65YW" +
  "Px7A1gZbOeQ83MU+ei9ealwB7LF0gvUqchxiXjFxSXNHvPRhI0KGP7BDFNyCnIW3lPgDXw53xoiBcCkGFKyr2JNrM8Xko/oLY3nz" +
  "Yul7DPt9PWJM0L6BEfH45ZYZ6y2OGsYvhqkvH8l5m4SCorTiUK+XwgskN/yFLEc8Pudhc579zImcn3BUWD6TzxkF5oOyW4/spd7w" +
  "mWWF1a3nE70gqcGw6NR0wib1q0MSRfImY4Phb3kXoyRpB4J15c8x06dSOY5FRsnAggkb+w89Xn5A/nwbostX0o4pL/5DHfRQss7b" +
  "pCQLd9RUlEU0u0hgcVoWTUkTpyOytriq9Q/cIil92I7a8hkm0aYbawVTjnj+rc7m2uLq1uNIEeoWTlo8zwItSsnCSaK9PuJ9Wb9w" +
  "Mh6jXjoLbpO3HZjoD+yHYrKkGcsceT88/h8AAAD//wFNaBkAAAAGSURBVAMAlez/7z+VUacAAAAASUVORK5CYII=";

/**
 * The report site's favicon as a `<link>` for a Framework config's `head`: the coin, inline as a base64 data: URL, so
 * that no page requests /favicon.ico (which a static host answers with a 404 in the browser's console). Base64, because
 * Framework re-encodes a `%` in the head's URLs (`%23` became `%2523`, an invalid colour: the coin drew black). This
 * repository's observablehq.config.ts and the project `token-ledger new` makes both put it first in `head`.
 */
export const FAVICON_LINK = `<link rel="icon" type="image/png" sizes="64x64" href="data:image/png;base64,${FAVICON_PNG_BASE64}">`;
