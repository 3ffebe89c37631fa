import { routeMemberOrRefusal } from "@/lib/auth";
import { searchPeopleOptions } from "@/lib/people/search";

// Search-as-you-type for the person pickers (?q=name; &leads=1: people who lead a project, for the
// projects list's lead filter): a few matches instead of every person of
// the org in the page's HTML. A route handler is outside the pages' requireMember, so it checks
// access itself (getRouteMember): 401 without a session, 404 for a non-member.
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await routeMemberOrRefusal(org);
  if (member instanceof Response) return member;
  const search = new URL(request.url).searchParams;
  const result = await searchPeopleOptions(member.org.id, search.get("q") ?? "", search.get("leads") === "1");
  return Response.json(result, { headers: { "cache-control": "no-store" } });
}
