// Example inputs for the strategy models' tests: indicative figures, each with its source or marked as an
// assumption. They are not the scenario defaults (those live once, in src/scenario/file/schema.ts); they used to be
// exported by the models as DEFAULT_… constants and disagreed with the schema in places (electricity 0.06 vs
// 0.0826 USD/kWh), so they live here, where only tests read them.
import {type FlywheelInput} from "../../src/strategy/flywheel.js";
import {type InferenceTaxInput} from "../../src/strategy/inferenceTax.js";
import {type MoatInput} from "../../src/strategy/moat.js";
import {type ServingChipInput} from "../../src/strategy/servingChip.js";
import {type SiliconProgramInput} from "../../src/strategy/siliconProgram.js";
import {type TrainingVsInferenceInput} from "../../src/strategy/trainingVsInference.js";

/**
 * A current merchant GPU serving a mid-size model, bought from its vendor at list price. Every figure is an
 * indicative assumption for the default scenario; the scenario layer overrides them.
 */
export const EXAMPLE_MERCHANT_GPU: ServingChipInput = {
  chipHour: {
    // Assumption: ~USD 30,000 per H100-class GPU, the widely reported 2024 street price (press estimates).
    chipPriceUsd: 30_000,
    // Assumption: servers, NICs, switches and storage ≈ 60% of the GPU price (an 8-GPU server at ~USD 380k all-in).
    systemOverheadFraction: 0.6,
    // NVIDIA H100 SXM5 datasheet: up to 700 W TDP.
    chipPowerW: 700,
    // NVIDIA DGX H100 datasheet: 10.2 kW max for 8 × 700 W GPUs, so host and network add ~80% of GPU power.
    hostPowerFraction: 0.8,
    // Assumption: average draw 70% of peak over a year of serving.
    averageDrawFraction: 0.7,
    // Assumption: PUE 1.2, between hyperscale (~1.1, Google 2024 environmental report) and industry average (~1.5).
    pue: 1.2,
    // Assumption: USD 0.06/kWh, a large-buyer industrial power price in the US.
    electricityUsdPerKwh: 0.06,
    // Assumption: USD 10M per MW of IT load for shell, power and cooling (industry estimates USD 8-12M/MW).
    facilityCapexUsdPerMw: 10_000_000,
    // Assumption: a data-centre shell is recovered over 15 years.
    facilityLifeYears: 15,
    // Assumption: 10% a year cost of capital.
    costOfCapitalPerYear: 0.1,
    // Assumption: accelerators are recovered over 5 years.
    usefulLifeYears: 5,
    // Assumption: USD 0.25 per GPU-hour for staff, maintenance, software and support.
    operationsUsdPerChipHour: 0.25,
    // NVIDIA Form 10-K for fiscal 2025: GAAP gross margin 75.0% (company-wide).
    vendorGrossMarginFraction: 0.75
  },
  // Assumption: 2,000 output tokens/s per GPU for a batched ~70B-parameter model at moderate latency.
  tokensPerSecondPerChip: 2_000,
  // Assumption: the fleet is busy 60% of the hour (diurnal load, headroom, failures).
  utilizationFraction: 0.6
};

/**
 * A hypothetical in-house inference ASIC of the same generation, bought at cost. Every figure is an assumption,
 * stated relative to EXAMPLE_MERCHANT_GPU: one third of the unit price, 500 W instead of 700 W for the same
 * tokens/s (1.4 × perf/W), and higher utilisation on a single in-house workload.
 */
