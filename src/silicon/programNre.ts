import {UserError} from "../errors/userError.js";
import {checkRanges, type RangeTable} from "../units/range.js";

/**
 * A custom chip program's one-off cost (NRE) from its parts, with the chance of a respin:
 *
 *   masks       = mask set at the node × (1 + respin probability)     (a respin buys a second mask set)
 *   IP          = licences (SerDes, HBM PHY, PCIe, …)
 *   labour      = engineers × design months ÷ 12 × loaded cost per engineer-year
 *   software    = compiler, kernels and serving stack
 *   NRE         = masks + IP + labour + software                      (expected value; the parts sum to it)
 *   cycle       = design months + respin probability × months a respin adds  (expected)
 *
 * At most one respin is counted: "most successful designs are productized on the second silicon spin" (Siemens EDA /
 * Wilson Research Group, 2020 and 2022 functional verification studies).
 */
export interface ProgramNreInput {
  /** Node id with a mask-set price (MASK_SET_PRICES). */
  node: string;
  /** Licensed IP, USD; >= 0. */
  ipLicencesUsd: number;
  /** Design and verification engineers; >= 0. */
  engineers: number;
  /** Months from start to first tape-out; > 0. */
  designMonths: number;
  /** Loaded cost of one engineer-year (salary, benefits, EDA seats), USD; >= 0. */
  loadedUsdPerEngineerYear: number;
  /** Software stack (compiler, kernels, serving integration), USD; >= 0. */
  softwareUsd: number;
  /** Probability the first silicon needs a respin; in [0, 1]. */
  respinProbability: number;
  /** Months a respin adds; >= 0. */
  respinMonths: number;
}

export const PROGRAM_NRE_RANGES: RangeTable<ProgramNreInput> = {
  ipLicencesUsd: {min: 0, max: 1e10},
  engineers: {min: 0, max: 1e5},
  designMonths: {min: 0, max: 120, minExclusive: true},
  loadedUsdPerEngineerYear: {min: 0, max: 1e7},
  softwareUsd: {min: 0, max: 1e10},
  respinProbability: {min: 0, max: 1},
  respinMonths: {min: 0, max: 60}
};

/** Mask-set price by node, USD, each with its source; nodes with no published figure are absent. */
export const MASK_SET_PRICES: readonly {node: string; usd: number; source: string}[] = [
  {
    node: "n28",
    usd: 1e6,
    source: '28 nm "> $1M" (SemiAnalysis, "The Dark Side Of The Semiconductor Design Renaissance")'
  },
  {node: "n7", usd: 10e6, source: '7 nm "> $10M" (SemiAnalysis, same article)'},
  {
    node: "n5",
    usd: 20e6,
    source:
      'estimate: leading-edge AI chip masks "$20 million-plus" (Alphawave\'s Sudhir Mallya via gigora.com), taken for N5'
  },
  {node: "n4", usd: 20e6, source: "estimate: an N5-family node, priced as N5"},
  {node: "n3", usd: 40e6, source: '3 nm masks "push into the $40M range" (SemiAnalysis, same article)'}
];

export interface ProgramNreResult {
  /** USD by part; they sum to nreUsd. */
  partsUsd: {masks: number; ip: number; labour: number; software: number};
  /** Expected NRE, USD. */
  nreUsd: number;
  /** Expected design cycle with the respin, months. */
  expectedCycleMonths: number;
  /** The cycle without and with a respin, months, and the probability of the second. */
  cycleOutcomes: {months: number; probability: number}[];
  /** The program without and with a respin: its NRE (one or two mask sets), cycle and probability. */
  outcomes: {nreUsd: number; cycleMonths: number; probability: number}[];
}

/** The mask-set row of `node` (MASK_SET_PRICES), or undefined for a node with no published price. */
export function maskSetOf(node: unknown): (typeof MASK_SET_PRICES)[number] | undefined {
  return MASK_SET_PRICES.find((row) => row.node === node);
}

/**
 * Throws: UserError naming the input for a value out of PROGRAM_NRE_RANGES, or naming `node` for a node with no
 * mask-set price.
 */
export function programNre(input: ProgramNreInput): ProgramNreResult {
  checkRanges(input, PROGRAM_NRE_RANGES);
  const mask = maskSetOf(input.node);
  if (!mask) {
    throw new UserError({
      path: "node",
      message: "no mask-set price for this node",
      expected: `one of ${MASK_SET_PRICES.map((row) => row.node).join(", ")}`,
      found: input.node
    });
  }
  const partsUsd = {
    masks: mask.usd * (1 + input.respinProbability),
    ip: input.ipLicencesUsd,
    labour: ((input.engineers * input.designMonths) / 12) * input.loadedUsdPerEngineerYear,
    software: input.softwareUsd
  };
  const firstTimeUsd = mask.usd + partsUsd.ip + partsUsd.labour + partsUsd.software;
  return {
    partsUsd,
    nreUsd: partsUsd.masks + partsUsd.ip + partsUsd.labour + partsUsd.software,
    outcomes: [
      {nreUsd: firstTimeUsd, cycleMonths: input.designMonths, probability: 1 - input.respinProbability},
      {
        nreUsd: firstTimeUsd + mask.usd,
        cycleMonths: input.designMonths + input.respinMonths,
        probability: input.respinProbability
      }
    ],
    expectedCycleMonths: input.designMonths + input.respinProbability * input.respinMonths,
    cycleOutcomes: [
      {months: input.designMonths, probability: 1 - input.respinProbability},
      {months: input.designMonths + input.respinMonths, probability: input.respinProbability}
    ]
  };
}

/** A program's NRE inputs with the source of each (the custom-silicon chapter's build-up). */
export const CUSTOM_PROGRAM_NRE: {input: ProgramNreInput; sources: Record<keyof ProgramNreInput, string>} = {
  input: {
    node: "n3",
    ipLicencesUsd: 20e6,
    engineers: 200,
    designMonths: 9,
    loadedUsdPerEngineerYear: 300e3,
    softwareUsd: 20e6,
    respinProbability: 0.76,
    respinMonths: 4.5
  },
  sources: {
    node: "assumption: N3, as the custom chip's die (src/silicon/customChipCost.ts)",
    ipLicencesUsd: "assumption: $20M of licensed SerDes, HBM PHY and PCIe IP; no published figure found",
    engineers: "assumption: a 200-engineer design and verification team; no published figure found",
    designMonths: "the story's 9-month design cycle (one lab's report; asic-9-months)",
    loadedUsdPerEngineerYear: "assumption: $300k per engineer-year with EDA seats; no published figure found",
    softwareUsd: "assumption: $20M for compiler, kernels and serving integration; no published figure found",
    respinProbability:
      'Siemens EDA / Wilson Research Group 2022 study: "only about 24 percent of today\'s projects can achieve first silicon success" (14% in the 2024 study)',
    respinMonths: 'Meta MTIA: "3–6 months per attempt" (useluminix.com); midpoint 4.5'
  }
};
