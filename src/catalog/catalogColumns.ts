// The columns of the catalogs a project supplies, and of data/training-runs.csv, in a module of their own:
// csvCells.ts's header check names the catalog a header belongs to (a models.csv header in hardware.csv), and
// parseHardwareCsv.ts, parseModelsCsv.ts and parseTrainingRunsCsv.ts, which import csvCells.ts, re-export them.

/** The columns of data/hardware.csv, exactly and in order. */
export const HARDWARE_COLUMNS = [
  "id",
  "name",
  "vendor",
  "kind",
  "family",
  "bf16_tflops",
  "fp8_tflops",
  "fp4_tflops",
  "hbm_gb",
  "hbm_tbps",
  "hbm_gib",
  "scale_up_gbps",
  "scale_up_chips",
  "scale_up_topology",
  "scale_out_gbps",
  "power_w",
  "price_usd",
  "hourly_usd",
  "system_overhead",
  "system_power_w",
  "price_source",
  "hbm_source",
  "links_source",
  "system_source",
  "estimated",
  "source_title",
  "source_url",
  "notes"
] as const;

/** The columns of data/models.csv, exactly and in order. */
export const MODEL_COLUMNS = [
  "id",
  "name",
  "params_b",
  "active_params_b",
  "layers",
  "hidden_size",
  "attention_heads",
  "kv_heads",
  "head_dim",
  "mla_kv_dim",
  "mla_rope_dim",
  "experts",
  "experts_per_token",
  "vocab_size",
  "tied_embeddings",
  "context_tokens",
  "training_tokens_t",
  "source_title",
  "source_url",
  "notes"
] as const;

/** The columns of data/training-runs.csv, exactly and in order. */
export const TRAINING_RUN_COLUMNS = [
  "id",
  "model",
  "hardware",
  "precision",
  "chips",
  "tokens_t",
  "sequence_tokens",
  "chip_hours",
  "mfu",
  "mfu_basis",
  "includes",
  "source_title",
  "source_url",
  "notes"
] as const;

/**
 * The catalogs' columns by file name, for a header check to tell a header of one for another's: a data/models.csv
 * header in data/hardware.csv was 38 errors, a missing or unexpected column each (breaker).
 */
export const CATALOG_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  "hardware.csv": HARDWARE_COLUMNS,
  "models.csv": MODEL_COLUMNS,
  "training-runs.csv": TRAINING_RUN_COLUMNS
};
