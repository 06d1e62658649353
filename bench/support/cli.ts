import type { z } from 'zod';

/**
 * A bench script's flags (`--name value`, `--name=value`, `--name` alone for true, `--no-name` for false) read into
 * camelCase keys and checked by the script's zod schema; bad flags print one line and exit 2.
 */
export function parseBenchArgs<TSchema extends z.ZodType>(schema: TSchema, argv: readonly string[]): z.infer<TSchema> {
  const raw: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--no-')) raw[camelCase(arg.slice(5))] = false;
    else if (arg.startsWith('--')) {
      const [key, inline] = arg.slice(2).split('=');
      const next = argv[i + 1];
      // A flag with no value (`--build`, or followed by another flag) is true.
      raw[camelCase(key)] = inline ?? (next === undefined || next.startsWith('--') ? true : argv[++i]);
    } else {
      console.error(`unexpected argument '${arg}'`);
      process.exit(2);
    }
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    console.error(`bad arguments: ${parsed.error.issues.map((issue) => `${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`).join('; ')}`);
    process.exit(2);
  }
  return parsed.data;
}

function camelCase(flag: string): string {
  return flag.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}
