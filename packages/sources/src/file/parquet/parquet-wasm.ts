import { createRequire } from 'node:module';

export type ParquetWasm = typeof import('parquet-wasm');

let loaded: ParquetWasm | undefined;

/**
 * parquet-wasm's Node build (CommonJS, compiles its 5 MB WebAssembly module synchronously when required),
 * loaded on the first Parquet read rather than on import. Synchronous because schema inference runs when a
 * DataFrame is defined.
 */
export function parquetWasm(): ParquetWasm {
  loaded ??= createRequire(import.meta.url)('parquet-wasm') as ParquetWasm;
  return loaded;
}
