import type { NextConfig } from "next";

import { ACTION_BODY_LIMIT_BYTES } from "./lib/security/body-limits";
import { STATIC_SECURITY_HEADERS } from "./lib/security/headers";

// Static files get the headers that do not vary per request; pages additionally get the CSP
// (with a per-request nonce) and, in production, HSTS from proxy.ts.
const securityHeaders = Object.entries(STATIC_SECURITY_HEADERS).map(([key, value]) => ({ key, value }));

const nextConfig: NextConfig = {
  // Native/Wasm database drivers must stay plain Node requires, not bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "@prisma/adapter-pg", "pino", "fs-native-extensions"],
  poweredByHeader: false,
  devIndicators: false,
  typedRoutes: false,
  // `npm test` type-checks the whole project, Next's generated route types included (`next
  // typegen` then `tsc`), before it builds, and says so here: the build need not do it twice.
  typescript: { ignoreBuildErrors: process.env.KEEL_TYPES_CHECKED === "1" },
  experimental: {
    // Large enough for the largest action input (the hiring-plan CSV, see body-limits.ts);
    // proxy.ts answers a larger body with a 413 naming the limit before Next.js sees it.
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES },
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
