import { getSessionUser } from "@/lib/auth";
import { searchPeopleOptions } from "@/lib/people/search";

// Search-as-you-type for the person pickers (?q=name): a few matches instead of every person of
// the org in the page's HTML. A route handler is outside the pages' requireMember, so it checks
// the session and the membership itself; a non-member gets 404.
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const user = await getSessionUser();
  if (!user) return new Response("Please sign in.", { status: 401 });
  const result = await searchPeopleOptions(user.id, org, new URL(request.url).searchParams.get("q") ?? "");
  if (!result) return new Response("Not found.", { status: 404 });
  return Response.json(result, { headers: { "cache-control": "no-store" } });
}
