import { unaryDoubleFunction } from './math-kernels.ts';

/** `exp(x)`: e to the power x. */
export const exp = unaryDoubleFunction('exp', Math.exp);
