/** Bytes: decimal (GB, TB, as vendors quote HBM capacity and bandwidth) and binary (GiB) kept apart. */
export const BYTES_PER_KB = 1e3;
export const BYTES_PER_MB = 1e6;
export const BYTES_PER_GB = 1e9;
export const BYTES_PER_TB = 1e12;
export const BYTES_PER_KIB = 1024;
export const BYTES_PER_MIB = 1024 ** 2;
export const BYTES_PER_GIB = 1024 ** 3;
