import {KILO, SECONDS_PER_HOUR, TOKENS_PER_MILLION} from "../units/si.js";

/**
 * Tokens and revenue per megawatt of facility power:
 *   tokens/s per MW   = tokens/s per chip × utilisation ÷ (facility kW per chip ÷ 1000)
 *   revenue per MW-h  = tokens per MW-hour ÷ 10^6 × price per million tokens
 */
export interface TokensPerMwInput {
  /** Tokens per second one chip produces while busy; > 0. */
  tokensPerSecondPerChip: number;
  /** Fraction of time busy; in (0, 1]. */
  utilizationFraction: number;
  /** Facility power per chip (IT × average draw × PUE), kW; > 0. */
  facilityPowerKwPerChip: number;
}

export function tokensPerSecondPerMw(input: TokensPerMwInput): number {
  return (input.tokensPerSecondPerChip * input.utilizationFraction * KILO) / input.facilityPowerKwPerChip;
}

/** Revenue per MW per hour at a token price, USD. */
export function revenueUsdPerMwHour(input: TokensPerMwInput & {priceUsdPerMTok: number}): number {
  return ((tokensPerSecondPerMw(input) * SECONDS_PER_HOUR) / TOKENS_PER_MILLION) * input.priceUsdPerMTok;
}

/** Gross margin at a token price: (price − cost) ÷ price; negative when tokens sell below cost. */
export function grossMarginFraction({
  priceUsdPerMTok,
  costUsdPerMTok
}: {
  priceUsdPerMTok: number;
  costUsdPerMTok: number;
}): number {
  return (priceUsdPerMTok - costUsdPerMTok) / priceUsdPerMTok;
}
