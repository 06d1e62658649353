// AssemblyScript entry point of engine/kernels/kernels.wasm (built by `npm run build:kernels`).
export { gemm, packABytes, packBBytes } from './gemm';
export { peakMulAdd } from './peak';
export { im2col, col2im } from './conv';
export { expForward, sigmoidForward, tanhForward, sigmoidBackward, tanhBackward } from './elementwise';
