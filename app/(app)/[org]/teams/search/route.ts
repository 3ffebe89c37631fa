import { routeMemberOrRefusal } from "@/lib/auth";
import { searchUnitOptions } from "@/lib/org/search";

// Search-as-you-type for the org unit filters (projects list, roadmap timeline, headcount plan,
// budgets; ?q=name or code): a few matches instead of every unit of the org in the page's HTML. A route handler is outside the pages'
// requireMember, so it checks access itself (getRouteMember): 401 without a session, 404 for a
// non-member.
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await routeMemberOrRefusal(org);
  if (member instanceof Response) return member;
  const result = await searchUnitOptions(member.org.id, new URL(request.url).searchParams.get("q") ?? "");
  return Response.json(result, { headers: { "cache-control": "no-store" } });
}
