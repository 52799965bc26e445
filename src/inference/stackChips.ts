import {KNOWN_CHIP_VENDORS, sameVendor} from "../catalog/chipVendor.js";
import type {Hardware} from "../catalog/hardware.js";
import {SOFTWARE_STACKS, type SoftwareStack} from "./calibration/measurement.js";
import {checkRowText} from "../units/range.js";

/**
 * The chip vendors each serving stack runs on (data/hardware.csv `vendor`), or null for a stack that runs on any chip.
 * From each project's documentation:
 *
 *   trtllm  TensorRT-LLM builds CUDA engines for NVIDIA GPUs only (support matrix,
 *           https://nvidia.github.io/TensorRT-LLM/reference/support-matrix.html).
 *   neuron  The AWS Neuron SDK compiles for AWS Trainium and Inferentia only
 *           (https://awsdocs-neuron.readthedocs-hosted.com/en/latest/).
 *   vllm    vLLM runs on NVIDIA and AMD GPUs, Intel GPUs and Gaudi, Google TPUs and AWS Neuron, among others
 *           (supported hardware, https://docs.vllm.ai/en/latest/getting_started/installation/).
 *   sglang  SGLang runs on NVIDIA and AMD GPUs, Intel, Google TPUs and Ascend NPUs (https://docs.sglang.ai/).
 *   jax     JAX runs on CPUs, NVIDIA and AMD GPUs and Google TPUs, and on Trainium through the Neuron plugin
 *           (installation, https://docs.jax.dev/en/latest/installation.html).
 *   other   a stack of the user's own, on whatever chip it serves.
 */
export const STACK_CHIP_VENDORS: Readonly<Record<SoftwareStack, readonly string[] | null>> = {
  trtllm: ["NVIDIA"],
  neuron: ["AWS"],
  vllm: null,
  sglang: null,
  jax: null,
  other: null
};

/**
 * A stack with a vendor list is its maker's own software and runs on that maker's chips only, whoever else makes the
 * chip: TensorRT-LLM on NVIDIA's, Neuron on AWS's (no stack here is TPU-only: JAX and vLLM both run on TPUs and on
 * others). A chip of any other vendor (the catalog's hypothetical ASIC, vendor "Hypothetical"; a chip given by its
 * specs, "custom"; a chip a report project adds, "Cerebras") runs the vendor-neutral stacks only, those with a null
 * list: vLLM, SGLang, JAX (its PJRT plugins put it on any maker's accelerator) and `other`. A catalog row's vendor
 * that is a near miss or another name of a known one (`NVDIA`, `Amazon`) is refused where the row is read
 * (parseHardwareCsv, knownVendorNearMiss), so that a real chip is not taken for an unknown maker's.
 */
export {KNOWN_CHIP_VENDORS};

/**
 * True when `stack` runs on `hardware`: a vendor-neutral stack (no vendor list), or a chip whose vendor is on the
 * stack's list. Vendors compare without regard to case.
 */
export function stackRunsOn(stack: SoftwareStack, hardware: Pick<Hardware, "vendor">): boolean {
  const vendors = STACK_CHIP_VENDORS[stack];
  if (vendors === null) return true;
  return vendors.some((allowed) => sameVendor(allowed, hardware.vendor));
}

/** The stacks that run on `hardware` (stackRunsOn), in SOFTWARE_STACKS order. */
export function stacksFor(hardware: Pick<Hardware, "vendor">): SoftwareStack[] {
  return SOFTWARE_STACKS.filter((stack) => stackRunsOn(stack, hardware));
}

/**
 * The stack a chip is served on when none is chosen, where it runs (NVIDIA's chips): TensorRT-LLM, the stack of
 * NVIDIA's MLPerf runs.
 */
export const PREFERRED_STACK: SoftwareStack = "trtllm";
/** The stack a chip is served on when none is chosen and PREFERRED_STACK does not run on it: vLLM, vendor-neutral. */
export const NEUTRAL_STACK: SoftwareStack = "vllm";

/**
 * The stack a chip is served on when none is chosen (a scenario without serving.stack, `inference` without --stack):
 * PREFERRED_STACK where it runs (an NVIDIA GPU), else NEUTRAL_STACK, vLLM, which runs on every chip (an AMD GPU, a TPU,
 * a Trainium, a chip of a maker the catalog does not know).
 *
 * @param hardware A catalog row (its `vendor` is read).
 * @returns A SOFTWARE_STACKS name.
 * @throws UserError naming `hardware` when it is not a row (a script's undefined read "Cannot read properties of
 *   undefined (reading 'vendor')"; modeller trial), or `hardware.vendor` when the row has no vendor text.
 */
export function defaultStackFor(hardware: Pick<Hardware, "vendor">): SoftwareStack {
  checkRowText("hardware", hardware, "vendor", 'a hardware row, e.g. findById(catalogs.hardware, id, "hardware")');
  return stackRunsOn(PREFERRED_STACK, hardware) ? PREFERRED_STACK : NEUTRAL_STACK;
}
