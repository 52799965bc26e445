import {QuantileSketch} from "./src/uncertainty/quantileSketch.js";
const S = 250, N = 40000;
// values[step][sample]: lognormal sigma 0.5 around a step-specific centre
const vals = Array.from({length: S}, (_, k) => { const a = new Float64Array(N); for (let i = 0; i < N; i++) { const z = Math.sqrt(-2*Math.log(Math.random()))*Math.cos(2*Math.PI*Math.random()); a[i] = Math.exp(10 + k*0.05 + 0.5*z); } return a; });
for (let rep = 0; rep < 2; rep++) {
let sks = Array.from({length: S}, () => new QuantileSketch(5e-4)); let t = performance.now();
for (let i = 0; i < N; i++) for (let k = 0; k < S; k++) sks[k]!.add(vals[k]![i]!);
console.log("sample-major", ((performance.now() - t) / (S*N) * 1e6).toFixed(1), "ns");
sks = Array.from({length: S}, () => new QuantileSketch(5e-4)); t = performance.now();
for (let k = 0; k < S; k++) { const sk = sks[k]!, v = vals[k]!; for (let i = 0; i < N; i++) sk.add(v[i]!); }
console.log("step-major", ((performance.now() - t) / (S*N) * 1e6).toFixed(1), "ns");
}
