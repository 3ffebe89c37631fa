import { config } from "zod/v4/core";

// zod 4 probes `new Function` when its first object schema is built, to compile faster parsers.
// Keel's Content-Security-Policy forbids eval, so in the browser the probe is reported as a CSP
// violation even though zod catches the refusal. Client code only builds small schemas (URL
// parameters, form input), so the browser runs zod without the compiler. This file runs before
// any page module (Next.js instrumentation-client convention). It sets zod's global config from
// zod's core (shared by every zod import) rather than through `z`: importing `z` put all of zod
// in the JS every page evaluates before hydrating, pages whose own code does not use zod too.
config({ jitless: true });
