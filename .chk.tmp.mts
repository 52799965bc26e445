import {readFileSync} from "node:fs";
import {csvParse} from "d3-dsv";
const m = csvParse(readFileSync("data/models.csv","utf8"));
const r = csvParse(readFileSync("data/training-runs.csv","utf8"));
for (const row of r) { const mm = m.find(x=>x.id===row.model); console.log(row.id, row.model, row.tokens_t, mm?.training_tokens_t); }
