/**
 * Price of one processed 300 mm logic wafer by TSMC process node, USD. Published figures are few and dated; every row
 * names its source and date, and `estimated` marks a figure from a press report rather than a leaked price list.
 *
 * The leaked TSMC price list (April 2020), posted by @chiakokhua ("RetiredEngineer") and reported by TechPowerUp,
 * "Alleged Prices of TSMC Silicon Wafers Appear" (https://www.techpowerup.com/forums/posts/4350609) and Gadget
 * Crutches, "TSMC wafer prices leaked: One wafer @ 5nm costs $16,988"
 * (https://gadgetcrutches.com/technology/tsmc-wafer-prices-leaked-one-wafer-5nm-costs-16988/):
 * 90 nm $1,650; 16/12 nm $3,984; 10 nm $5,992; 7 nm $9,346; 5 nm $16,988.
 */
export interface WaferPrice {
  /** Node id as a scenario writes it. */
  readonly node: string;
  /** USD per 300 mm wafer. */
  readonly priceUsdPerWafer: number;
  readonly source: string;
  /** True when the figure is a press estimate, not a price list. */
  readonly estimated: boolean;
}

const TSMC_2020 =
  'TSMC price list of April 2020 leaked by @chiakokhua (TechPowerUp, "Alleged Prices of TSMC Silicon Wafers Appear", https://www.techpowerup.com/forums/posts/4350609)';

export const WAFER_PRICES: readonly WaferPrice[] = [
  {
    node: "n28",
    priceUsdPerWafer: 3000,
    source:
      'about $3,000 for 28 nm in 2011 (Electronic Times via SMBOM, "TSMC 3nm wafer price as high as $20,000", https://www.smbom.com/news/11445)',
    estimated: true
  },
  {node: "n16", priceUsdPerWafer: 3984, source: `${TSMC_2020}: 16/12 nm $3,984`, estimated: false},
  {node: "n10", priceUsdPerWafer: 5992, source: `${TSMC_2020}: 10 nm $5,992`, estimated: false},
  {node: "n7", priceUsdPerWafer: 9346, source: `${TSMC_2020}: 7 nm $9,346`, estimated: false},
  {node: "n5", priceUsdPerWafer: 16988, source: `${TSMC_2020}: 5 nm $16,988`, estimated: false},
  {
    node: "n4",
    priceUsdPerWafer: 16988,
    source: `N4/4N is an N5-family node; priced as N5 (${TSMC_2020}: 5 nm $16,988)`,
    estimated: true
  },
  {
    node: "n3",
    priceUsdPerWafer: 20000,
    source:
      "DigiTimes: TSMC to sell N3 at about $20,000 per wafer, 25% over N5 (via SpineTechNews, https://spinetechnews.com/tsmc-supposedly-intends-to-increase-3nm-wafer-costs-25-percent-over-5nm-to-20000/)",
    estimated: true
  }
];

/** Node ids with a wafer price, in table order. */
export const WAFER_NODES: readonly string[] = WAFER_PRICES.map((row) => row.node);

/**
 * The wafer price row of a node.
 *
 * Throws: RangeError naming the known nodes when the node has no price.
 */
export function waferPrice(node: string): WaferPrice {
  const row = WAFER_PRICES.find((r) => r.node === node);
  if (!row) {
    throw new RangeError(
      `process node: expected one of ${WAFER_NODES.join(", ")} (nodes with a wafer price), found ${node}`
    );
  }
  return row;
}
