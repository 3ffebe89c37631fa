import { refusal, withMember } from "@/lib/route-guard";
import { getInitiativeFormUnits } from "@/lib/roadmap/form-options";

// The initiative form's unit choices, loaded when the form opens instead of in the roadmap page.
// Members only (lib/route-guard.ts); a role that cannot write initiatives gets 403.
export const GET = withMember(async (_request: Request, member) => {
  const units = await getInitiativeFormUnits(member);
  if (units === "forbidden") return refusal(403);
  return Response.json({ units }, { headers: { "cache-control": "private, no-store" } });
});
