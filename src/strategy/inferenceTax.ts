import {type ChipHourCostInput} from "../tco/chipHourCost.js";
import {vendorShare, type VendorShareResult} from "../tco/vendorShare.js";
import {HOURS_PER_MONTH, HOURS_PER_YEAR, MONTHS_PER_YEAR, TOKENS_PER_MILLION} from "../units/si.js";
import {compoundGrowthSeries} from "./growth.js";
import {checkServingChip, servingChipCost, type ServingChipCostResult, type ServingChipInput} from "./servingChip.js";
import {checkRanges, type RangeTable} from "../units/range.js";

/**
 * The inference tax: the part of each million tokens' cost that pays the merchant vendor's gross margin, and what
 * the same fleet would cost on silicon bought at cost.
 *
 *   merchant chip capital per hour  P × CRF ÷ 8766                  (P = list price; src/tco/chipHourCost.ts)
 *   vendor margin per Mtok          P × m × CRF ÷ 8766 ÷ tokens per chip-hour × 10^6     (m = vendor gross margin)
 *   in-house chip price             P_in = P × (1 - m) ÷ (1 - p)    (P × (1 - m) = the chip's cost; p = design
 *                                                                     partner's margin, 0 = at cost)
 *   in-house fleet                  the same chip, power, throughput, utilisation, servers (same USD) and facility,
 *                                   bought at P_in with margin p
 *   tax per Mtok                    merchant cost per Mtok - in-house cost per Mtok
 *                                   = (vendor margin - partner margin) per Mtok
 *   tax share                       tax per Mtok ÷ merchant cost per Mtok   (a share of TOKEN COST: the annualised
 *                                   cost per token, capital at the cost of capital, energy, operations, facility)
 *   vendor share                    the vendor's gross profit as a share of token cost, of data-centre capex and of
 *                                   lifetime spend (src/tco/vendorShare.ts), to set beside Bernstein's ~29% of
 *                                   AI data-centre cost
 *   tokens in month t               V ÷ 12 × (1 + g)^(t/12),  t = 0 … H - 1                  tokens
 *   cost factor in month t          (1 - d)^(t/12)      (every component of the cost per token falls at the
 *                                                         scenario's serving cost decline d, so the share is constant)
 *   recovered in month t            tokens ÷ 10^6 × tax per Mtok × cost factor               USD
 *   year y                          months 12(y - 1) … min(12y, H) - 1 summed (the last year may be partial)
 *   chips for year y                tokens ÷ (tokens per chip-hour × hours in its months)    accelerators
 *
 * The same months, demand and cost decline as the training-vs-inference spend (trainingVsInference.ts): year y's
 * merchant spend here is that model's inference spend over the same months.
 */
export interface InferenceTaxInput {
  /** The merchant fleet's accelerator; its `chipHour.vendorGrossMarginFraction` is the vendor's margin m. */
  merchant: ServingChipInput;
  /** Gross margin p paid on the in-house chip: 0 = at cost, or a design partner's margin; in [0, 1). */
  inHouseMarginFraction: number;
  /** Tokens served per year at the start's rate, V (month 1 serves V ÷ 12), tokens per year; in [0, 1e20]. */
  tokensPerYear: number;
  /** Growth of the token volume per year as a fraction g (1 = doubles); in [-1, 10]. */
  tokenVolumeGrowthPerYear: number;
  /** Decline of the cost per token per year, a fraction d (0.2 = 20% cheaper each year); in [0, 1]. */
  costDeclinePerYear: number;
  /** Months in the series, H; an integer in [1, 360]. */
  horizonMonths: number;
}

/** One slice of a stacked bar of cost per million tokens. */
export interface InferenceTaxStackRow {
  /** Which fleet: the merchant one or the same fleet on in-house silicon. */
  fleet: "merchant" | "inHouse";
  /** chipCost (the chip's cost to make), vendorMargin, systemCapital, facilityCapital, energy or operations. */
  component: "chipCost" | "vendorMargin" | "systemCapital" | "facilityCapital" | "energy" | "operations";
  /** USD per million tokens; the rows of one fleet sum to its cost per million tokens. */
  usdPerMTok: number;
}

