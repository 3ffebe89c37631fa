import { getSessionUser } from "@/lib/auth";
import { getBellForUser } from "@/lib/projects/bell";

// The shell's notification bell loads its count and first items from here after the page, so no
// page waits for (or streams) the bell's statement. A route handler is outside the pages'
// requireMember, so it checks the session and the membership itself; a non-member gets 404.
// Per user and never cached: the answer depends on who asks.
export async function GET(_request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const user = await getSessionUser();
  if (!user) return new Response("Please sign in.", { status: 401 });
  const bell = await getBellForUser(user.id, org);
  if (!bell) return new Response("Not found.", { status: 404 });
  return Response.json(bell, { headers: { "cache-control": "private, no-store" } });
}
