import {openTableFile} from "./src/node/tableFileWriter.js";
const n = 1_000_000, block = 65536;
const u = new Float64Array(n), e = new Float64Array(n), c = new Float64Array(n);
for (let i = 0; i < n; i++) { u[i] = 0.3 + 0.6 * Math.floor(i / 1000) / 999; e[i] = 0.04 + 0.08 * (i % 1000) / 999; c[i] = 1 / u[i] + e[i] * 3.7 + Math.sin(i) * 1e-3; }
for (let r = 0; r < 7; r++) {
  const t = performance.now();
  const w = openTableFile("/tmp/pq.parquet", ".parquet", {columns: ["u", "e", "c"], requiredColumns: ["u", "e"]});
  for (let s = 0; s < n; s += block) {
    const rows = Math.min(block, n - s);
    w.append(rows, {u: u.subarray(s, s + rows), e: e.subarray(s, s + rows), c: c.subarray(s, s + rows)});
  }
  w.finish();
  console.log((performance.now() - t).toFixed(0), "ms");
}
