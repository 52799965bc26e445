import {HOURS_PER_DAY, HOURS_PER_MONTH, MONTHS_PER_YEAR} from "../units/si.js";

/** Average days in a month: one twelfth of a Julian year, 30.4375 days. */
export const DAYS_PER_MONTH = HOURS_PER_MONTH / HOURS_PER_DAY;

/**
 * (1 + ratePerYear)^(months ÷ 12): the multiplier after `months` of compound growth at `ratePerYear` (a fraction:
 * 1 = doubles each year, -0.5 = halves). At a rate of -1 it is 1 at month 0 and 0 afterwards; never NaN for a
 * rate >= -1.
 */
export function compoundGrowthFactor(ratePerYear: number, months: number): number {
  return Math.pow(1 + ratePerYear, months / MONTHS_PER_YEAR);
}

/** Discount factor for a cash flow `months` after the start at an annual rate: (1 + r)^(-months ÷ 12). */
export function discountFactor(discountRatePerYear: number, months: number): number {
  return Math.pow(1 + discountRatePerYear, -months / MONTHS_PER_YEAR);
}
