import {readFileSync} from "node:fs";
import {describe, expect, it} from "vitest";
import {UserErrors} from "../../src/errors/userError.js";
import {MODEL_COLUMNS, parseModelsCsv} from "../../src/catalog/parseModelsCsv.js";
import type {ModelArchitecture} from "../../src/catalog/model.js";
import {cellColumn} from "./cellColumn.js";
import {DEEPSEEK_V3_TRAINING, GPT3_175B_TRAINING, LLAMA31_405B_TRAINING} from "../fixtures/published.js";

const FILE = "data/models.csv";
const text = readFileSync(new URL("../../data/models.csv", import.meta.url), "utf8");
const HEADER = MODEL_COLUMNS.join(",");
const GOOD_ROW = "tiny,Tiny,1,1,2,64,4,2,16,,,1,1,256,false,512,0.1,Paper,https://arxiv.org/abs/0000.00000,";

function errorsOf(fn: () => unknown): UserErrors["errors"] {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(UserErrors);
    return (error as UserErrors).errors;
  }
  throw new Error("expected UserErrors, nothing was thrown");
}

/** KV-cache bytes per token at `bytesPerElement` (facts.md §6: 2 × layers × kv_heads × head_dim, or MLA). */
function kvBytesPerToken(m: ModelArchitecture, bytesPerElement = 2): number {
  const perLayer = m.mlaKvDim ?? 2 * m.kvHeads * m.headDim;
  return m.layers * perLayer * bytesPerElement;
}

