import { defineConfig } from 'prisma/config';

// Used by `prisma generate` only: migrations run offline through the WebAssembly schema engine
// (scripts/db-migrate.ts), and the app connects through the pg driver adapter (lib/db.ts).
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed.ts' },
});