export const EXAMPLE_CUSTOM_ASIC: ServingChipInput = {
  chipHour: {
    ...EXAMPLE_MERCHANT_GPU.chipHour,
    // Assumption: USD 10,000 unit cost (die, HBM, packaging, test), about the bill of materials of a merchant GPU.
    chipPriceUsd: 10_000,
    // Assumption: the same USD 15,000 of servers and network per chip as a cheaper host: 150% of its price.
    systemOverheadFraction: 1.5,
    // Assumption: 500 W board power.
    chipPowerW: 500,
    // Assumption: bought at cost; set to a design partner's margin (e.g. 0.3) to model one.
    vendorGrossMarginFraction: 0
  },
  // Assumption: the same 2,000 tokens/s as the merchant GPU on the model it was designed for.
  tokensPerSecondPerChip: 2_000,
  // Assumption: 70% utilisation serving one in-house workload.
  utilizationFraction: 0.7
};

export const EXAMPLE_INFERENCE_TAX_INPUT: InferenceTaxInput = {
  merchant: EXAMPLE_MERCHANT_GPU,
  // Assumption: bought at cost (set ~0.3 to model a design partner's margin).
  inHouseMarginFraction: 0,
  // Assumption: 5 trillion tokens a day (~1.8e15 a year) for a large lab; Google reported ~480 trillion tokens a
  // month (~16 trillion a day) across its products at Google I/O, May 2025.
  tokensPerYear: 5e12 * 365.25,
  // Assumption: volume doubles each year.
  tokenVolumeGrowthPerYear: 1,
  // Assumption: the cost of a token falls 20% a year, as in the base scenario (serving.costDeclinePerYear).
  costDeclinePerYear: 0.2,
  // Assumption: a five-year view, one accelerator life.
  horizonMonths: 60
};

export const EXAMPLE_SILICON_PROGRAM_INPUT: SiliconProgramInput = {
  merchant: EXAMPLE_MERCHANT_GPU,
  custom: EXAMPLE_CUSTOM_ASIC,
  // Assumption: USD 500M; International Business Strategies (IBS) estimates ~USD 540M to design a 5 nm chip,
  // of the order quoted for leading-edge ASICs (design, verification, IP, masks, software).
  nreUsd: 5e8,
  // Assumption: the short end of the 18-36 months traditionally quoted for a custom chip.
  designCycleMonths: 18,
  // Assumption: six months from first production chips to all of demand.
  deploymentRampMonths: 6,
  // No respin: nreUsd and the cycle include any (the respin keys' default).
  respinProbability: 0,
  respinMonths: 0,
  respinCostUsd: 0,
  // Assumption: 5 trillion tokens a day (see DEFAULT_INFERENCE_TAX_INPUT).
  demandTokensPerDay: 5e12,
  // Assumption: demand doubles each year.
  demandGrowthPerYear: 1,
  // Assumption: the cost of a token falls 20% a year, as in the base scenario (serving.costDeclinePerYear).
  costDeclinePerYear: 0.2,
  // Assumption: 10% a year, the same as the cost of capital in the chip-hour cost.
  discountRatePerYear: 0.1,
  // Assumption: five years, one accelerator life.
  horizonMonths: 60
};

export const EXAMPLE_TRAINING_VS_INFERENCE_INPUT: TrainingVsInferenceInput = {
  // Assumption: a five-year view.
  horizonMonths: 60,
  // Assumption: one frontier generation a year.
  generationCadenceMonths: 12,
  // Assumption: a frontier pre-training run takes about four months of cluster time.
  trainingRunMonths: 4,
  // Assumption: USD 1B for a 2025 frontier run; Cottier et al., "The rising costs of training frontier AI models"
  // (Epoch AI, 2024) project USD 1B+ runs by 2027 from ~USD 100M+ in 2023-24.
  firstGenerationTrainingCostUsd: 1e9,
  // Cottier et al. (Epoch AI, 2024): amortised frontier training cost has grown ~2.4× a year.
  trainingCostGrowthPerGeneration: 2.4,
  // Assumption: 100M daily users of one lab's products.
  initialUsers: 1e8,
  // Assumption: users double each year.
  userGrowthPerYear: 1,
  // Assumption: 5,000 tokens per user per day (a few chats with long contexts).
  tokensPerUserPerDay: 5_000,
  // Assumption: longer contexts and reasoning add 50% a year.
  tokensPerUserGrowthPerYear: 0.5,
  // Assumption: one model call per task today (chat).
  agentCallsPerTask: 1,
  // Assumption: agents double the calls per task each year.
  agentCallsGrowthPerYear: 1,
  // Assumption: USD 2 per million tokens to serve a frontier model (blended input and output).
  servingCostUsdPerMTok: 2,
  // Assumption: serving cost halves each year (hardware, kernels, distillation).
  servingCostDeclinePerYear: 0.5
};