describe("parseModelsCsv on data/models.csv", () => {
  const models = parseModelsCsv(text, {file: FILE});
  const byId = new Map(models.map((m) => [m.id, m]));

  // The bundled catalog with its header line deleted was 38 errors, a missing column and an unexpected one per cell
  // of its first row, none saying the header was gone (breaker).
  it("says a file whose first line is a row is missing its header, in one error", () => {
    const headless = text.slice(text.indexOf("\n") + 1);
    expect(errorsOf(() => parseModelsCsv(headless, {file: FILE})).map((e) => e.message)).toEqual([
      `data/models.csv:1:1: no column names on the first line: expected the header ${HEADER}, found 20 cells, none ` +
        "a column name ('llama-2-7b', …) (line 1 reads as a row: put the header line above it)"
    ]);
  });

  it("refuses a name quoted over two lines (it passed and was shown on one)", () => {
    const row = GOOD_ROW.replace("tiny,Tiny,", 'tiny,"Ti\nny",');
    const errors = errorsOf(() => parseModelsCsv(`${HEADER}\n${row}`, {file: FILE}));
    // The name is the second cell, after `tiny,` (5 characters): its opening quote at 6, on the row's line 2.
    expect(errors.map((e) => e.message)).toEqual([
      'data/models.csv:2:6: name: a name over several lines: expected one line of text, found "Ti\\nny"'
    ]);
  });

  // A project's models.csv with `my-8b,"My 8B,8.03,…` read "wrong number of cells" at line 3 (tester).
  it("says a quote opened in a row and closed only by a later line's quote is unterminated, at the quote", () => {
    const open = GOOD_ROW.replace("tiny,Tiny,", 'tiny,"Tiny,');
    const next = GOOD_ROW.replace("tiny,Tiny,", "small,Small,").replace(",Paper,", ',"Paper",');
    const errors = errorsOf(() => parseModelsCsv(`${HEADER}\n${open}\n${next}`, {file: FILE}));
    expect(errors.map((e) => e.message)).toEqual([
      'data/models.csv:2:6: name: unterminated quoted cell: expected a closing " on line 2 (a quote inside a quoted ' +
        'cell is written ""), found the next quote only on line 3, so the row read 5 cells, not 20 (a cell that ' +
        "starts with a quote runs to the next lone quote)"
    ]);
  });

  it("parses every row without error", () => {
    expect(models.map((m) => m.id)).toEqual(
      expect.arrayContaining([
        "llama-2-70b",
        "llama-3.1-8b",
        "llama-3.1-70b",
        "llama-3.1-405b",
        "gpt-3-175b",
        "mixtral-8x7b",
        "deepseek-v3"
      ])
    );
  });

  // [id, params, active params, layers, hidden, heads, kv heads, training tokens]
  describe.each<[string, number, number, number, number, number, number, number | null]>([
    // Llama 2 paper (arXiv 2307.09288) + config.json: 80 layers, d 8192, 64 heads, 8 KV heads, 2T tokens.
    ["llama-2-70b", 68.98e9, 68.98e9, 80, 8192, 64, 8, 2e12],
    // Llama 3 Herd (arXiv 2407.21783) Table 3: 32 layers, 4096, 32 heads, 8 KV; model card ~15T tokens.
    ["llama-3.1-8b", 8.03e9, 8.03e9, 32, 4096, 32, 8, 15e12],
    // Table 3: 80 layers, 8192, 64 heads, 8 KV.
    ["llama-3.1-70b", 70.55e9, 70.55e9, 80, 8192, 64, 8, 15e12],
    // Table 3: 126 layers, 16384, 128 heads, 8 KV; "405B parameters on 15.6T tokens".
    ["llama-3.1-405b", 405.85e9, 405.85e9, 126, 16384, 128, 8, 15.6e12],
    // GPT-3 (arXiv 2005.14165) Table 2.1: 96 layers, d_model 12288, 96 heads; Table D.1 300B tokens.
    ["gpt-3-175b", 174.6e9, 174.6e9, 96, 12288, 96, 96, 0.3e12],
    // Mixtral (arXiv 2401.04088): 47B total, 13B active; 32 layers, 4096, 32 heads, 8 KV; tokens unpublished.
    ["mixtral-8x7b", 46.7e9, 12.88e9, 32, 4096, 32, 8, null],
    // PaLM (arXiv 2204.02311) Table 1: 118 layers, d_model 18,432, 48 heads, multi-query (1 KV head), 540.35B; 780B.
    ["palm-540b", 540.35e9, 540.35e9, 118, 18432, 48, 1, 0.78e12],
    // Gopher (arXiv 2112.11446) Table 1: 80 layers, 128 heads, d_model 16,384; 280B parameters, 300B tokens.
    ["gopher-280b", 280e9, 280e9, 80, 16384, 128, 128, 0.3e12],
    // Chinchilla (arXiv 2203.15556) Table 4: 80 layers, 64 heads, d_model 8,192; 70B, 1.4T tokens.
    ["chinchilla-70b", 70e9, 70e9, 80, 8192, 64, 64, 1.4e12],
    // OPT (arXiv 2205.01068) Table 1: 96 layers, 96 heads, d_model 12,288; 300B tokens over its 180B-token dataset
    // ("completed its training run on 300B tokens", metaseq OPT logbook).
    ["opt-175b", 175e9, 175e9, 96, 12288, 96, 96, 0.3e12],
    // BLOOM (arXiv 2211.05100): 70 layers, 112 heads, d_model 14,336; 176,247,271,424 parameters; 366B tokens.
    ["bloom-176b", 176.25e9, 176.25e9, 70, 14336, 112, 112, 0.366e12],
    // LLaMA (arXiv 2302.13971) Table 2: 65.2B, 80 layers, d_model 8,192, 64 heads; 1.4T tokens.
    ["llama-65b", 65.2e9, 65.2e9, 80, 8192, 64, 64, 1.4e12],
    // Nemotron-4 340B (arXiv 2406.11704) Table 1: 96 layers, hidden 18,432, 96 heads, 8 KV heads; 9T tokens.
    ["nemotron-4-340b", 340e9, 340e9, 96, 18432, 96, 8, 9e12],
    // Llama 4 model card: Maverick 400B total, 17B active, ~22T tokens; config 48 layers, 5,120, 40 heads, 8 KV.
    ["llama-4-maverick", 400e9, 17e9, 48, 5120, 40, 8, 22e12],
    // DeepSeek-V3 (arXiv 2412.19437): 671B total, 37B activated, 61 layers, hidden 7168, 128 heads, 14.8T tokens.
    ["deepseek-v3", 671e9, 37e9, 61, 7168, 128, 128, 14.8e12]
  ])("%s", (id, params, active, layers, hidden, heads, kvHeads, tokens) => {
    it("has the published architecture", () => {
      const m = byId.get(id)!;
      expect(m.params).toBeCloseTo(params, -6);
      expect(m.activeParams).toBeCloseTo(active, -6);
      expect([m.layers, m.hiddenSize, m.attentionHeads, m.kvHeads]).toEqual([layers, hidden, heads, kvHeads]);
      expect(m.trainingTokens).toBe(tokens);
    });
  });

  // KV-cache bytes per token in BF16, facts.md §6 worked examples.
  it.each<[string, number]>([
    ["llama-3.1-405b", 516_096], // 2·126·8·128·2
    ["llama-3.1-70b", 327_680], // 2·80·8·128·2
    ["llama-2-70b", 327_680],
    ["llama-3.1-8b", 131_072], // 128 KiB
    ["llama-2-7b", 524_288], // MHA, 32 heads
    ["deepseek-v3", 70_272] // MLA (512 + 64)·61·2, "70KB per token"
  ])("%s caches the published KV bytes per token", (id, bytes) => {
    expect(kvBytesPerToken(byId.get(id)!)).toBe(bytes);
  });

  it("keeps dense models dense and MoE models consistent", () => {
    for (const m of models) {
      expect(m.activeParams, m.id).toBeLessThanOrEqual(m.params);
      expect(m.expertsPerToken, m.id).toBeLessThanOrEqual(m.experts);
      if (m.experts === 1) expect(m.activeParams, m.id).toBe(m.params);
    }
    // DeepSeek-V3 config.json: kv_lora_rank 512 + qk_rope_head_dim 64 = 576 cached; v_head_dim = qk_nope 128.
    expect(byId.get("deepseek-v3")).toMatchObject({
      experts: 256,
      expertsPerToken: 8,
      mlaKvDim: 576,
      mlaRopeDim: 64,
      headDim: 128,
      tiedEmbeddings: false
    });
    // GPT-3 keeps GPT-2's tied input/output embedding; the Llama configs have tie_word_embeddings false.
    expect(byId.get("gpt-3-175b")!.tiedEmbeddings).toBe(true);
    expect(byId.get("llama-3.1-8b")!.tiedEmbeddings).toBe(false);
    expect(byId.get("mixtral-8x7b")).toMatchObject({experts: 8, expertsPerToken: 2, mlaKvDim: null});
  });

  it("agrees with the published training runs (6·N·D within 1%)", () => {
    const gpt3 = byId.get("gpt-3-175b")!;
    // GPT-3 paper Table D.1: 3.14E+23 FLOPs for 174.6B params × 300B tokens.
    expect(gpt3.trainingTokens).toBe(GPT3_175B_TRAINING.trainingTokens);
    expect((6 * gpt3.params * gpt3.trainingTokens!) / GPT3_175B_TRAINING.trainingFlops).toBeCloseTo(1, 2);
    const llama = byId.get("llama-3.1-405b")!;
    // Llama 3 Herd §3: 3.8e25 FLOPs, 15.6T tokens.
    expect(llama.trainingTokens).toBe(LLAMA31_405B_TRAINING.trainingTokens);
    expect((6 * llama.params * llama.trainingTokens!) / LLAMA31_405B_TRAINING.trainingFlops).toBeCloseTo(1, 1);
    const ds = byId.get("deepseek-v3")!;
    // DeepSeek-V3 report: 671B total, 37B activated, 14.8T tokens.
    expect([ds.params, ds.activeParams, ds.trainingTokens]).toEqual([
      DEEPSEEK_V3_TRAINING.totalParams,
      DEEPSEEK_V3_TRAINING.activeParams,
      DEEPSEEK_V3_TRAINING.trainingTokens
    ]);
  });

  it("stores parameter counts without floating-point noise", () => {
    expect(byId.get("llama-3.1-8b")!.params).toBe(8_030_000_000);
  });

  it("names each row by itself: no name holds another row's whole name", () => {
    // A name is shown on pages and read for the row (inheritedSourcesNote): gpt-4o-class-200b's once held "Llama 3.1
    // 405B", the model its shape is taken from, so sources naming Llama 3.1 405B were read as naming it. A comparison
    // belongs in the notes column. Names are compared word by word (Llama 3 70B is not inside Llama 3.1 70B).
    const words = (name: string) => ` ${name.split(/[^A-Za-z0-9]+/).join(" ")} `;
    const held = models.flatMap((m) =>
      models.filter((other) => other !== m && words(m.name).includes(words(other.name))).map((o) => `${m.id}: ${o.id}`)
    );
    expect(held).toEqual([]);
  });
});

