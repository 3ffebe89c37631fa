import { routeMemberOrRefusal } from "@/lib/auth";
import { searchInitiativeOptions } from "@/lib/roadmap/search";

// Search-as-you-type for the projects list's initiative filter (?q=name): a few matches instead
// of every initiative of the org in the page's HTML. A route handler is outside the pages'
// requireMember, so it checks access itself (getRouteMember): 401 without a session, 404 for a
// non-member.
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await routeMemberOrRefusal(org);
  if (member instanceof Response) return member;
  const result = await searchInitiativeOptions(member.org.id, new URL(request.url).searchParams.get("q") ?? "");
  return Response.json(result, { headers: { "cache-control": "no-store" } });
}
