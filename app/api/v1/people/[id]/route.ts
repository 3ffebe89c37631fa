import { json } from "@/lib/api/problem";
import { getApiPerson } from "@/lib/api/queries";
import { notFoundProblem, scopeOf } from "@/lib/api/request";
import { principalReadsPay } from "@/lib/api/tokens";
import { withToken } from "@/lib/route-guard";

export const GET = withToken<{ id: string }>(
  async (_request, principal, { id }) => {
    const person = await getApiPerson(scopeOf(principal), id, principalReadsPay(principal));
    return person ? json(person) : notFoundProblem();
  },
  { scope: "people:read" },
);
