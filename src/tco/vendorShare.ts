import {HOURS_PER_YEAR, KILO} from "../units/si.js";
import {chipHourCost, type ChipHourCostInput, type ChipHourCostResult} from "./chipHourCost.js";

/**
 * The hardware vendor's gross profit on one chip, as a share of three different totals, so that the model's figure
 * can be set beside public estimates that use different denominators:
 *
 *   gross profit                = chip price × vendor gross margin                                   USD per chip
 *   share of token cost         = vendor margin per chip-hour ÷ total cost per chip-hour             (chipHourCost:
 *                                 capital annualised at the cost of capital, energy, operations, facility)
 *   share of data-centre capex  = gross profit ÷ (chip price × (1 + system overhead)
 *                                                 + facility capex per MW × IT MW per chip)           (what Bernstein's
 *                                 "~29% of total AI data-center cost" divides by: rack hardware + infrastructure)
 *   share of lifetime spend     = gross profit ÷ (IT capital + facility capex × useful life ÷ facility life
 *                                 + (energy + operations) per hour × 8,766 × useful life)            undiscounted
 *
 * Bernstein (Stacy Rasgon, via investing.com): NVIDIA's gross profit is ~29% of the cost of an AI data
 * centre at ~70% gross margin, on a GB200 NVL72 rack of ~$5.9M = $3.4M compute hardware + $2.5M infrastructure.
 */
export interface VendorShareResult {
  /** Vendor gross profit per chip, USD. */
  grossProfitUsdPerChip: number;
  /** Share (0–1) of the annualised cost per chip-hour, hence of each token's cost. */
  ofTokenCost: number;
  /** Share (0–1) of the up-front capital: chip, its server and network, its share of the facility. */
  ofDataCentreCapex: number;
  /** Share (0–1) of the undiscounted spend over the chip's useful life. */
  ofLifetimeSpend: number;
}

/**
 * The vendor's gross profit per chip and its three shares (formulas above) for one chip's chip-hour inputs.
 * `hour`: the chip-hour cost of `input` when the caller has computed it (the inference tax has; computing and checking
 * it again cost a sweep point 0.3 µs); taken as given, not checked.
 *
 * Throws: chipHourCost's UserError naming the first field of `input` out of its range, when `hour` is not given.
 */
export function vendorShare(
  input: ChipHourCostInput,
  hour: ChipHourCostResult = chipHourCost(input)
): VendorShareResult {
  const grossProfitUsdPerChip = input.chipPriceUsd * input.vendorGrossMarginFraction;
  const itCapitalUsd = input.chipPriceUsd * (1 + input.systemOverheadFraction);
  const facilityUsd = (hour.itPowerKw / KILO) * input.facilityCapexUsdPerMw;
  const runningUsd =
    (hour.energyUsdPerChipHour + hour.operationsUsdPerChipHour) * HOURS_PER_YEAR * input.usefulLifeYears;
  const lifetimeUsd = itCapitalUsd + (facilityUsd * input.usefulLifeYears) / input.facilityLifeYears + runningUsd;
  return {
    grossProfitUsdPerChip,
    ofTokenCost: hour.totalUsdPerChipHour > 0 ? hour.vendorMarginUsdPerChipHour / hour.totalUsdPerChipHour : 0,
    ofDataCentreCapex: grossProfitUsdPerChip / (itCapitalUsd + facilityUsd),
    ofLifetimeSpend: grossProfitUsdPerChip / lifetimeUsd
  };
}
