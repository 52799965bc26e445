import {readFileSync} from "node:fs";
const p = JSON.parse(readFileSync(process.argv[2], "utf8"));
const self = new Map(); const dt = p.timeDeltas; const byId = new Map(p.nodes.map(n=>[n.id,n]));
const counts = new Map(); p.samples.forEach((s,i)=>counts.set(s,(counts.get(s)??0)+(dt[i]??0)));
for (const [id,t] of counts){const n=byId.get(id); const k=`${n.callFrame.functionName||"(anon)"} ${n.callFrame.url.split("/").slice(-2).join("/")}:${n.callFrame.lineNumber}`; self.set(k,(self.get(k)??0)+t);}
[...self].sort((a,b)=>b[1]-a[1]).slice(0,Number(process.argv[3]??25)).forEach(([k,t])=>console.log((t/1000).toFixed(1).padStart(8),k));
