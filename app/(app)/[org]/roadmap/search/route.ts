import { withMember } from "@/lib/route-guard";
import { searchInitiativeOptions } from "@/lib/roadmap/search";
import { parseSearch, ZPickerSearch } from "@/lib/search-params";

// Search-as-you-type for the projects list's initiative filter (?q=name). Members only
// (lib/route-guard.ts).
export const GET = withMember(async (request: Request, member) => {
  const result = await searchInitiativeOptions(member.org.id, parseSearch(ZPickerSearch, new URL(request.url).searchParams).q);
  return Response.json(result, { headers: { "cache-control": "no-store" } });
});
