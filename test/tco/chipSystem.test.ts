import fc from "fast-check";
import {describe, expect, it} from "vitest";
import {loadCatalogs} from "../../src/node/catalogFiles.js";
import {catalogChipHour, sharedOwnership} from "../../src/scenario/evaluate/ownershipInput.js";
import {schemaDefaults} from "../../src/scenario/file/schema.js";
import {CHIP_HOUR_COMPONENTS, chipHourCost} from "../../src/tco/chipHourCost.js";
import {catalogChipSystem} from "../../src/tco/chipSystem.js";

const {hardware} = loadCatalogs();
const chip = (id: string) => hardware.find((h) => h.id === id)!;
const shared = sharedOwnership(schemaDefaults());

describe("per-chip system overheads from data/hardware.csv", () => {
  it("does not charge a B200 for a second server: its DGX price already holds one, so only the network is added", () => {
    // b200 price_usd is a DGX B200 per GPU (Epoch AI Hardware prices, server included); system_overhead is the
    // cluster network alone, 0.19 / 0.81 = 0.235 (Epoch AI's 19% of cluster cost), not the HGX-board 0.5.
    const b200 = chip("b200");
    expect(b200.systemOverheadFraction).toBeCloseTo(0.19 / 0.81, 3);
    expect(b200.systemOverheadFraction).toBeLessThan(chip("h100-sxm").systemOverheadFraction);
    const hour = chipHourCost(catalogChipHour(shared, b200, b200.priceUsd!, 0.75));
    expect(hour.systemCapitalUsdPerChipHour / hour.chipCapitalUsdPerChipHour).toBeCloseTo(0.235, 3);
  });

  it("gives a GB200 the NVL72 rack's IT power per GPU, within 10% of the published ~120 kW / 72 = 1.67 kW", () => {
    // GB200 NVL72 rack ~120 kW with 72 GPUs, 36 Grace CPUs and switches (facts.md §5)
    const gb200 = chip("gb200");
    const hour = chipHourCost(catalogChipHour(shared, gb200, gb200.priceUsd!, 0.75));
    expect(Math.abs(hour.itPowerKw / (120 / 72) - 1)).toBeLessThan(0.1);
    // The old uniform +82% host power gave 1.2 × 1.82 = 2.18 kW per GPU, 31% above the rack's figure.
    expect(catalogChipSystem(gb200).hostPowerFraction).toBeCloseTo(1667 / 1200 - 1, 6);
  });

  it("gives an H100 the DGX H100's 10.2 kW / 8 = 1.275 kW per GPU (NVIDIA, via Epoch AI energy.py)", () => {
    const h100 = chip("h100-sxm");
    expect(chipHourCost(catalogChipHour(shared, h100, h100.priceUsd!, 0.75)).itPowerKw).toBeCloseTo(1.275, 9);
  });

  it("has a chip-hour breakdown that sums to the total for every priced chip (property over the ownership keys)", () => {
    const priced = hardware.filter((h) => h.priceUsd !== null);
    fc.assert(
      fc.property(
        fc.constantFrom(...priced),
        fc.double({min: 0.01, max: 1, noNaN: true}),
        fc.double({min: 1, max: 2, noNaN: true}),
        (h, averageDrawFraction, pue) => {
          const hour = chipHourCost(catalogChipHour({...shared, averageDrawFraction, pue}, h, h.priceUsd!, 0.75));
          const parts = CHIP_HOUR_COMPONENTS.map((c) => hour[`${c}UsdPerChipHour`]);
          expect(parts.reduce((a, b) => a + b, 0) / hour.totalUsdPerChipHour).toBeCloseTo(1, 12);
        }
      )
    );
  });
});
