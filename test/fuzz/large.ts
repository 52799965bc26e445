// The large run of the fuzz suite (issue 18): `npm run fuzz` (default 10,000 cases of each kind; `-- --cases N`,
// `--seed S`, `--kinds scenario,cli,catalog,share`). Each kind runs in a child process that reports every case; a
// case that gives no answer within HANG_LIMIT_MS is a hang: the child is killed and restarted after it. Case i of a
// kind is fast-check's first sample at seed + i, so any case reruns alone (`--from i --cases 1`). Prints, per kind:
// tries, located errors, valid results, crashes, hangs, non-finite outputs, misplaced locations, leftover files, and
// the first few cases that broke a promise. Exit code 1 when any case broke one.
import {fork, type ChildProcess} from "node:child_process";
import {mkdtempSync, rmSync} from "node:fs";
import {tmpdir} from "node:os";
import {join} from "node:path";
import {fileURLToPath} from "node:url";
import fc from "fast-check";

type Kind = "scenario" | "cli" | "catalog" | "share";
const KINDS: Kind[] = ["scenario", "cli", "catalog", "share"];

/** A case silent for this long (ms) is a hang. */
const HANG_LIMIT_MS = 60_000;

interface Report {
  i: number;
  outcome: string;
  detail?: string;
  ms: number;
}

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

async function child(kind: Kind, from: number, to: number, seed: number): Promise<void> {
  const cases = await import("./cases.js");
  const checks = await import("./checks.js");
  const outDir = mkdtempSync(join(tmpdir(), "token-ledger-fuzz-cli-"));
  const arbitrary = {
    scenario: cases.scenarioCase,
    cli: cases.argvCase,
    catalog: cases.catalogCase,
    share: cases.shareCase
  }[kind] as fc.Arbitrary<unknown>;
  for (let i = from; i < to; i++) {
    const [value] = fc.sample(arbitrary, {seed: seed + i, numRuns: 1});
    const started = performance.now();
    let result;
    try {
      result =
        kind === "scenario"
          ? checks.checkScenarioCase(value as never)
          : kind === "cli"
            ? await checks.checkCliCase(value as string[], outDir)
            : kind === "catalog"
              ? checks.checkCatalogCase(value as never)
              : checks.checkShareCase(value as never);
    } catch (error) {
      result = {outcome: "crash", detail: `checker threw: ${error instanceof Error ? error.stack : String(error)}`};
    }
    const ms = performance.now() - started;
    if (ms > checks.HANG_MS && (result.outcome === "valid" || result.outcome === "located")) {
      result = {outcome: "hang", detail: `${Math.round(ms)} ms`};
    }
    const detail =
      result.outcome === "valid" || result.outcome === "located"
        ? undefined
        : `${JSON.stringify(value)?.slice(0, 600)} → ${result.detail}`;
    process.send!({i, outcome: result.outcome, detail, ms} satisfies Report);
  }
  rmSync(outDir, {recursive: true, force: true});
  process.send!({i: -1, outcome: "done", ms: 0});
}

async function runKind(kind: Kind, from: number, count: number, seed: number) {
  const counts = new Map<string, number>();
  const examples: string[] = [];
  let next = from;
  const end = from + count;
  const started = performance.now();
  while (next < end) {
    await new Promise<void>((resolve) => {
      const worker: ChildProcess = fork(
        fileURLToPath(import.meta.url),
        ["--child", kind, String(next), String(end), String(seed)],
        {
          stdio: ["ignore", "ignore", "inherit", "ipc"]
        }
      );
      let last = performance.now();
      const watchdog = setInterval(() => {
        if (performance.now() - last > HANG_LIMIT_MS) {
          counts.set("hang", (counts.get("hang") ?? 0) + 1);
          examples.push(`${kind} case ${next}: hang (no answer in ${HANG_LIMIT_MS} ms)`);
          next++;
          worker.kill("SIGKILL");
        }
      }, 1000);
      worker.on("message", (report: Report) => {
        last = performance.now();
        if (report.outcome === "done") return;
        next = report.i + 1;
        counts.set(report.outcome, (counts.get(report.outcome) ?? 0) + 1);
        if (report.detail && examples.length < 5)
          examples.push(`${kind} case ${report.i}: ${report.outcome}: ${report.detail}`);
        if (next % 1000 === 0) process.stderr.write(`${kind}: ${next - from}/${count}\n`);
      });
      worker.on("exit", (code) => {
        clearInterval(watchdog);
        if (code !== 0 && code !== null && next < end) {
          counts.set("crash", (counts.get("crash") ?? 0) + 1);
          examples.push(`${kind} case ${next}: the child exited with code ${code}`);
          next++;
        }
        resolve();
      });
    });
  }
  return {kind, counts, examples, seconds: (performance.now() - started) / 1000};
}

async function main(): Promise<void> {
  if (process.argv[2] === "--child") {
    await child(process.argv[3] as Kind, Number(process.argv[4]), Number(process.argv[5]), Number(process.argv[6]));
    return;
  }
  const count = Number(option("cases", "10000"));
  const seed = Number(option("seed", "18"));
  const from = Number(option("from", "0"));
  const kinds = option("kinds", KINDS.join(",")).split(",") as Kind[];
  const results = [];
  for (const kind of kinds) results.push(await runKind(kind, from, count, seed));
  const columns = [
    "tries",
    "located errors",
    "valid results",
    "crashes",
    "hangs",
    "non-finite",
    "misplaced",
    "leftovers"
  ];
  const outcomes = ["located", "valid", "crash", "hang", "nonFinite", "misplaced", "leftover"];
  console.log(`fuzz: seed ${seed}, cases ${from}..${from + count - 1} of each kind`);
  console.log(["kind", ...columns, "seconds"].join("\t"));
  let broken = 0;
  for (const {kind, counts, seconds} of results) {
    const tries = [...counts.values()].reduce((a, b) => a + b, 0);
    const row = outcomes.map((o) => counts.get(o) ?? 0);
    broken += row.slice(2).reduce((a, b) => a + b, 0);
    console.log([kind, tries, ...row, seconds.toFixed(0)].join("\t"));
  }
  for (const {examples} of results) for (const example of examples) console.log(example);
  process.exitCode = broken ? 1 : 0;
}

await main();
