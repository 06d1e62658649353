import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import { boundaries } from './eslint/boundaries.mjs';

// engine/ is the pure autograd engine: nothing from the app, its pages, components or the Prisma client.
const ENGINE_IS_PURE = {
  regex: '^(?:@/|(?:\\.\\./)+)(?:lib|app|components|generated)(?:/|$)',
  message: 'engine/ imports nothing from lib, app, components or generated.',
};
// engine/exercises and engine/playground build on the engine alone (no other @/ folder, no app packages).
const ONLY_ENGINE = {
  regex: '^@/(?!engine(?:/|$))',
  message: 'engine/exercises and engine/playground import only from engine/.',
};
// lib/ is below the UI: services never import pages or components.
const LIB_BELOW_UI = {
  regex: '^(?:@/|(?:\\.\\./)+)(?:app|components)(?:/|$)',
  message: 'lib/ imports nothing from app/ or components/.',
};

// lib/live's inner rooms: protocol/ (what browser and server share) knows nothing of the server's
// rooms; state/ (database transitions), views/ (what is read and shown) and variants/ never reach
// up into announce/ (the emits and timers) or the socket handlers.
const LIVE_PROTOCOL_ALONE = {
  regex: '^(?:@/lib/live/|(?:\\.\\./)+)(?:state|announce|views|variants|register-live-handlers)(?:/|$)',
  message: 'lib/live/protocol imports nothing from the other rooms of lib/live (state, announce, views, variants, handlers).',
};
const LIVE_BELOW_ANNOUNCE = {
  regex: '^(?:@/lib/live/|(?:\\.\\./)+)(?:announce|register-live-handlers)(?:/|$)',
  message: 'lib/live/state, views and variants import nothing from lib/live/announce or the socket handlers.',
};

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
  // Folder rules (issue #16; tests/unit/lint-boundaries.test.ts proves each one fires).
  {
    files: ['engine/**/*.ts', 'engine/**/*.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ENGINE_IS_PURE] }] },
  },
  {
    files: ['engine/exercises/**/*.ts', 'engine/playground/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ENGINE_IS_PURE, ONLY_ENGINE] }] },
  },
  {
    files: ['lib/**/*.ts', 'lib/**/*.tsx'],
    rules: { 'no-restricted-imports': ['error', { patterns: [LIB_BELOW_UI] }] },
  },
  {
    files: ['lib/live/protocol/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [LIB_BELOW_UI, LIVE_PROTOCOL_ALONE] }] },
  },
  {
    files: ['lib/live/state/**/*.ts', 'lib/live/views/**/*.ts', 'lib/live/variants/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [LIB_BELOW_UI, LIVE_BELOW_ANNOUNCE] }] },
  },
  {
    files: ['app/**/*.ts', 'app/**/*.tsx', 'components/**/*.ts', 'components/**/*.tsx', 'lib/**/*.ts', 'lib/**/*.tsx', 'engine/**/*.ts'],
    plugins: { boundaries },
    rules: { 'boundaries/client-imports': 'error' },
  },
  {
    // One template filler (lib/i18n/fill.ts): no hand-written `.replace('{n}', …)` on a localised text.
    files: ['app/**/*.ts', 'app/**/*.tsx', 'components/**/*.ts', 'components/**/*.tsx', 'lib/**/*.ts', 'lib/**/*.tsx'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "CallExpression[callee.property.name=/^replace(All)?$/][arguments.0.type='Literal'][arguments.0.value=/^\\{\\w+\\}$/]",
        message: "Fill a template's {placeholders} with fill() from lib/i18n/fill.ts.",
      }],
    },
  },
  // engine/kernels/assembly is AssemblyScript (compiled by asc, not tsc): see engine/kernels/build-kernels.ts.
  { ignores: ['tests/fixtures/lint/**', 'engine/kernels/assembly/**', 'node_modules/**', '.next/**', 'generated/**', '.data/**', 'test-results/**', 'next-env.d.ts'] },
];

export default config;
