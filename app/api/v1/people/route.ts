import { json } from "@/lib/api/problem";
import { listApiPeople } from "@/lib/api/queries";
import { parseQuery, scopeOf } from "@/lib/api/request";
import { ZPersonQuery } from "@/lib/api/schemas";
import { principalReadsPay } from "@/lib/api/tokens";
import { withToken } from "@/lib/route-guard";

export const GET = withToken(
  async (request, principal) => {
    const q = parseQuery(request, ZPersonQuery);
    return q.ok ? json(await listApiPeople(scopeOf(principal), q.data, principalReadsPay(principal))) : q.response;
  },
  { scope: "people:read" },
);
