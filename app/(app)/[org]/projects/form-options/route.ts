import { refusal, withMember } from "@/lib/route-guard";
import { getProjectFormOptionsFor } from "@/lib/projects/form-options";

// The project form's choices (units it may use, initiatives), loaded when the form opens instead
// of in every page that offers it. Members only (lib/route-guard.ts); a role that cannot write
// projects gets 403.
export const GET = withMember(async (_request: Request, member) => {
  const options = await getProjectFormOptionsFor(member);
  if (options === "forbidden") return refusal(403);
  return Response.json(options, { headers: { "cache-control": "private, no-store" } });
});
