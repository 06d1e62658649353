/**
 * Builds engine/kernels/kernels.wasm from the AssemblyScript sources in engine/kernels/assembly/
 * (`npm run build:kernels`). The .wasm is committed; kernels.test.ts rebuilds it into a temporary
 * file and requires the same bytes, so the binary in the repository is always this source's.
 *
 *   npm run build:kernels                 # rewrites engine/kernels/kernels.wasm
 *   tsx engine/kernels/build-kernels.ts /tmp/out.wasm
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const KERNELS_SOURCE = path.join(HERE, 'assembly', 'index.ts');
export const KERNELS_WASM = path.join(HERE, 'kernels.wasm');

/**
 * The compiler flags: -O3, the stub runtime (no GC: the kernels allocate nothing), 128-bit SIMD,
 * memory imported (the loader owns one WebAssembly.Memory per thread and grows it), no
 * assertions in the hot loops (bounds are the loader's job).
 */
export const ASC_FLAGS = ['-O3', '--runtime', 'stub', '--enable', 'simd', '--importMemory', '--noAssert'] as const;

export function buildKernels(outFile: string = KERNELS_WASM): void {
  const asc = path.resolve(HERE, '..', '..', 'node_modules', 'assemblyscript', 'bin', 'asc.js');
  execFileSync(process.execPath, [asc, KERNELS_SOURCE, ...ASC_FLAGS, '--outFile', outFile], { stdio: 'inherit' });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ? path.resolve(process.argv[2]) : KERNELS_WASM;
  buildKernels(out);
  console.log(`built ${path.relative(process.cwd(), out)}`);
}
