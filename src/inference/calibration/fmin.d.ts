// Types for fmin 0.0.2 (Ben Frederickson's function minimisation), which ships none: only what we use.
declare module "fmin" {
  export interface NelderMeadResult {
    x: number[];
    fx: number;
  }
  export interface NelderMeadParameters {
    maxIterations?: number;
    nonZeroDelta?: number;
    zeroDelta?: number;
    minErrorDelta?: number;
  }
  export function nelderMead(
    f: (x: number[]) => number,
    x0: number[],
    parameters?: NelderMeadParameters
  ): NelderMeadResult;
}
