import { withMember } from "@/lib/route-guard";
import { bellScopeOf, getBell } from "@/lib/projects/bell";

// The shell's notification bell loads its count and first items from here after the page, so no
// page waits for the bell's statement. Members only (lib/route-guard.ts); per user and never
// cached: the answer depends on who asks.
export const GET = withMember(async (_request: Request, member) => {
  return Response.json(await getBell(bellScopeOf(member)), { headers: { "cache-control": "private, no-store" } });
});
