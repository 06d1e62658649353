import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory, type SqlMigrationAwareDriverAdapterFactory } from '@prisma/driver-adapter-utils';
import type { MigrationList, SchemaEngine } from '@prisma/schema-engine-wasm/schema_engine_bg';

// Prisma's schema engine compiled to WebAssembly, bound to the pg driver adapter. The native
// engine cannot be downloaded on offline machines; this one ships in an npm package and records
// migrations in `_prisma_migrations` exactly as `prisma migrate deploy` does.

const ROOT = path.resolve(import.meta.dirname, '..', '..');
export const SCHEMA_PATH = path.join(ROOT, 'prisma', 'schema.prisma');
export const MIGRATIONS_DIR = path.join(ROOT, 'prisma', 'migrations');
const NO_FILTERS = { externalTables: [], externalEnums: [] };

type SchemaEngineModule = typeof import('@prisma/schema-engine-wasm/schema_engine_bg');

let wasmModule: Promise<SchemaEngineModule> | undefined;

function loadWasm(): Promise<SchemaEngineModule> {
  wasmModule ??= (async () => {
    // The package's ESM entry imports the .wasm file directly, which Node 20 cannot; load the glue by path.
    const packageDir = path.dirname(createRequire(import.meta.url).resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
    const glue: SchemaEngineModule = await import(pathToFileURL(path.join(packageDir, 'schema_engine_bg.js')).href);
    const bytes = fs.readFileSync(path.join(packageDir, 'schema_engine_bg.wasm'));
    const { instance } = await WebAssembly.instantiate(bytes, { './schema_engine_bg.js': glue as unknown as WebAssembly.ModuleImports });
    const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start?: () => void };
    glue.__wbg_set_wasm(exports);
    exports.__wbindgen_start?.();
    return glue;
  })();
  return wasmModule;
}

export interface OpenedSchemaEngine {
  engine: SchemaEngine;
  /** Frees the engine and ends the pg pools it opened (else the process idles until they time out). */
  close: () => Promise<void>;
}

export async function openSchemaEngine(databaseUrl: string): Promise<OpenedSchemaEngine> {
  const wasm = await loadWasm();
  const factory = new PrismaPg({ connectionString: databaseUrl });
  const opened: { dispose: () => Promise<void> }[] = [];
  // Remember every connection the engine opens, so close() can end their pools.
  const tracking: SqlMigrationAwareDriverAdapterFactory = {
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => track(await factory.connect()),
    connectToShadowDb: async () => track(await factory.connectToShadowDb()),
  };
  function track<A extends { dispose: () => Promise<void> }>(adapter: A): A {
    opened.push(adapter);
    return adapter;
  }
  const adapter = bindMigrationAwareSqlAdapterFactory(tracking);
  const schemaText = fs.readFileSync(SCHEMA_PATH, 'utf8');
  const engine = await wasm.SchemaEngine.new({ datamodels: [['schema.prisma', schemaText]] }, () => {}, adapter);
  return {
    engine,
    close: async () => {
      engine.free();
      await Promise.all(opened.map((connection) => connection.dispose().catch(() => {})));
    },
  };
}

export function readMigrationList(): MigrationList {
  const names = fs.existsSync(MIGRATIONS_DIR)
    ? fs.readdirSync(MIGRATIONS_DIR).filter((name) => fs.existsSync(path.join(MIGRATIONS_DIR, name, 'migration.sql'))).sort()
    : [];
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: 'migration_lock.toml', content: 'provider = "postgresql"\n' },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: fs.readFileSync(path.join(MIGRATIONS_DIR, name, 'migration.sql'), 'utf8') },
      },
    })),
  };
}

/** Applies every committed migration not yet applied; returns the names applied now. */
export async function applyMigrations(databaseUrl: string): Promise<string[]> {
  const { engine, close } = await openSchemaEngine(databaseUrl);
  try {
    const result = await engine.applyMigrations({ migrationsList: readMigrationList(), filters: NO_FILTERS });
    return result.appliedMigrationNames;
  } finally {
    await close();
  }
}

export const SNAPSHOT_FILE = 'schema.prisma.snapshot';

/**
 * SQL from one datamodel to another, computed from the two schema texts alone. (A diff from the
 * migrations folder needs the engine to describe a live database, which the wasm engine cannot do
 * through the pg adapter; so every migration folder keeps a snapshot of the schema it produced.)
 */
export async function diffSchemas(databaseUrl: string, fromSchema: string | null, toSchema: string): Promise<string> {
  const { engine, close } = await openSchemaEngine(databaseUrl);
  try {
    const result = await engine.diff({
      from: fromSchema === null ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: fromSchema }] },
      to: { tag: 'schemaDatamodel', files: [{ path: 'schema.prisma', content: toSchema }] },
      script: true,
      exitCode: null,
      filters: NO_FILTERS,
    });
    return (result.stdout ?? '').trim();
  } finally {
    await close();
  }
}

/** The schema snapshot stored with the newest migration, or null when there is no migration yet. */
export function readLatestSnapshot(): string | null {
  const latest = readMigrationList().migrationDirectories.at(-1);
  if (!latest) return null;
  const file = path.join(MIGRATIONS_DIR, latest.path, SNAPSHOT_FILE);
  if (!fs.existsSync(file)) throw new Error(`${latest.path} has no ${SNAPSHOT_FILE}; every migration folder must keep one`);
  return fs.readFileSync(file, 'utf8');
}

export function readSchema(): string {
  return fs.readFileSync(SCHEMA_PATH, 'utf8');
}

/** True when an SQL script has no statements (only comments and blank lines). */
export function isEmptySql(sql: string): boolean {
  return sql.split('\n').every((line) => line.trim() === '' || line.trim().startsWith('--'));
}