describe("parseModelsCsv validation", () => {
  it("reports every bad cell with its line and column", () => {
    const rows = [
      // line 3: active > params (field 4), fractional layers (field 5), experts_per_token > experts (field 13)
      "moe,MoE,10,12,2.5,64,4,2,16,,,4,8,256,false,512,,Paper,https://arxiv.org,",
      // line 4: missing name (field 2), kv_heads > heads (field 8), tied_embeddings not a boolean (field 15), zero
      // context (field 16), no source URL (field 19)
      "dense,,1,1,2,64,4,8,16,,,1,1,256,yes,0,,Paper,,",
      // line 5: an MLA latent without its rope part (field 11)
      "mla,MLA,1,1,2,64,4,4,16,576,,1,1,256,false,512,,Paper,https://arxiv.org,"
    ];
    const errors = errorsOf(() => parseModelsCsv([HEADER, GOOD_ROW, ...rows].join("\n"), {file: FILE}));
    // Each column is the character column of the field's first character (cellColumn counts the cells before it).
    const at = (line: number, field: number, path: string) => [line, cellColumn(rows[line - 3]!, field), path];
    expect(errors.map((e) => [e.detail.line, e.detail.column, e.detail.path])).toEqual([
      at(3, 4, "active_params_b"),
      at(3, 5, "layers"),
      at(3, 13, "experts_per_token"),
      at(4, 2, "name"),
      at(4, 8, "kv_heads"),
      at(4, 15, "tied_embeddings"),
      at(4, 16, "context_tokens"),
      at(4, 19, "source_url"),
      at(5, 11, "mla_rope_dim")
    ]);
    // layers '2.5' follows `moe,MoE,10,12,` (3 + 3 + 2 + 2 characters and 4 commas = 14), at 15.
    expect(errors[1]!.message).toBe(
      "data/models.csv:3:15: layers: not a whole number: expected a whole number > 0, found '2.5'"
    );
  });

  it("rejects KV heads that do not divide the attention heads (64 query heads cannot share 7 KV heads evenly)", () => {
    const row = "gqa,GQA,1,1,2,1024,64,7,16,,,1,1,256,false,512,,Paper,https://arxiv.org,";
    const errors = errorsOf(() => parseModelsCsv(`${HEADER}\n${row}`, {file: FILE}));
    expect(errors[0]!.detail).toMatchObject({
      path: "kv_heads",
      line: 2,
      // Field 8, after `gqa,GQA,1,1,2,1024,64,` (3 + 3 + 1 + 1 + 1 + 4 + 2 characters and 7 commas = 22), at 23.
      column: 23,
      message: "KV heads do not divide the attention heads"
    });
  });

  it("says only that active parameters exceed the total when they do, dense or not (it said both; breaker)", () => {
    const row = GOOD_ROW.replace("tiny,Tiny,1,1,", "tiny,Tiny,1,2,");
    const errors = errorsOf(() => parseModelsCsv(`${HEADER}\n${row}`, {file: FILE}));
    expect(errors.map((e) => e.detail.message)).toEqual(["active parameters exceed total"]);
  });

  it.each([
    // GOOD_ROW: hidden_size 64 (field 6), 4 heads × head_dim 16 (field 9) = 64.
    ["hidden_size 3", "tiny,Tiny,1,1,2,64,", "tiny,Tiny,1,1,2,3,", "hidden_size", 6],
    ["head_dim 1", ",64,4,2,16,", ",64,4,2,1,", "head_dim", 9],
    ["hidden_size 1024", "tiny,Tiny,1,1,2,64,", "tiny,Tiny,1,1,2,1024,", "hidden_size", 6]
  ])(
    "rejects an attention width far from the hidden size (%s passed and moved the cost; breaker)",
    (_, from, to, path, field) => {
      const row = GOOD_ROW.replace(from, to);
      const errors = errorsOf(() => parseModelsCsv(`${HEADER}\n${row}`, {file: FILE}));
      expect(errors.map((e) => [e.detail.path, e.detail.column, e.detail.message])).toEqual([
        [path, cellColumn(row, field), "attention width far from the hidden size"]
      ]);
    }
  );

  // 1M parameters beside a 128,256 × 8,192 embedding table (1.05B) passed and was priced (breaker).
  it("rejects fewer parameters than the embedding table holds", () => {
    // GOOD_ROW: hidden_size 64, vocab_size 256: a 16,384-parameter table; 0.00001B = 10,000 parameters.
    const row = GOOD_ROW.replace("tiny,Tiny,1,1,", "tiny,Tiny,0.00001,0.00001,");
    const errors = errorsOf(() => parseModelsCsv(`${HEADER}\n${row}`, {file: FILE}));
    expect(errors.map((e) => [e.detail.path, e.detail.message, e.detail.expected])).toEqual([
      [
        "params_b",
        "fewer parameters than the embedding table",
        // Also in the column's unit, billions (breaker: 1,050,673,152 parameters beside a found 0.07055).
        "at least vocab_size × hidden_size (256 × 64 = 16,384 parameters, 0.00001638 in billions as the column is written)"
      ]
    ]);
  });

  it("rejects active parameters fewer than the embedding table, which every token reads (second-round breaker)", () => {
    // A mixture of experts with 1 total billion and 10,000 active parameters beside the 16,384-parameter table.
    const row = GOOD_ROW.replace("tiny,Tiny,1,1,2,64,4,2,16,,,1,1,", "tiny,Tiny,1,0.00001,2,64,4,2,16,,,8,2,");
    const errors = errorsOf(() => parseModelsCsv(`${HEADER}\n${row}`, {file: FILE}));
    expect(errors.map((e) => [e.detail.path, e.detail.message])).toEqual([
      ["active_params_b", "fewer parameters than the embedding table"]
    ]);
  });

  it("rejects a vocabulary smaller than the 256 byte values", () => {
    const row = GOOD_ROW.replace(",1,1,256,false,", ",1,1,1,false,");
    const errors = errorsOf(() => parseModelsCsv(`${HEADER}\n${row}`, {file: FILE}));
    expect(errors.map((e) => [e.detail.path, e.detail.message])).toEqual([["vocab_size", "out of range"]]);
  });

  it("rejects a dense model whose active parameters differ from its total", () => {
    const row = GOOD_ROW.replace("tiny,Tiny,1,1,", "tiny,Tiny,1,0.5,");
    const errors = errorsOf(() => parseModelsCsv(`${HEADER}\n${row}`, {file: FILE}));
    // Field 4, after `tiny,Tiny,1,` (4 + 4 + 1 characters and 3 commas = 12), at 13.
    expect(errors[0]!.detail).toMatchObject({path: "active_params_b", line: 2, column: 13});
  });

  it("names a missing header column", () => {
    const header = MODEL_COLUMNS.filter((c) => c !== "mla_kv_dim").join(",");
    const errors = errorsOf(() => parseModelsCsv(`${header}\n${GOOD_ROW}`, {file: FILE}));
    expect(errors[0]!.detail).toMatchObject({line: 1, path: "mla_kv_dim", message: "missing column"});
  });

  it("returns base units for a good row", () => {
    const [tiny] = parseModelsCsv(`${HEADER}\n${GOOD_ROW}`, {file: FILE});
    expect(tiny).toMatchObject({
      params: 1e9,
      activeParams: 1e9,
      trainingTokens: 1e11,
      mlaKvDim: null,
      mlaRopeDim: null,
      tiedEmbeddings: false,
      notes: ""
    });
  });

  it("reads tied_embeddings through the shared choice reader: 'True' is told its spelling", () => {
    const row = GOOD_ROW.replace(",false,", ",True,");
    const errors = errorsOf(() => parseModelsCsv(`${HEADER}\n${row}`, {file: FILE}));
    expect(errors.map((e) => e.message)).toEqual([
      `data/models.csv:2:${cellColumn(row, 15)}: tied_embeddings: not a boolean: expected one of true, false, found ` +
        "'True' (did you mean true?)"
    ]);
  });

  it.each([
    ["Yes", "true"],
    ["y", "true"],
    ["1", "true"],
    ["No", "false"],
    ["0", "false"]
  ])("offers tied_embeddings %s the word the column takes, %s (they had no hint; breaker)", (written, meant) => {
    const row = GOOD_ROW.replace(",false,", `,${written},`);
    const [error] = errorsOf(() => parseModelsCsv(`${HEADER}\n${row}`, {file: FILE}));
    expect(error?.detail).toMatchObject({message: "not a boolean", hint: `did you mean ${meant}?`});
  });
});
