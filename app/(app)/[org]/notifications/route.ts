import { routeMemberOrRefusal } from "@/lib/auth";
import { getBell } from "@/lib/projects/bell";

// The shell's notification bell loads its count and first items from here after the page, so no
// page waits for (or streams) the bell's statement. A route handler is outside the pages'
// requireMember, so it checks access itself (getRouteMember): 401 without a session, 404 for a
// non-member. Per user and never cached: the answer depends on who asks.
export async function GET(_request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await routeMemberOrRefusal(org);
  if (member instanceof Response) return member;
  return Response.json(await getBell(member), { headers: { "cache-control": "private, no-store" } });
}
