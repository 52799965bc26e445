import {KNOWN_CHIP_VENDORS} from "../catalog/chipVendor.js";
import type {Hardware} from "../catalog/hardware.js";
import {SOFTWARE_STACKS, type SoftwareStack} from "./calibration/measurement.js";

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
 * KNOWN_CHIP_VENDORS (src/catalog/chipVendor.ts) are the vendors whose chips the table above can rule on: the makers of
 * the catalog's real chips. A chip of any other vendor (the catalog's hypothetical ASIC, vendor "Hypothetical"; a chip
 * given by its specs, "custom"; a chip a report project adds) is accepted on every stack: its software is as
 * hypothetical as the chip, and the stack only picks the efficiencies and the KV-cache admission it is modelled with
 * (the default stack, TensorRT-LLM, included). A catalog row's vendor that is a near miss of a known one (`NVDIA`) is
 * refused where the row is read (parseHardwareCsv), so that it cannot make a real chip take every stack.
 */
export {KNOWN_CHIP_VENDORS};

/**
 * True when `stack` runs on `hardware`: a stack without a vendor list, a chip whose vendor is on the stack's list, or
 * a chip of a vendor not in KNOWN_CHIP_VENDORS. Vendors compare without regard to case.
 */
export function stackRunsOn(stack: SoftwareStack, hardware: Pick<Hardware, "vendor">): boolean {
  const vendors = STACK_CHIP_VENDORS[stack];
  if (vendors === null) return true;
  const vendor = hardware.vendor.toLowerCase();
  if (!KNOWN_CHIP_VENDORS.some((known) => known.toLowerCase() === vendor)) return true;
  return vendors.some((allowed) => allowed.toLowerCase() === vendor);
}

/** The stacks that run on `hardware` (stackRunsOn), in SOFTWARE_STACKS order. */
export function stacksFor(hardware: Pick<Hardware, "vendor">): SoftwareStack[] {
  return SOFTWARE_STACKS.filter((stack) => stackRunsOn(stack, hardware));
}

/** The stack a chip is served on when none is chosen, where it runs: TensorRT-LLM, the stack of NVIDIA's MLPerf runs. */
export const PREFERRED_STACK: SoftwareStack = "trtllm";

/**
 * The stack a chip is served on when none is chosen (a scenario without serving.stack, `inference` without --stack):
 * PREFERRED_STACK where it runs, else vLLM, which runs on every chip (an AMD GPU, a TPU, a Trainium).
 */
export function defaultStackFor(hardware: Pick<Hardware, "vendor">): SoftwareStack {
  return stackRunsOn(PREFERRED_STACK, hardware) ? PREFERRED_STACK : "vllm";
}
