import { json } from "@/lib/api/problem";
import { getApiOrgUnit } from "@/lib/api/queries";
import { notFoundProblem, scopeOf } from "@/lib/api/request";
import { withToken } from "@/lib/route-guard";

export const GET = withToken<{ id: string }>(
  async (_request, principal, { id }) => {
    const unit = await getApiOrgUnit(scopeOf(principal), id);
    return unit ? json(unit) : notFoundProblem();
  },
  { scope: "org:read" },
);
