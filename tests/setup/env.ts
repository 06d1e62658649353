import { inject } from 'vitest';

// Integration tests import lib/ services directly: point them at this run's database.
process.env.DATABASE_URL = inject('databaseUrl');
process.env.NEXTAUTH_SECRET = inject('authSecret');
process.env.SEED_SECRET = inject('seedSecret');
process.env.LOG_LEVEL ??= 'warn';
