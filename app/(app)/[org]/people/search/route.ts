import { withMember } from "@/lib/route-guard";
import { searchPeopleOptions } from "@/lib/people/search";
import { parseSearch, zFlag, ZPickerSearch } from "@/lib/search-params";

const ZSearch = ZPickerSearch.extend({ leads: zFlag() });

// Search-as-you-type for the person pickers (?q=name; &leads=1: people who lead a project, for
// the projects list's lead filter). Members only (lib/route-guard.ts).
export const GET = withMember(async (request: Request, member) => {
  const { q, leads } = parseSearch(ZSearch, new URL(request.url).searchParams);
  const result = await searchPeopleOptions(member.org.id, q, leads);
  return Response.json(result, { headers: { "cache-control": "no-store" } });
});
