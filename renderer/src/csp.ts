/**
 * Runs before anything else in the renderer (first import of main.tsx). zod 4 probes for `eval`
 * (`new Function`) when an object schema is built, to compile fast parsers; under our CSP
 * (`script-src 'self'`) that probe is a reported violation. The renderer never needs the fast
 * path, so switch it off before preload/api builds its schemas.
 */
import { z } from 'zod';

z.config({ jitless: true });
