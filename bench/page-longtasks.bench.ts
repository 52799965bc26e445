// Main-thread long tasks (> 50 ms, the browser's Long Tasks API) while a scenario page's slider moves 20 times, 300 ms
// apart, in chromium on a built site. Run: `npm run build && npx tsx bench/page-longtasks.bench.ts [DIST...]`; given
// several built sites (e.g. this branch's dist/ and an older build), it measures them one after the other in this run,
// so that each sees the same machine load. Before issue #17 the page's Monte Carlo ran on the main thread; now it runs
// in a Web Worker and the main thread only redraws the charts and tables, one per animation frame (frameTurn.ts).
// The same bound is asserted by test/browser/scenarioLongTasks.test.ts (a mouse drag through 20 values).
import {launchBrowser} from "../test/browser/browser.js";
import {serveSite} from "../src/node/site/serve.js";

const MOVES = 20;
const GAP_MS = 300;
const dists = process.argv.slice(2).length ? process.argv.slice(2) : ["dist"];

const browser = await launchBrowser();
console.log(`long tasks on /scenarios/asic-9-months, ${MOVES} slider moves ${GAP_MS} ms apart (chromium, headless)\n`);
console.log(
  "site".padEnd(40) + "tasks".padStart(7) + "median ms".padStart(11) + "max ms".padStart(9) + "sum ms".padStart(9)
);
try {
  for (const dist of dists) {
    const server = await serveSite(dist);
    const page = await browser.newPage();
    try {
      await page.goto(server.url + "/scenarios/asic-9-months", {waitUntil: "load"});
      await page.waitForTimeout(3000);
      // A string, so that the bundler's helpers (tsx names functions with __name) do not leak into the page.
      const tasks = (await page.evaluate(`new Promise((resolve) => {
        const tasks = [];
        new PerformanceObserver((list) => { for (const e of list.getEntries()) tasks.push(e.duration); }).observe({type: "longtask"});
        const input = document.querySelector('.scenario-control[data-key="serving.utilization"] input[type=range]');
        const min = Number(input.min), max = Number(input.max);
        let i = 0;
        const move = () => {
          input.value = String(min + ((max - min) * i) / ${MOVES});
          input.dispatchEvent(new Event("input", {bubbles: true}));
          if (++i < ${MOVES}) setTimeout(move, ${GAP_MS}); else setTimeout(() => resolve(tasks), 1500);
        };
        move();
      })`)) as number[];
      const sorted = [...tasks].sort((a, b) => a - b);
      const sum = tasks.reduce((a, b) => a + b, 0);
      console.log(
        dist.padEnd(40) +
          String(tasks.length).padStart(7) +
          (sorted[sorted.length >> 1] ?? 0).toFixed(0).padStart(11) +
          (sorted.at(-1) ?? 0).toFixed(0).padStart(9) +
          sum.toFixed(0).padStart(9)
      );
    } finally {
      await page.close();
      await server.close();
    }
  }
} finally {
  await browser.close();
}
