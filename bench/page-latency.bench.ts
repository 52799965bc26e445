// Time from a control's input event to the last dependent chart (a .card) updated, measured inside a real browser (Debian's
// chromium via playwright-core) on the built site. Run: `npm run build && npx tsx bench/page-latency.bench.ts`.
// For each page and setting it moves one slider N times; in the page, a MutationObserver records the time of the last
// change inside a chart card after the input event, and the bench
// prints the median and p95 in milliseconds and in 60 Hz frames (16.7 ms). The runtime recomputes in the animation
// frame after the input, so the latency is the wait for that frame (0–16.7 ms) plus the work done in it; "work" is the
// second part alone (from the frame's start to the last change). Work under one frame means every move is on screen
// within two frames, whenever in the frame it happens. Arguments, if any, keep only the cases whose
// label contains one of them: `npx tsx bench/page-latency.bench.ts "10,000"`. "first" is the time to the first change
// inside a card (the first chart redrawn): on a scenario page the charts of the median point are drawn at once and
// the Monte Carlo's cards and bands follow from a Web Worker, so "median"/"p95" there measure when the bands settle.
// Arguments naming a directory are built sites to measure instead of dist/, one after the other in this run (so each
// sees the same machine load): `npx tsx bench/page-latency.bench.ts tmp/dist-before dist "scenario page"`. "chart" is
// the time to the first chart (an svg) put into a card. "seen" is the last change in a card on screen: the cards below
// the fold wait until the slider has been still for 300 ms (docs/components/nearViewport.ts), so on a scenario page
// "median" includes that wait and "seen" is what a reader looking at the page waits for (its first measurement of a
// card's box forces a layout, a small cost inside the measured time). "1st seen" is "seen" for the first move alone, made
// after the page has loaded and been idle for at least 500 ms: what a reader's first touch of a slider waits for.
import {existsSync} from "node:fs";
import {execFileSync} from "node:child_process";
import {closePage, launchBrowser, openPage} from "../test/browser/browser.js";
import {serveSite} from "../src/node/site/serve.js";

const MOVES = 20;
const FRAME_MS = 1000 / 60;

interface Case {
  label: string;
  path: string;
  /** data-testid of the range control to move, and the values to alternate between. */
  control: string;
  values: [number, number];
  /** Inputs to set first (data-testid → text), e.g. the sample count. */
  setup?: Record<string, string>;
  /**
   * An element to scroll into view first: a scenario page redraws only the charts in view (nearViewport.ts), so the
   * reader is looking at its first chart while moving the slider.
   */
  scrollTo?: string;
}

const CASES: Case[] = [
  {
    label: "custom silicon, 1,000 samples",
    path: "/custom-silicon",
    control: "control-cycle",
    values: [12, 18],
    setup: {"control-samples": "1000"}
  },
  {
    label: "custom silicon, 10,000 samples",
    path: "/custom-silicon",
    control: "control-cycle",
    values: [12, 18],
    setup: {"control-samples": "10000"}
  },
  ...(["1000", "10000"] as const).flatMap((samples): Case[] => [
    {
      label: `moat, ${Number(samples).toLocaleString("en-US")} samples`,
      path: "/moat",
      control: "control-advantage",
      values: [30, 50],
      setup: {"control-samples": samples}
    },
    {
      label: `flywheel, ${Number(samples).toLocaleString("en-US")} samples`,
      path: "/flywheel",
      control: "control-shortening",
      values: [2, 4],
      setup: {"control-samples": samples}
    }
  ]),
  {label: "token economics", path: "/token-economics", control: "control-utilization", values: [50, 70]},
  {label: "training vs inference", path: "/training-vs-inference", control: "control-agents", values: [2, 5]},
  {
    label: "scenario page asic-9-months (1,000-sample re-run)",
    path: "/scenarios/asic-9-months",
    control: "control-serving.utilization",
    values: [50, 70],
    scrollTo: "[data-chart]"
  }
];

