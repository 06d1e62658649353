import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Not React code: a function named use… there is not a hook.
    files: ['engine/**', 'bench/**', 'scripts/**', 'tests/**', 'prisma/**', 'server.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  // engine/kernels/assembly is AssemblyScript (compiled by asc, not tsc): see engine/kernels/build-kernels.ts.
  { ignores: ['engine/kernels/assembly/**', 'node_modules/**', '.next/**', 'generated/**', '.data/**', 'test-results/**', 'next-env.d.ts'] },
];

export default config;
