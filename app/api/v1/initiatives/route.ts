import { json } from "@/lib/api/problem";
import { listApiInitiatives } from "@/lib/api/queries";
import { parseQuery, scopeOf } from "@/lib/api/request";
import { ZInitiativeQuery } from "@/lib/api/schemas";
import { withToken } from "@/lib/route-guard";

export const GET = withToken(
  async (request, principal) => {
    const q = parseQuery(request, ZInitiativeQuery);
    return q.ok ? json(await listApiInitiatives(scopeOf(principal), q.data)) : q.response;
  },
  { scope: "projects:read" },
);
