// Types for the parts of @observablehq/inputs (0.12, a dependency of @observablehq/framework, untyped) that
// components use. Pages import the package bare and untyped, as Framework does.
declare module "@observablehq/inputs" {
  /** An Inputs form: a <form> whose value is the input's, firing "input" as it changes. */
  export interface InputsForm<T> extends HTMLFormElement {
    value: T;
  }
  export interface RangeOptions {
    label?: string | Node;
    value?: number;
    step?: number;
    format?: (value: number) => string;
    transform?: (value: number) => number;
    invert?: (value: number) => number;
    placeholder?: string;
    disabled?: boolean;
    width?: number | string;
    validate?: (input: HTMLInputElement) => boolean;
  }
  export function range(extent?: [number, number], options?: RangeOptions): InputsForm<number>;
}
