import { getSessionUser } from "@/lib/auth";
import { db } from "@/lib/db";
import { projectsCsv } from "@/lib/projects/csv";
import { listProjects, parseProjectFilters } from "@/lib/projects/queries";

// CSV of the filtered project list. A route handler is outside the pages' requireMember, so it
// checks the session and the membership itself; a non-member gets the same 404 as a missing org.
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  const user = await getSessionUser();
  if (!user) return new Response("Please sign in.", { status: 401 });
  const membership = await db.membership.findFirst({ where: { userId: user.id, org: { slug } }, select: { org: { select: { id: true, slug: true } } } });
  if (!membership) return new Response("Not found.", { status: 404 });
  const url = new URL(request.url);
  const filters = parseProjectFilters(Object.fromEntries(url.searchParams));
  const rows = await listProjects(membership.org.id, filters);
  return new Response(projectsCsv(rows), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${membership.org.slug}-projects-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
}
