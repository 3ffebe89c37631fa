import { routeMemberOrRefusal } from "@/lib/auth";
import { searchProjectOptions } from "@/lib/projects/search";

// Search-as-you-type for the dependency picker (?q=name&except=projectId) and
// the staffing picker (?q=name&open=1: planned, active or paused only): a few matches instead
// of every project of the org in the page's HTML. A route handler is outside the pages'
// requireMember, so it checks access itself (getRouteMember): 401 without a session, 404 for a
// non-member.
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await routeMemberOrRefusal(org);
  if (member instanceof Response) return member;
  const search = new URL(request.url).searchParams;
  const result = await searchProjectOptions(member, search.get("q") ?? "", search.get("except") ?? "", search.get("open") === "1");
  return Response.json(result, { headers: { "cache-control": "no-store" } });
}
