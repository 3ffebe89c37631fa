import { withMember } from "@/lib/route-guard";
import { searchUnitOptions } from "@/lib/org/search";
import { parseSearch, ZPickerSearch } from "@/lib/search-params";

// Search-as-you-type for the org unit filters (?q=name or code): a few matches instead of every
// unit of the org in the page's HTML. Members only (lib/route-guard.ts).
export const GET = withMember(async (request: Request, member) => {
  const result = await searchUnitOptions(member.org.id, parseSearch(ZPickerSearch, new URL(request.url).searchParams).q);
  return Response.json(result, { headers: { "cache-control": "no-store" } });
});
