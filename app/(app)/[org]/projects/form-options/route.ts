import { routeMemberOrRefusal } from "@/lib/auth";
import { getProjectFormOptionsFor } from "@/lib/projects/form-options";

// The project form's choices (units it may use, initiatives), loaded when the form opens instead
// of in every page that offers it. A route handler is outside the pages' requireMember, so it
// checks access itself (getRouteMember: 401 without a session, 404 for a non-member); a role that
// cannot write projects gets 403.
export async function GET(_request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await routeMemberOrRefusal(org);
  if (member instanceof Response) return member;
  const options = await getProjectFormOptionsFor(member);
  if (options === "forbidden") return new Response("Forbidden.", { status: 403 });
  return Response.json(options, { headers: { "cache-control": "private, no-store" } });
}
