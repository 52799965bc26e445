// Start-up of the command line, against `node -e 0` measured in the same run: `token-ledger --help` and
// `token-ledger run base --json`, with the compiled CLI (dist-lib/, what an installed package runs) and with tsx
// compiling src/ on the fly (TOKEN_LEDGER_TSX=1, what this repository falls back to while dist-lib/ is stale).
// Other checkouts given as arguments (e.g. an older commit's tree with node_modules linked) are measured in the same
// rounds, so each sees the same machine load. Run: `npm run build:lib && npx tsx bench/cli-start.bench.ts [CHECKOUT...]`.
import {spawnSync} from "node:child_process";
import {existsSync} from "node:fs";
import {join, resolve} from "node:path";

const ROUNDS = Number(process.env.ROUNDS ?? 9);
const here = resolve(import.meta.dirname, "..");
const others = process.argv.slice(2).map((dir) => resolve(dir));

interface Case {
  label: string;
  args: string[];
  env?: Record<string, string>;
  cwd?: string;
}

const cases: Case[] = [{label: "node -e 0", args: ["-e", "0"]}];
const cli = (dir: string, label: string, env?: Record<string, string>) => {
  const bin = join(dir, "bin/token-ledger.js");
  cases.push({label: `${label} --help`, args: [bin, "--help"], cwd: dir, ...(env ? {env} : {})});
  cases.push({
    label: `${label} run base --json`,
    args: [bin, "run", "base", "--json"],
    cwd: dir,
    ...(env ? {env} : {})
  });
};
if (!existsSync(join(here, "dist-lib/.stamp"))) console.warn("dist-lib/ is missing: run `npm run build:lib` first");
cli(here, "compiled");
cli(here, "tsx", {TOKEN_LEDGER_TSX: "1"});
for (const dir of others) cli(dir, dir.split("/").pop()!);

/** Wall-clock milliseconds of one run of `node args`, which must exit 0. */
function time({args, env, cwd}: Case): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, {cwd: cwd ?? here, env: {...process.env, ...env}, stdio: "ignore"});
  const ms = performance.now() - started;
  if (result.status !== 0) throw new Error(`node ${args.join(" ")} exited ${result.status}`);
  return ms;
}

const samples = cases.map(() => [] as number[]);
for (const c of cases) time(c); // warm the file cache
for (let round = 0; round < ROUNDS; round++) cases.forEach((c, i) => samples[i]!.push(time(c)));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const nodeMs = median(samples[0]!);
console.log(`CLI start-up, median of ${ROUNDS} runs each, interleaved (wall clock, ms)\n`);
console.log("case".padEnd(44) + "median".padStart(9) + "min".padStart(9) + "× node -e 0".padStart(13));
cases.forEach((c, i) => {
  const ms = median(samples[i]!);
  console.log(
    c.label.padEnd(44) +
      ms.toFixed(0).padStart(9) +
      Math.min(...samples[i]!)
        .toFixed(0)
        .padStart(9) +
      (ms / nodeMs).toFixed(1).padStart(13)
  );
});
