import { routeMemberOrRefusal } from "@/lib/auth";
import { getPositionFormOptionsFor } from "@/lib/headcount/form-options";

// The new-position form's units, loaded when the form opens instead of in every headcount page.
// A route handler is outside the pages' requireMember, so it checks access itself
// (getRouteMember: 401 without a session, 404 for a non-member); a role that cannot write
// positions gets 403.
export async function GET(_request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await routeMemberOrRefusal(org);
  if (member instanceof Response) return member;
  const options = await getPositionFormOptionsFor(member);
  if (options === "forbidden") return new Response("Forbidden.", { status: 403 });
  return Response.json(options, { headers: { "cache-control": "private, no-store" } });
}