/** One year of the tax series. */
export interface InferenceTaxYear {
  /** Year number, 1 … ceil(H ÷ 12). */
  year: number;
  /** Months of the horizon in the year: 12, or fewer in a partial last year. */
  months: number;
  /** Tokens served in the year, tokens. */
  tokens: number;
  /** Accelerators needed to serve them over the year's months, chips (fractional; the year's average). */
  chips: number;
  /** Spend on the merchant fleet, USD. */
  merchantSpendUsd: number;
  /** Spend on the same fleet bought in house, USD. */
  inHouseSpendUsd: number;
  /** merchant - in-house spend: the tax recovered in the year, USD. */
  recoveredUsd: number;
  /** Recovered up to and including this year, USD. */
  cumulativeRecoveredUsd: number;
}

export interface InferenceTaxResult {
  /** Merchant cost per million tokens, USD. */
  merchantCostUsdPerMTok: number;
  /** The same fleet's cost per million tokens on in-house silicon, USD. */
  inHouseCostUsdPerMTok: number;
  /** The merchant vendor's margin inside each million tokens' cost, USD per Mtok. */
  vendorMarginUsdPerMTok: number;
  /** vendor margin ÷ merchant cost per million tokens, fraction. */
  vendorMarginShare: number;
  /** The merchant vendor's gross profit as a share of token cost, data-centre capex and lifetime spend. */
  vendorShare: VendorShareResult;
  /** Merchant minus in-house cost per million tokens: the recoverable tax, USD per Mtok (0 when m = p = 0). */
  taxUsdPerMTok: number;
  /** tax ÷ merchant cost per million tokens, fraction below 1 (negative if the partner's margin is the larger). */
  taxShare: number;
  /** Tax recovered in year 1 (its months' demand and cost decline), USD. */
  recoveredUsdPerYear: number;
  /** Accelerators that serve `tokensPerYear` at the start's cost, chips (fractional). */
  chipsForTokensPerYear: number;
  /** Tax recovered over all years of the series, USD. */
  totalRecoveredUsd: number;
  /** The merchant fleet's costs. */
  merchantCost: ServingChipCostResult;
  /** The in-house fleet's costs. */
  inHouseCost: ServingChipCostResult;
  /** The chip-hour inputs of the in-house fleet, derived from the merchant ones. */
  inHouseChipHour: ChipHourCostInput;
  /** Stacked-bar rows: each fleet's cost per million tokens by component. */
  stack: InferenceTaxStackRow[];
  /** The yearly series. */
  years: InferenceTaxYear[];
}

export const INFERENCE_TAX_RANGES: RangeTable<InferenceTaxInput> = {
  inHouseMarginFraction: {min: 0, max: 1, maxExclusive: true},
  tokensPerYear: {min: 0, max: 1e20},
  tokenVolumeGrowthPerYear: {min: -1, max: 10},
  costDeclinePerYear: {min: 0, max: 1},
  horizonMonths: {min: 1, max: 360, integer: true}
};

/** Throws a UserError naming the first out-of-range field. */
export function checkInferenceTaxInput(input: InferenceTaxInput): void {
  checkServingChip(input.merchant, "merchant");
  checkRanges(input, INFERENCE_TAX_RANGES);
}

/**
 * The same chip bought in house: price P × (1 - m) ÷ (1 - p), the same USD of servers, margin p. Every field is written
 * out rather than spread from `merchant` (`{...merchant, …}`): the spread cost about a microsecond a call, a sixth of
 * a sweep point's inference tax (bench: `sweep --metrics inferenceTaxShare`).
 */
export function inHouseChipHourInput(merchant: ChipHourCostInput, inHouseMarginFraction: number): ChipHourCostInput {
  const chipCostUsd = merchant.chipPriceUsd * (1 - merchant.vendorGrossMarginFraction);
  const chipPriceUsd = chipCostUsd / (1 - inHouseMarginFraction);
  const systemUsd = merchant.chipPriceUsd * merchant.systemOverheadFraction;
  return {
    chipPriceUsd,
    systemOverheadFraction: chipPriceUsd > 0 ? systemUsd / chipPriceUsd : 0,
    chipPowerW: merchant.chipPowerW,
    hostPowerFraction: merchant.hostPowerFraction,
    averageDrawFraction: merchant.averageDrawFraction,
    pue: merchant.pue,
    electricityUsdPerKwh: merchant.electricityUsdPerKwh,
    facilityCapexUsdPerMw: merchant.facilityCapexUsdPerMw,
    facilityLifeYears: merchant.facilityLifeYears,
    costOfCapitalPerYear: merchant.costOfCapitalPerYear,
    usefulLifeYears: merchant.usefulLifeYears,
    operationsUsdPerChipHour: merchant.operationsUsdPerChipHour,
    vendorGrossMarginFraction: inHouseMarginFraction
  };
}

