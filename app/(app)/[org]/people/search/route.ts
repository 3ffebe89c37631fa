import { withMember } from "@/lib/route-guard";
import { searchPeopleOptions } from "@/lib/people/search";

// Search-as-you-type for the person pickers (?q=name; &leads=1: people who lead a project, for
// the projects list's lead filter). Members only (lib/route-guard.ts).
export const GET = withMember(async (request: Request, member) => {
  const search = new URL(request.url).searchParams;
  const result = await searchPeopleOptions(member.org.id, search.get("q") ?? "", search.get("leads") === "1");
  return Response.json(result, { headers: { "cache-control": "no-store" } });
});
