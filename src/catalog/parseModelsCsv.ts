import {groupThousands} from "../units/groupThousands.js";
import type {NumberRange} from "../units/range.js";
import {CellReader, readCatalogRows, scaled, type CellUnit} from "./csvCells.js";
import {GIGA, TERA} from "../units/si.js";
import type {ModelArchitecture} from "./model.js";
import {MODEL_COLUMNS} from "./catalogColumns.js";
import {setRowOrigin} from "./rowOrigin.js";

export {MODEL_COLUMNS};

export type ModelColumn = (typeof MODEL_COLUMNS)[number];

/**
 * The physical range of each numeric column, in the column's unit: far beyond any published model (100T parameters, a
 * billion-token window), finite so that no conversion or product in the serving model overflows. `training_tokens_t`
 * stops at training.tokens' limit in the scenario schema (1e17 tokens).
 */
export const MODEL_CELL_RANGES = {
  params_b: {min: 1e-6, max: 1e5},
  active_params_b: {min: 1e-6, max: 1e5},
  layers: {min: 1, max: 1e4},
  hidden_size: {min: 1, max: 1e6},
  attention_heads: {min: 1, max: 1e4},
  kv_heads: {min: 1, max: 1e4},
  head_dim: {min: 1, max: 1e5},
  mla_kv_dim: {min: 1, max: 1e6},
  mla_rope_dim: {min: 1, max: 1e6},
  experts: {min: 1, max: 1e5},
  experts_per_token: {min: 1, max: 1e4},
  // At least the 256 byte values a byte-level tokenizer starts from (vocab_size 1 passed and moved the cost; breaker).
  vocab_size: {min: 256, max: 1e8},
  context_tokens: {min: 1, max: 1e9},
  training_tokens_t: {min: 1e-6, max: 1e5}
} as const satisfies Partial<Record<ModelColumn, NumberRange>>;

/**
 * The unit of the columns a model card writes with one (`70B` parameters, a `128k` context, `15T` training tokens),
 * for such a cell to be offered the plain number the column takes (CellUnit), as a hardware cell's `700W` is. They
 * read "not a number", no hint (breaker). A count's capital K (`128K`) is offered both readings (capitalKilo).
 */
export const MODEL_CELL_UNITS = {
  params_b: {dimension: "count", factor: GIGA, label: "in billions of parameters"},
  active_params_b: {dimension: "count", factor: GIGA, label: "in billions of parameters"},
  hidden_size: {dimension: "count", factor: 1, label: "in dimensions"},
  experts: {dimension: "count", factor: 1, label: "in experts"},
  vocab_size: {dimension: "tokens", factor: 1, label: "in tokens"},
  context_tokens: {dimension: "tokens", factor: 1, label: "in tokens"},
  training_tokens_t: {dimension: "tokens", factor: TERA, label: "in trillions of tokens"}
} as const satisfies Partial<Record<ModelColumn, CellUnit>>;

/** Parameters per "billion" in params_b / active_params_b. */
export const PARAMS_PER_BILLION = 1e9;
/** Tokens per "trillion" in training_tokens_t. */
const TOKENS_PER_TRILLION = 1e12;

/**
 * Parses and validates data/models.csv. Converts billions of parameters to parameters and trillions of tokens to
 * tokens. Every bad cell is reported at once as a UserErrors naming file, line, column and column name. Each row
 * keeps where its context_tokens cell is (rowOrigin.ts), for a request past the window to name the file it came from.
 */
export function parseModelsCsv(text: string, {file}: {file: string}): ModelArchitecture[] {
  return readCatalogRows(text, {
    file,
    columns: MODEL_COLUMNS,
    ranges: MODEL_CELL_RANGES,
    units: MODEL_CELL_UNITS,
    readRow: (cells) => {
      const row = readRow(cells);
      if (row) setRowOrigin(row, {context_tokens: {file, ...cells.positionOf("context_tokens")}});
      return row;
    }
  });
}

