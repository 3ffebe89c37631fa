import { withMember } from "@/lib/route-guard";
import { searchInitiativeOptions } from "@/lib/roadmap/search";

// Search-as-you-type for the projects list's initiative filter (?q=name). Members only
// (lib/route-guard.ts).
export const GET = withMember(async (request: Request, member) => {
  const result = await searchInitiativeOptions(member.org.id, new URL(request.url).searchParams.get("q") ?? "");
  return Response.json(result, { headers: { "cache-control": "no-store" } });
});
