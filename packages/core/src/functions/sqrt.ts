import { unaryDoubleFunction } from './math-kernels.ts';

/** `sqrt(x)`: NaN for negative input, as Java's Math.sqrt. */
export const sqrt = unaryDoubleFunction('sqrt', Math.sqrt);