function readRow(cells: CellReader<ModelColumn>): ModelArchitecture | undefined {
  const integer = {integer: true};
  const id = cells.id("id");
  const name = cells.text("name");
  const paramsB = cells.positive("params_b");
  const activeB = cells.positive("active_params_b");
  const layers = cells.positive("layers", integer);
  const hiddenSize = cells.positive("hidden_size", integer);
  const attentionHeads = cells.positive("attention_heads", integer);
  const kvHeads = cells.positive("kv_heads", integer);
  const headDim = cells.positive("head_dim", integer);
  const mlaKvDim = cells.optionalPositive("mla_kv_dim", integer);
  const mlaRopeDim = cells.optionalPositive("mla_rope_dim", integer);
  const experts = cells.positive("experts", integer);
  const expertsPerToken = cells.positive("experts_per_token", integer);
  const vocabSize = cells.positive("vocab_size", integer);
  const tiedEmbeddings = cells.boolean("tied_embeddings");
  const contextTokens = cells.positive("context_tokens", integer);
  const trainingT = cells.optionalPositive("training_tokens_t");
  const sourceTitle = cells.text("source_title", {lines: true});
  const sourceUrl = cells.httpsUrl("source_url");
  const notes = cells.raw("notes");

  if (paramsB !== undefined && activeB !== undefined && activeB > paramsB) {
    cells.fail("active_params_b", "active parameters exceed total", `at most params_b (${paramsB})`);
  }
  if (experts !== undefined && expertsPerToken !== undefined && expertsPerToken > experts) {
    cells.fail("experts_per_token", "more experts per token than experts", `at most experts (${experts})`);
  }
  if (experts === 1 && paramsB !== undefined && activeB !== undefined && activeB < paramsB) {
    cells.fail("active_params_b", "dense model with fewer active parameters", `params_b (${paramsB}) when experts = 1`);
  }
  // The attention's width, heads × head_dim, is the hidden size in most models and within a factor of 4 of it in every
  // published one (PaLM 540B 0.67×, DeepSeek-V3 2.3×: their configs). Outside that, one of the three cells is a typo
  // (hidden_size 3 or head_dim 1 passed and moved the cost; breaker): head_dim when it is outside 16–1,024, which
  // every published model's is within, else hidden_size.
  if (hiddenSize !== undefined && attentionHeads !== undefined && headDim !== undefined) {
    const width = attentionHeads * headDim;
    if (width > 4 * hiddenSize || width < hiddenSize / 4) {
      const column = headDim < 16 || headDim > 1024 ? "head_dim" : "hidden_size";
      cells.fail(
        column,
        "attention width far from the hidden size",
        `attention_heads × head_dim (${attentionHeads} × ${headDim} = ${width}) within a factor of 4 of hidden_size (${hiddenSize})`
      );
    }
  }
  // Every model holds at least its embedding table, vocab_size × hidden_size parameters (once, tied or not), and every
  // token reads it, so the active parameters do too: 1M parameters beside a 128,256 × 8,192 table (1.05B) passed and
  // was priced (breaker).
  if (vocabSize !== undefined && hiddenSize !== undefined) {
    const embedding = vocabSize * hiddenSize;
    for (const [column, billions] of [
      ["params_b", paramsB],
      ["active_params_b", activeB]
    ] as const) {
      if (billions !== undefined && billions * PARAMS_PER_BILLION < embedding) {
        cells.fail(
          column,
          "fewer parameters than the embedding table",
          // In the column's unit, billions: "= 1,050,673,152 parameters" beside a found 0.07055 read as two scales.
          `at least vocab_size × hidden_size (${groupThousands(vocabSize)} × ${groupThousands(hiddenSize)} = ${groupThousands(embedding)} parameters, ${Number((embedding / PARAMS_PER_BILLION).toPrecision(4))} in billions as the column is written)`
        );
        break;
      }
    }
  }
  if (attentionHeads !== undefined && kvHeads !== undefined && kvHeads > attentionHeads) {
    cells.fail("kv_heads", "more KV heads than attention heads", `at most attention_heads (${attentionHeads})`);
  } else if (attentionHeads !== undefined && kvHeads !== undefined && attentionHeads % kvHeads !== 0) {
    // Grouped-query attention shares each KV head among a whole group of query heads.
    cells.fail(
      "kv_heads",
      "KV heads do not divide the attention heads",
      `a divisor of attention_heads (${attentionHeads})`
    );
  }
  // Multi-head latent attention caches kv_lora_rank + rope dims per token per layer; the rope part must be named to
  // count its attention FLOPs (QK over head_dim + rope in prefill, over mla_kv_dim in absorbed decode).
  if (mlaKvDim !== undefined && mlaRopeDim !== undefined && (mlaKvDim === null) !== (mlaRopeDim === null)) {
    cells.fail(
      "mla_rope_dim",
      "MLA dimensions given by halves",
      "mla_rope_dim set exactly when mla_kv_dim is (both blank for ordinary attention)",
      mlaRopeDim === null ? "an empty cell" : `'${mlaRopeDim}'`
    );
  } else if (mlaKvDim && mlaRopeDim && mlaRopeDim >= mlaKvDim) {
    cells.fail("mla_rope_dim", "rope part not smaller than the latent", `less than mla_kv_dim (${mlaKvDim})`);
  }

  if (
    id === undefined ||
    name === undefined ||
    paramsB === undefined ||
    activeB === undefined ||
    layers === undefined ||
    hiddenSize === undefined ||
    attentionHeads === undefined ||
    kvHeads === undefined ||
    headDim === undefined ||
    mlaKvDim === undefined ||
    mlaRopeDim === undefined ||
    experts === undefined ||
    expertsPerToken === undefined ||
    vocabSize === undefined ||
    tiedEmbeddings === undefined ||
    contextTokens === undefined ||
    trainingT === undefined ||
    sourceTitle === undefined ||
    sourceUrl === undefined
  ) {
    return undefined;
  }
  return {
    id,
    name,
    params: scaled(paramsB, PARAMS_PER_BILLION),
    activeParams: scaled(activeB, PARAMS_PER_BILLION),
    layers,
    hiddenSize,
    attentionHeads,
    kvHeads,
    headDim,
    mlaKvDim,
    mlaRopeDim,
    experts,
    expertsPerToken,
    vocabSize,
    tiedEmbeddings,
    contextTokens,
    trainingTokens: trainingT === null ? null : scaled(trainingT, TOKENS_PER_TRILLION),
    sourceTitle,
    sourceUrl,
    notes
  };
}
