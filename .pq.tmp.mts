import {ByteWriter, ParquetWriter, schemaFromColumnData} from "hyparquet-writer";
const N = 1_000_000, B = 16384;
const cols = ["u","e","c"];
const data: Record<string, Float64Array> = {u: new Float64Array(N), e: new Float64Array(N), c: new Float64Array(N)};
for (let i=0;i<N;i++){data.u[i]=0.3+0.6*Math.floor(i/1000)/999; data.e[i]=0.04+0.08*(i%1000)/999; data.c[i]=1+data.u[i]*data.e[i]*3.7;}
function run(codec: string, encoding: string) {
  const writer = new ByteWriter(); let bytes=0;
  const schema = schemaFromColumnData({columnData: cols.map(name=>({name,data:[],type:"DOUBLE" as const,nullable:false}))});
  const pw = new ParquetWriter({writer, schema, codec: codec as any});
  const t=performance.now();
  for (let s=0;s<N;s+=B){ const r=Math.min(B,N-s);
    void pw.write({columnData: cols.map(name=>({name,data:data[name]!.subarray(s,s+r),encoding: encoding as any})), rowGroupSize:r, pageSize:0});
    bytes+=writer.index; writer.index=0;}
  void pw.finish(); bytes+=writer.index;
  return [(performance.now()-t).toFixed(0)+" ms", (bytes/1e6).toFixed(1)+" MB"];
}
for (let k=0;k<3;k++) for (const [c,e] of [["SNAPPY","PLAIN"],["UNCOMPRESSED","PLAIN"],["SNAPPY","BYTE_STREAM_SPLIT"],["UNCOMPRESSED","BYTE_STREAM_SPLIT"]]) console.log(k,c,e,...run(c,e));