export const EXAMPLE_MOAT_INPUT: MoatInput = {
  // Assumption: a three-year view.
  horizonMonths: 36,
  // Assumption: USD 2 per million tokens, a blended input/output price of a capable model.
  marketPriceUsdPerMTok: 2,
  // Assumption: prices of a given capability fall ~40% a year (Epoch AI, "LLM inference prices have fallen
  // rapidly but unequally across tasks", 2025, reports much faster falls; 40% is conservative).
  priceDeclinePerYear: 0.4,
  // Assumption: USD 1 per million tokens to serve it on merchant GPUs (a 50% gross margin).
  baselineCostUsdPerMTok: 1,
  // Assumption: serving cost falls at the same rate as the price.
  costDeclinePerYear: 0.4,
  // Assumption: 150 trillion tokens a month (5 trillion a day).
  baselineTokensPerMonth: 1.5e14,
  // Assumption: volume doubles each year.
  volumeGrowthPerYear: 1,
  // Assumption: the best model commands a 30% price premium while it leads.
  modelLeadPricePremiumFraction: 0.3,
  // Assumption: and 20% more volume.
  modelLeadVolumeGainFraction: 0.2,
  // DESIGN.md: "a model lead decays as competitors catch up within months"; assumption: 6 months.
  catchUpMonths: 6,
  // Assumption: 30% cheaper tokens from in-house silicon (see DEFAULT_SILICON_PROGRAM_INPUT, ~45%).
  costAdvantageFraction: 0.3
};

export const EXAMPLE_FLYWHEEL_INPUT: FlywheelInput = {
  // Assumption: a ten-year view, long enough for several chip generations.
  horizonMonths: 120,
  // Assumption: 100M users at the start.
  initialUsers: 1e8,
  // Assumption: 300M people would use the product at today's cost.
  initialAddressableUsers: 3e8,
  // Assumption: ~5.5 billion people online (ITU, "Facts and Figures 2024"), rounded down.
  addressableUsersCap: 5e9,
  // Assumption: users grow 10% a month while the market is far from full.
  adoptionRatePerMonth: 0.1,
  // Assumption: halving the cost per token widens the market by 2^0.5 ≈ 1.41×.
  addressableUsersElasticityToCost: 0.5,
  // Assumption: 5,000 tokens per user per day (as in DEFAULT_TRAINING_VS_INFERENCE_INPUT).
  tokensPerUserPerDay: 5_000,
  // Assumption: 1% of tokens served is kept as training signal.
  dataCaptureFraction: 0.01,
  // Assumption: no product data at the start.
  initialDataTokens: 0,
  // Assumption: 1 trillion tokens sets the scale at which product data starts to matter.
  referenceDataTokens: 1e12,
  // Assumption: +0.05 quality points per doubling of data.
  qualityGainPerDataDoubling: 0.05,
  // Assumption: each quality point makes design twice as fast (k = 1).
  designCycleShorteningPerQualityPoint: 1,
  // DESIGN.md: traditionally 18-36 months; 18 taken.
  baseDesignCycleMonths: 18,
  // DESIGN.md: one lab reported a 9-month cycle.
  minDesignCycleMonths: 9,
  // Assumption: USD 0.45 per million tokens, about EXAMPLE_MERCHANT_GPU's cost.
  initialCostUsdPerMTok: 0.45,
  // Assumption: each chip generation serves tokens 30% cheaper.
  costReductionPerChipGeneration: 0.3
};
