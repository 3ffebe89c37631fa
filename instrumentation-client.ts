import { z } from "zod";

// zod 4 probes `new Function` when its first object schema is built, to compile faster parsers.
// Keel's Content-Security-Policy forbids eval, so in the browser the probe is reported as a CSP
// violation even though zod catches the refusal. Client code only builds small schemas (URL
// parameters, form input), so the browser runs zod without the compiler. This file runs before
// any page module (Next.js instrumentation-client convention).
z.config({ jitless: true });
