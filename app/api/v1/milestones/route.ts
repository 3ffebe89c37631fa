import { json } from "@/lib/api/problem";
import { listApiMilestones } from "@/lib/api/queries";
import { parseQuery, scopeOf } from "@/lib/api/request";
import { ZMilestoneQuery } from "@/lib/api/schemas";
import { withToken } from "@/lib/route-guard";

export const GET = withToken(
  async (request, principal) => {
    const q = parseQuery(request, ZMilestoneQuery);
    return q.ok ? json(await listApiMilestones(scopeOf(principal), q.data)) : q.response;
  },
  { scope: "projects:read" },
);
