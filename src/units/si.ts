/** Decimal SI prefixes and time constants. Binary prefixes (GiB) are kept apart in bytes.ts. */
export const KILO = 1e3;
export const MEGA = 1e6;
export const GIGA = 1e9;
export const TERA = 1e12;
export const PETA = 1e15;
export const EXA = 1e18;

export const SECONDS_PER_HOUR = 3600;
export const HOURS_PER_DAY = 24;
export const SECONDS_PER_DAY = SECONDS_PER_HOUR * HOURS_PER_DAY;
/** 365.25 days: the Julian year, so that multi-year horizons do not drift by a day every four years. */
export const DAYS_PER_YEAR = 365.25;
export const HOURS_PER_YEAR = DAYS_PER_YEAR * HOURS_PER_DAY;
export const MONTHS_PER_YEAR = 12;
/** Average hours in a month: one twelfth of a Julian year (730.5 h). */
export const HOURS_PER_MONTH = HOURS_PER_YEAR / MONTHS_PER_YEAR;
/** Average days in a month: one twelfth of a Julian year, 30.4375 days. */
export const DAYS_PER_MONTH = HOURS_PER_MONTH / HOURS_PER_DAY;

/** Tokens in one "million tokens", the unit API prices and costs per token are quoted in. */
export const TOKENS_PER_MILLION = 1e6;
