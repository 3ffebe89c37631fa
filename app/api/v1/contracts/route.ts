import { json } from "@/lib/api/problem";
import { listApiContracts } from "@/lib/api/finance-queries";
import { parseQuery, scopeOf } from "@/lib/api/request";
import { ZContractQuery } from "@/lib/api/schemas";
import { withToken } from "@/lib/route-guard";

export const GET = withToken(
  async (request, principal) => {
    const q = parseQuery(request, ZContractQuery);
    return q.ok ? json(await listApiContracts(scopeOf(principal), q.data)) : q.response;
  },
  { scope: "vendors:read" },
);
