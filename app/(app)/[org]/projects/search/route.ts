import { withMember } from "@/lib/route-guard";
import { searchProjectOptions } from "@/lib/projects/search";

// Search-as-you-type for the dependency picker (?q=name&except=projectId) and the staffing picker
// (?q=name&open=1: planned, active or paused only). Members only (lib/route-guard.ts).
export const GET = withMember(async (request: Request, member) => {
  const search = new URL(request.url).searchParams;
  const result = await searchProjectOptions(member, search.get("q") ?? "", search.get("except") ?? "", search.get("open") === "1");
  return Response.json(result, { headers: { "cache-control": "no-store" } });
});
