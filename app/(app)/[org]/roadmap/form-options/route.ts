import { routeMemberOrRefusal } from "@/lib/auth";
import { getInitiativeFormUnits } from "@/lib/roadmap/form-options";

// The initiative form's unit choices, loaded when the form opens instead of in the roadmap page.
// A route handler is outside the pages' requireMember, so it checks access itself
// (getRouteMember: 401 without a session, 404 for a non-member); a role that cannot write
// initiatives gets 403.
export async function GET(_request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await routeMemberOrRefusal(org);
  if (member instanceof Response) return member;
  const units = await getInitiativeFormUnits(member);
  if (units === "forbidden") return new Response("Forbidden.", { status: 403 });
  return Response.json({ units }, { headers: { "cache-control": "private, no-store" } });
}