function percentile(sorted: number[], p: number): number {
  const i = (sorted.length - 1) * p;
  const lo = Math.floor(i);
  return sorted[lo]! + (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!) * (i - lo);
}

const args = process.argv.slice(2);
const dists = args.filter((arg) => existsSync(`${arg}/index.html`));
const filters = args.filter((arg) => !dists.includes(arg));
if (dists.length === 0) {
  if (!existsSync("dist/index.html")) execFileSync("npm", ["run", "build"], {stdio: "inherit"});
  dists.push("dist");
}
const browser = await launchBrowser();
console.log(
  `page latency: input event → first and last DOM change in a card, ${MOVES} moves each (chromium, headless)\n`
);
console.log(
  "page".padEnd(52) +
    "median ms".padStart(10) +
    "p95 ms".padStart(9) +
    "median frames".padStart(15) +
    "p95 frames".padStart(12) +
    "work median".padStart(13) +
    "work p95".padStart(10) +
    "first median".padStart(13) +
    "first p95".padStart(11) +
    "chart median".padStart(13) +
    "chart p95".padStart(11) +
    "seen median".padStart(13) +
    "seen p95".padStart(10) +
    "1st seen".padStart(10)
);
try {
  for (const [dist, c] of CASES.filter((c) => filters.length === 0 || filters.some((f) => c.label.includes(f))).flatMap(
    (c) => dists.map((dist) => [dist, c] as const)
  )) {
    const server = await serveSite(dist);
    const label = dists.length > 1 ? `${c.label} [${dist}]` : c.label;
    const page = await openPage(browser, c.path, {baseUrl: server.url, viewport: {width: 1280, height: 900}});
    try {
      const selector = `[data-testid="${c.control}"] input[type=range], input[type=range][data-testid="${c.control}"], [data-key="${c.control.replace("control-", "")}"] input[type=range]`;
      if (!(await page.$(selector))) {
        console.log(`${label.padEnd(52)} (control ${c.control} not found; skipped)`);
        continue;
      }
      for (const [testid, value] of Object.entries(c.setup ?? {})) {
        await page.evaluate(`(() => {
          const input = document.querySelector(${JSON.stringify(`[data-testid="${testid}"] input`)});
          input.value = ${JSON.stringify(value)};
          input.dispatchEvent(new Event("input", {bubbles: true}));
        })()`);
        await page.waitForTimeout(500);
      }
      if (c.scrollTo) {
        await page.locator(c.scrollTo).first().scrollIntoViewIfNeeded();
        await page.waitForTimeout(500);
      }
      const times: number[] = [];
      const works: number[] = [];
      const firsts: number[] = [];
      const charts: number[] = [];
      const seens: number[] = [];
      for (let i = 0; i < MOVES; i++) {
        const value = c.values[i % 2]!;
        // A string, so that the bundler's helpers (tsx names functions with __name) do not leak into the page.
        const {ms, first, work, chart, seen} = (await page.evaluate(`new Promise((resolve) => {
          const input = document.querySelector(${JSON.stringify(selector)});
          const root = document.querySelector("main") ?? document.body;
          let last = 0;
          let first = 0;
          let firstChart = 0;
          const addsChart = (r) => [...r.addedNodes].some((n) => n.nodeType === 1 && (n.matches("svg, figure") || !!n.querySelector("svg")) && !!(n.closest(".card") || n.querySelector(".card") || inChart(r.target)));
          // A change inside a card, or a card (or something holding one) added: cells that display a whole grid of
          // cards replace it, and the mutation's target is then the cell's root, outside any card.
          const inChart = (node) => { const el = node.nodeType === 1 ? node : node.parentElement; return !!(el && el.closest(".card")); };
          const holdsCard = (node) => node.nodeType === 1 && (node.matches(".card") || !!node.querySelector(".card"));
          // A card on screen (its box measured once a move): the cards below the fold are redrawn only once the slider
          // has been still for 300 ms (nearViewport.ts), so "last" includes that wait and "seen" does not.
          const onScreen = new Map();
          const seenCard = (node) => {
            const el = node.nodeType === 1 ? node : node.parentElement;
            const card = el && (el.closest(".card") ?? (holdsCard(el) ? el : null));
            if (!card) return false;
            if (!onScreen.has(card)) { const box = card.getBoundingClientRect(); onScreen.set(card, box.bottom > 0 && box.top < innerHeight); }
            return onScreen.get(card);
          };
          let lastSeen = 0;
          const observer = new MutationObserver((records) => {
            if (records.some((r) => inChart(r.target) || [...r.addedNodes].some(holdsCard))) {
              last = performance.now();
              if (records.some((r) => seenCard(r.target) || [...r.addedNodes].some((n) => holdsCard(n) && seenCard(n)))) lastSeen = last;
              if (first === 0) first = last;
              if (firstChart === 0 && records.some(addsChart)) firstChart = last;
            }
          });
          observer.observe(root, {subtree: true, childList: true, characterData: true, attributes: true});
          // The runtime recomputes in the next animation frame; a callback asked for just before the input runs first in
          // that frame, when its work starts.
          let frameStart = NaN;
          requestAnimationFrame(() => { frameStart = performance.now(); });
          const start = performance.now();
          input.value = ${JSON.stringify(String(value))};
          input.dispatchEvent(new Event("input", {bubbles: true}));
          const done = () => { observer.disconnect(); resolve({ms: last === 0 ? NaN : last - start, first: first === 0 ? NaN : first - start, work: last - frameStart, chart: firstChart === 0 ? NaN : firstChart - start, seen: lastSeen === 0 ? NaN : lastSeen - start}); };
          // Settle: no further change for 300 ms, then report when the last change happened.
          const check = () => {
            if ((last !== 0 && performance.now() - last > 300) || performance.now() - start > 5000) done();
            else setTimeout(check, 50);
          };
          setTimeout(check, 50);
        })`)) as {ms: number; first: number; work: number; chart: number; seen: number};
        times.push(ms);
        firsts.push(first);
        charts.push(chart);
        works.push(work);
        seens.push(seen);
      }
      const sorted = times.filter(Number.isFinite).sort((a, b) => a - b);
      const median = percentile(sorted, 0.5);
      const p95 = percentile(sorted, 0.95);
      const sortedWork = works.filter(Number.isFinite).sort((a, b) => a - b);
      const sortedFirst = firsts.filter(Number.isFinite).sort((a, b) => a - b);
      const sortedChart = charts.filter(Number.isFinite).sort((a, b) => a - b);
      const sortedSeen = seens.filter(Number.isFinite).sort((a, b) => a - b);
      console.log(
        label.padEnd(52) +
          median.toFixed(1).padStart(10) +
          p95.toFixed(1).padStart(9) +
          (median / FRAME_MS).toFixed(2).padStart(15) +
          (p95 / FRAME_MS).toFixed(2).padStart(12) +
          percentile(sortedWork, 0.5).toFixed(1).padStart(13) +
          percentile(sortedWork, 0.95).toFixed(1).padStart(10) +
          percentile(sortedFirst, 0.5).toFixed(1).padStart(13) +
          percentile(sortedFirst, 0.95).toFixed(1).padStart(11) +
          percentile(sortedChart, 0.5).toFixed(1).padStart(13) +
          percentile(sortedChart, 0.95).toFixed(1).padStart(11) +
          percentile(sortedSeen, 0.5).toFixed(1).padStart(13) +
          percentile(sortedSeen, 0.95).toFixed(1).padStart(10) +
          (seens[0] ?? NaN).toFixed(1).padStart(10)
      );
    } finally {
      await closePage(page);
      await server.close();
    }
  }
} finally {
  await browser.close();
}
