import fs from 'node:fs';
import path from 'node:path';

// The folder rules of issue #16 that a glob cannot express: a client component ('use client') or a
// protocol/schema module (shared by browser and server) must not import a server-only module (one
// that starts with `import 'server-only'`) or the exercise barrel `@/engine/exercises` (generators,
// solvers, seeds). Type-only imports are erased at build time and allowed.

const ROOT = path.resolve(import.meta.dirname, '..');
const PROTOCOL_FILE = /(?:-schemas?|-events|-payloads|-protocol)\.tsx?$|[\\/]protocol[\\/]|[\\/]lib[\\/]validation[\\/]|[\\/]lib[\\/]errors\.ts$|[\\/]lib[\\/]realtime[\\/]namespaces\.ts$/;
const EXERCISE_BARREL = /^@\/engine\/exercises(?:\/index(?:\.ts)?)?$/;
const serverOnlyCache = new Map();

function resolveImport(specifier, fromFile) {
  let base;
  if (specifier.startsWith('@/')) base = path.join(ROOT, specifier.slice(2));
  else if (specifier.startsWith('.')) base = path.resolve(path.dirname(fromFile), specifier);
  else return null;
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function isServerOnly(file) {
  if (!serverOnlyCache.has(file)) serverOnlyCache.set(file, /^import ['"]server-only['"];?\s*$/m.test(fs.readFileSync(file, 'utf8')));
  return serverOnlyCache.get(file);
}

const clientImports = {
  meta: {
    type: 'problem',
    docs: { description: 'client components and protocol/schema modules import only client-safe modules' },
    messages: {
      serverOnly: '{{kind}} must not import the server-only module "{{specifier}}" (it would pull server code into the browser or fail the build).',
      barrel: '{{kind}} must not import the exercise barrel "{{specifier}}" (generators, solvers and seeds would reach the browser); import "@/engine/exercises/client".',
    },
    schema: [],
  },
  create(context) {
    const filename = context.filename;
    const isClient = context.sourceCode.ast.body.some((node) => node.type === 'ExpressionStatement' && node.directive === 'use client');
    const isProtocol = PROTOCOL_FILE.test(filename);
    if (!isClient && !isProtocol) return {};
    const kind = isClient ? "A 'use client' module" : 'A protocol/schema module';
    const check = (node, specifier, isTypeOnly) => {
      if (isTypeOnly || typeof specifier !== 'string') return;
      if (EXERCISE_BARREL.test(specifier)) return context.report({ node, messageId: 'barrel', data: { kind, specifier } });
      if (specifier === 'server-only') return context.report({ node, messageId: 'serverOnly', data: { kind, specifier } });
      const file = resolveImport(specifier, filename);
      if (file && isServerOnly(file)) context.report({ node, messageId: 'serverOnly', data: { kind, specifier } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value, node.importKind === 'type' || (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === 'type'))),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value, node.exportKind === 'type'),
      ExportAllDeclaration: (node) => check(node, node.source.value, node.exportKind === 'type'),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value, false),
    };
  },
};

export const boundaries = { rules: { 'client-imports': clientImports } };
