import { withMember } from "@/lib/route-guard";
import { searchProjectOptions } from "@/lib/projects/search";
import { grantScope } from "@/lib/scope";

// Search-as-you-type for the dependency picker (?q=name&except=projectId) and the staffing picker
// (?q=name&open=1: planned, active or paused only). Members only (lib/route-guard.ts).
export const GET = withMember(async (request: Request, member) => {
  const search = new URL(request.url).searchParams;
  const staffable = search.get("open") === "1" ? grantScope(member, "projects:write") : undefined;
  const result = await searchProjectOptions(member.org.id, search.get("q") ?? "", search.get("except") ?? "", staffable);
  return Response.json(result, { headers: { "cache-control": "no-store" } });
});
