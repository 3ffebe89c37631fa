import { json } from "@/lib/api/problem";
import { listApiProjects } from "@/lib/api/queries";
import { parseQuery, scopeOf } from "@/lib/api/request";
import { ZProjectQuery } from "@/lib/api/schemas";
import { withToken } from "@/lib/route-guard";

export const GET = withToken(
  async (request, principal) => {
    const q = parseQuery(request, ZProjectQuery);
    return q.ok ? json(await listApiProjects(scopeOf(principal), q.data)) : q.response;
  },
  { scope: "projects:read" },
);
