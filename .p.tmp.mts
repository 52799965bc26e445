import {UNMEASURED_CHIP_PRIOR} from "./src/inference/unmeasuredChipPrior.ts";
console.log(UNMEASURED_CHIP_PRIOR);
