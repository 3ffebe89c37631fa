import { json } from "@/lib/api/problem";
import { listApiPositions } from "@/lib/api/queries";
import { parseQuery, scopeOf } from "@/lib/api/request";
import { ZPositionQuery } from "@/lib/api/schemas";
import { principalReadsPay } from "@/lib/api/tokens";
import { withToken } from "@/lib/route-guard";

export const GET = withToken(
  async (request, principal) => {
    const q = parseQuery(request, ZPositionQuery);
    return q.ok ? json(await listApiPositions(scopeOf(principal), q.data, principalReadsPay(principal))) : q.response;
  },
  { scope: "positions:read" },
);