function stackRows(fleet: InferenceTaxStackRow["fleet"], cost: ServingChipCostResult): InferenceTaxStackRow[] {
  const p = cost.perMTok;
  return [
    {fleet, component: "chipCost", usdPerMTok: p.chipCapital - p.vendorMargin},
    {fleet, component: "vendorMargin", usdPerMTok: p.vendorMargin},
    {fleet, component: "systemCapital", usdPerMTok: p.systemCapital},
    {fleet, component: "facilityCapital", usdPerMTok: p.facilityCapital},
    {fleet, component: "energy", usdPerMTok: p.energy},
    {fleet, component: "operations", usdPerMTok: p.operations}
  ];
}

export function inferenceTax(input: InferenceTaxInput): InferenceTaxResult {
  checkInferenceTaxInput(input);
  const merchantCost = servingChipCost(input.merchant);
  const inHouseChipHour = inHouseChipHourInput(input.merchant.chipHour, input.inHouseMarginFraction);
  const inHouseCost = servingChipCost({
    chipHour: inHouseChipHour,
    tokensPerSecondPerChip: input.merchant.tokensPerSecondPerChip,
    utilizationFraction: input.merchant.utilizationFraction
  });
  const merchantCostUsdPerMTok = merchantCost.perMTok.total;
  const inHouseCostUsdPerMTok = inHouseCost.perMTok.total;
  // The other components are equal in both fleets, so the difference of totals is the difference of margins;
  // computing it from the margins avoids cancellation. Negative when the partner's margin exceeds the vendor's.
  const taxUsdPerMTok = merchantCost.perMTok.vendorMargin - inHouseCost.perMTok.vendorMargin;
  const tokensPerChipYear = merchantCost.tokensPerChipHour * HOURS_PER_YEAR;

  const H = input.horizonMonths;
  const growth = compoundGrowthSeries(input.tokenVolumeGrowthPerYear, H);
  const decline = compoundGrowthSeries(-input.costDeclinePerYear, H);
  const years: InferenceTaxYear[] = [];
  let cumulativeRecoveredUsd = 0;
  for (let year = 1, first = 0; first < H; year++, first += MONTHS_PER_YEAR) {
    const last = Math.min(first + MONTHS_PER_YEAR, H);
    let tokens = 0;
    let costWeightedMillions = 0;
    for (let t = first; t < last; t++) {
      const monthTokens = (input.tokensPerYear / MONTHS_PER_YEAR) * growth[t]!;
      tokens += monthTokens;
      costWeightedMillions += (monthTokens / TOKENS_PER_MILLION) * decline[t]!;
    }
    const recoveredUsd = costWeightedMillions * taxUsdPerMTok;
    cumulativeRecoveredUsd += recoveredUsd;
    years.push({
      year,
      months: last - first,
      tokens,
      chips: tokens / (merchantCost.tokensPerChipHour * HOURS_PER_MONTH * (last - first)),
      merchantSpendUsd: costWeightedMillions * merchantCostUsdPerMTok,
      inHouseSpendUsd: costWeightedMillions * inHouseCostUsdPerMTok,
      recoveredUsd,
      cumulativeRecoveredUsd
    });
  }
  return {
    merchantCostUsdPerMTok,
    inHouseCostUsdPerMTok,
    vendorMarginUsdPerMTok: merchantCost.perMTok.vendorMargin,
    vendorMarginShare: merchantCost.perMTok.vendorMarginShare,
    vendorShare: vendorShare(input.merchant.chipHour, merchantCost.chipHour),
    taxUsdPerMTok,
    taxShare: merchantCostUsdPerMTok > 0 ? taxUsdPerMTok / merchantCostUsdPerMTok : 0,
    recoveredUsdPerYear: years[0]!.recoveredUsd,
    chipsForTokensPerYear: input.tokensPerYear / tokensPerChipYear,
    totalRecoveredUsd: cumulativeRecoveredUsd,
    merchantCost,
    inHouseCost,
    inHouseChipHour,
    stack: [...stackRows("merchant", merchantCost), ...stackRows("inHouse", inHouseCost)],
    years
  };
}
