import { refusal, withMember } from "@/lib/route-guard";
import { getPositionFormOptionsFor } from "@/lib/headcount/form-options";

// The new-position form's units, loaded when the form opens instead of in every headcount page.
// Members only (lib/route-guard.ts); a role that cannot write positions gets 403.
export const GET = withMember(async (_request: Request, member) => {
  const options = await getPositionFormOptionsFor(member);
  if (options === "forbidden") return refusal(403);
  return Response.json(options, { headers: { "cache-control": "private, no-store" } });
});
