/**
 * Gross dies per wafer: whole rectangular dies of area A that fit on a round wafer of diameter d, by the standard
 * formula with an edge-loss term (de Vries, "Investigation of gross die per wafer formulas", IEEE Transactions on
 * Semiconductor Manufacturing 18(1), 2005; the same formula as the Wikipedia article "Die (integrated circuit)"):
 *
 *   gross dies = floor( π (d/2)² / A − π d / √(2 A) )
 *
 * The first term is wafer area over die area; the second counts the partial dies lost along the edge. Scribe lines
 * and an edge exclusion are not modelled (they take a few per cent more).
 *
 * Check: an 840 mm² die on a 300 mm wafer: 70,686 / 840 − 942.5 / 40.99 = 84.15 − 22.99 = 61.2 → 61.
 */

/** The standard 300 mm wafer, mm. */
export const WAFER_DIAMETER_300_MM = 300;

/**
 * The largest die one lithography exposure field prints: 26 mm × 33 mm = 858 mm² (the full-field scanner reticle,
 * ASML NXT/NXE; "a single reticle field … is about 858 mm² (roughly 26 × 33 mm)", aidatacenterguide.com ch. 7.7).
 */
export const RETICLE_LIMIT_MM2 = 26 * 33;

export interface DiesPerWaferInput {
  /** Area of one die, mm²; in (0, RETICLE_LIMIT_MM2]. */
  dieAreaMm2: number;
  /** Wafer diameter, mm; > 0. Defaults to 300. */
  waferDiameterMm?: number;
}

/**
 * Whole dies per wafer (an integer >= 0).
 *
 * Throws: RangeError when the die area is not a positive finite number or exceeds the reticle limit, or when the
 * wafer diameter is not positive.
 */
export function grossDiesPerWafer({dieAreaMm2, waferDiameterMm = WAFER_DIAMETER_300_MM}: DiesPerWaferInput): number {
  if (!(dieAreaMm2 > 0) || !Number.isFinite(dieAreaMm2)) {
    throw new RangeError(`die area: expected a positive area in mm², found ${dieAreaMm2}`);
  }
  if (dieAreaMm2 > RETICLE_LIMIT_MM2) {
    throw new RangeError(
      `die area: expected at most the reticle limit of ${RETICLE_LIMIT_MM2} mm² (26 × 33 mm), found ${dieAreaMm2} mm²`
    );
  }
  if (!(waferDiameterMm > 0) || !Number.isFinite(waferDiameterMm)) {
    throw new RangeError(`wafer diameter: expected a positive diameter in mm, found ${waferDiameterMm}`);
  }
  const radiusMm = waferDiameterMm / 2;
  const dies = (Math.PI * radiusMm * radiusMm) / dieAreaMm2 - (Math.PI * waferDiameterMm) / Math.sqrt(2 * dieAreaMm2);
  return Math.max(0, Math.floor(dies));
}
