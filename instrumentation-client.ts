import { z } from 'zod';

// Runs in the browser before any of the app's code (Next's instrumentation-client convention).
// zod compiles fast object parsers with `new Function` after probing whether eval is allowed; the
// page's Content-Security-Policy forbids eval, and the probe alone is reported as a violation. The
// schemas the browser checks forms with are small, so the interpreted parser costs nothing visible.
z.config({ jitless: true });
