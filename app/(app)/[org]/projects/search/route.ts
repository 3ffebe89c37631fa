import { getSessionUser } from "@/lib/auth";
import { searchProjectOptions } from "@/lib/projects/search";

// Search-as-you-type for the dependency picker (?q=name&except=projectId) and
// the staffing picker (?q=name&open=1: planned, active or paused only): a few matches instead
// of every project of the org in the page's HTML. A route handler is outside the pages'
// requireMember, so it checks the session and the membership itself; a non-member gets 404.
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const user = await getSessionUser();
  if (!user) return new Response("Please sign in.", { status: 401 });
  const search = new URL(request.url).searchParams;
  const result = await searchProjectOptions(user.id, org, search.get("q") ?? "", search.get("except") ?? "", search.get("open") === "1");
  if (!result) return new Response("Not found.", { status: 404 });
  return Response.json(result, { headers: { "cache-control": "no-store" } });
}
