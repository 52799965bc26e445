// Renders the favicon's SVG (src/node/favicon.ts, FAVICON_SVG) to a 64 × 64 PNG in Debian's chromium and prints it as
// the FAVICON_PNG_BASE64 constant to paste into src/node/favicon.ts. Run: `npx tsx scripts/favicon-png.ts`.
import {chromium} from "playwright-core";
import {FAVICON_SVG} from "../src/node/favicon.js";
import {CHROMIUM_ARGS, DEFAULT_CHROMIUM} from "../src/node/site/pdf.js";

const SIZE_PX = 64;
const browser = await chromium.launch({executablePath: DEFAULT_CHROMIUM, args: [...CHROMIUM_ARGS]});
try {
  const page = await browser.newPage({viewport: {width: SIZE_PX, height: SIZE_PX}});
  const src = `data:image/svg+xml;base64,${Buffer.from(FAVICON_SVG).toString("base64")}`;
  await page.setContent(`<body style="margin:0"><img src="${src}" width="${SIZE_PX}" height="${SIZE_PX}"></body>`);
  await page.locator("img").evaluate((img: HTMLImageElement) => img.decode());
  const png = await page.screenshot({omitBackground: true, clip: {x: 0, y: 0, width: SIZE_PX, height: SIZE_PX}});
  const base64 = png.toString("base64");
  const chunks = base64.match(/.{1,100}/g)!;
  console.log("export const FAVICON_PNG_BASE64 =");
  console.log(chunks.map((chunk, i) => `  "${chunk}"${i < chunks.length - 1 ? " +" : ";"}`).join("\n"));
} finally {
  await browser.close();
}
