import { json } from "@/lib/api/problem";
import { getApiPosition } from "@/lib/api/queries";
import { notFoundProblem, scopeOf } from "@/lib/api/request";
import { principalReadsPay } from "@/lib/api/tokens";
import { withToken } from "@/lib/route-guard";

export const GET = withToken<{ id: string }>(
  async (_request, principal, { id }) => {
    const position = await getApiPosition(scopeOf(principal), id, principalReadsPay(principal));
    return position ? json(position) : notFoundProblem();
  },
  { scope: "positions:read" },
);
