import { getInbox } from "@/lib/notifications/queries";
import { withMember } from "@/lib/route-guard";
import { bellScopeOf, getBell } from "@/lib/projects/bell";

// The shell's notification bell loads its count and first items from here after the page, so no
// page waits for the bell's statement: what needs the member now (computed), and their latest
// in-app messages (lib/notifications). Members only (lib/route-guard.ts); per user and never
// cached: the answer depends on who asks.
export const GET = withMember(async (_request: Request, member) => {
  const [bell, inbox] = await Promise.all([getBell(bellScopeOf(member)), getInbox(member.org.id, member.user.id)]);
  return Response.json({ ...bell, inbox }, { headers: { "cache-control": "private, no-store" } });
});
