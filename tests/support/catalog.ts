import pg from 'pg';

/** A comparable description of a database's public schema: tables, columns, enums, indexes, constraints. */
export async function describeCatalog(url: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const rows: string[] = [];
    const columns = await client.query(`
      SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
      FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'`);
    for (const c of columns.rows) rows.push(`column ${c.table_name}.${c.column_name} ${c.data_type}/${c.udt_name} null=${c.is_nullable} default=${c.column_default}`);
    const enums = await client.query(`
      SELECT t.typname, e.enumlabel, e.enumsortorder FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
      JOIN pg_namespace n ON n.oid = t.typnamespace WHERE n.nspname = 'public'`);
    for (const e of enums.rows) rows.push(`enum ${e.typname} ${e.enumsortorder}:${e.enumlabel}`);
    const indexes = await client.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`);
    for (const i of indexes.rows) rows.push(`index ${i.indexname} ${i.indexdef}`);
    const constraints = await client.query(`
      SELECT conrelid::regclass::text AS table_name, conname, pg_get_constraintdef(oid) AS def
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND conrelid::regclass::text <> '_prisma_migrations'`);
    for (const c of constraints.rows) rows.push(`constraint ${c.table_name}.${c.conname} ${c.def}`);
    return rows.sort();
  } finally {
    await client.end();
  }
}
