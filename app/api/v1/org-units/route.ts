import { json } from "@/lib/api/problem";
import { listApiOrgUnits } from "@/lib/api/queries";
import { parseQuery, scopeOf } from "@/lib/api/request";
import { ZOrgUnitQuery } from "@/lib/api/schemas";
import { withToken } from "@/lib/route-guard";

export const GET = withToken(
  async (request, principal) => {
    const q = parseQuery(request, ZOrgUnitQuery);
    return q.ok ? json(await listApiOrgUnits(scopeOf(principal), q.data)) : q.response;
  },
  { scope: "org:read" },
);
