import { getRouteMember } from "@/lib/auth";
import { searchPeopleOptions } from "@/lib/people/search";

// Search-as-you-type for the person pickers (?q=name): a few matches instead of every person of
// the org in the page's HTML. A route handler is outside the pages' requireMember, so it checks
// access itself (getRouteMember): 401 without a session, 404 for a non-member.
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await getRouteMember(org);
  if (member === 401) return new Response("Please sign in.", { status: 401 });
  if (member === 404) return new Response("Not found.", { status: 404 });
  const result = await searchPeopleOptions(member.org.id, new URL(request.url).searchParams.get("q") ?? "");
  return Response.json(result, { headers: { "cache-control": "no-store" } });
}
