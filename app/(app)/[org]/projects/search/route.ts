import { withMember } from "@/lib/route-guard";
import { searchProjectOptions } from "@/lib/projects/search";
import { grantScope } from "@/lib/scope";
import { parseSearch, zFlag, zParam, ZPickerSearch } from "@/lib/search-params";

const ZSearch = ZPickerSearch.extend({ except: zParam().transform((v) => v ?? ""), open: zFlag() });

// Search-as-you-type for the dependency picker (?q=name&except=projectId) and the staffing picker
// (?q=name&open=1: planned, active or paused only). Members only (lib/route-guard.ts).
export const GET = withMember(async (request: Request, member) => {
  const { q, except, open } = parseSearch(ZSearch, new URL(request.url).searchParams);
  const staffable = open ? grantScope(member, "projects:write") : undefined;
  const result = await searchProjectOptions(member.org.id, q, except, staffable);
  return Response.json(result, { headers: { "cache-control": "no-store" } });
});
