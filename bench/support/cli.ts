import type { z } from 'zod';

/**
 * A bench script's flags (`--name value`, `--name=value`, `--no-write`) read into camelCase keys
 * and checked by the script's zod schema; bad flags print one line and exit 2.
 */
export function parseBenchArgs<TSchema extends z.ZodType>(schema: TSchema, argv: readonly string[]): z.infer<TSchema> {
  const raw: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--no-write') raw.write = false;
    else if (arg.startsWith('--')) {
      const [key, inline] = arg.slice(2).split('=');
      raw[key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())] = inline ?? argv[++i] ?? '';
    } else {
      console.error(`unexpected argument '${arg}'`);
      process.exit(2);
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    console.error(`bad arguments: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
    process.exit(2);
  }
  return parsed.data;
}
