import { json } from "@/lib/api/problem";
import { listApiVendors } from "@/lib/api/finance-queries";
import { parseQuery, scopeOf } from "@/lib/api/request";
import { ZVendorQuery } from "@/lib/api/schemas";
import { withToken } from "@/lib/route-guard";

export const GET = withToken(
  async (request, principal) => {
    const q = parseQuery(request, ZVendorQuery);
    return q.ok ? json(await listApiVendors(scopeOf(principal), q.data)) : q.response;
  },
  { scope: "vendors:read" },
);
