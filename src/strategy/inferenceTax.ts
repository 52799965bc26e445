import {type ChipHourCostInput} from "../tco/chipHourCost.js";
import {vendorShare, type VendorShareResult} from "../tco/vendorShare.js";
import {HOURS_PER_YEAR, TOKENS_PER_MILLION} from "../units/si.js";
import {compoundGrowthFactor} from "./growth.js";
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
 *   tokens in year y                V × (1 + g)^(y - 1)                                     tokens
 *   recovered in year y             tokens ÷ 10^6 × tax per Mtok                            USD
 *   chips for year y                tokens ÷ (tokens per chip-hour × 8766)                  accelerators
 */
export interface InferenceTaxInput {
  /** The merchant fleet's accelerator; its `chipHour.vendorGrossMarginFraction` is the vendor's margin m. */
  merchant: ServingChipInput;
  /** Gross margin p paid on the in-house chip: 0 = at cost, or a design partner's margin; in [0, 1). */
  inHouseMarginFraction: number;
  /** Tokens served in the first year, V, tokens per year; in [0, 1e20]. */
  tokensPerYear: number;
  /** Growth of the token volume per year as a fraction g (1 = doubles); in [-1, 10]. */
  tokenVolumeGrowthPerYear: number;
  /** Years in the yearly series; an integer in [1, 30]. */
  horizonYears: number;
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
  /** Year number, 1 … horizonYears. */
  year: number;
  /** Tokens served in the year, tokens. */
  tokens: number;
  /** Accelerators needed to serve them, chips (fractional). */
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
  /** Tax recovered in year 1 at `tokensPerYear`, USD per year. */
  recoveredUsdPerYear: number;
  /** Accelerators that serve `tokensPerYear`, chips (fractional). */
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
  horizonYears: {min: 1, max: 30, integer: true}
};

/** Throws a UserError naming the first out-of-range field. */
export function checkInferenceTaxInput(input: InferenceTaxInput): void {
  checkServingChip(input.merchant, "merchant");
  checkRanges(input, INFERENCE_TAX_RANGES);
}

/** The same chip bought in house: price P × (1 - m) ÷ (1 - p), the same USD of servers, margin p. */
export function inHouseChipHourInput(merchant: ChipHourCostInput, inHouseMarginFraction: number): ChipHourCostInput {
  const chipCostUsd = merchant.chipPriceUsd * (1 - merchant.vendorGrossMarginFraction);
  const chipPriceUsd = chipCostUsd / (1 - inHouseMarginFraction);
  const systemUsd = merchant.chipPriceUsd * merchant.systemOverheadFraction;
  return {
    ...merchant,
    chipPriceUsd,
    systemOverheadFraction: chipPriceUsd > 0 ? systemUsd / chipPriceUsd : 0,
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
  const inHouseCost = servingChipCost({...input.merchant, chipHour: inHouseChipHour});
  const merchantCostUsdPerMTok = merchantCost.perMTok.total;
  const inHouseCostUsdPerMTok = inHouseCost.perMTok.total;
  // The other components are equal in both fleets, so the difference of totals is the difference of margins;
  // computing it from the margins avoids cancellation. Negative when the partner's margin exceeds the vendor's.
  const taxUsdPerMTok = merchantCost.perMTok.vendorMargin - inHouseCost.perMTok.vendorMargin;
  const tokensPerChipYear = merchantCost.tokensPerChipHour * HOURS_PER_YEAR;

  const years: InferenceTaxYear[] = [];
  let cumulativeRecoveredUsd = 0;
  for (let year = 1; year <= input.horizonYears; year++) {
    const tokens = input.tokensPerYear * compoundGrowthFactor(input.tokenVolumeGrowthPerYear, 12 * (year - 1));
    const millions = tokens / TOKENS_PER_MILLION;
    const recoveredUsd = millions * taxUsdPerMTok;
    cumulativeRecoveredUsd += recoveredUsd;
    years.push({
      year,
      tokens,
      chips: tokens / tokensPerChipYear,
      merchantSpendUsd: millions * merchantCostUsdPerMTok,
      inHouseSpendUsd: millions * inHouseCostUsdPerMTok,
      recoveredUsd,
      cumulativeRecoveredUsd
    });
  }

  return {
    merchantCostUsdPerMTok,
    inHouseCostUsdPerMTok,
    vendorMarginUsdPerMTok: merchantCost.perMTok.vendorMargin,
    vendorMarginShare: merchantCost.perMTok.vendorMarginShare,
    vendorShare: vendorShare(input.merchant.chipHour),
    taxUsdPerMTok,
    taxShare: merchantCostUsdPerMTok > 0 ? taxUsdPerMTok / merchantCostUsdPerMTok : 0,
    recoveredUsdPerYear: (input.tokensPerYear / TOKENS_PER_MILLION) * taxUsdPerMTok,
    chipsForTokensPerYear: input.tokensPerYear / tokensPerChipYear,
    totalRecoveredUsd: cumulativeRecoveredUsd,
    merchantCost,
    inHouseCost,
    inHouseChipHour,
    stack: [...stackRows("merchant", merchantCost), ...stackRows("inHouse", inHouseCost)],
    years
  };
}
