import { routeMemberOrRefusal } from "@/lib/auth";
import { exportProjectsCsv } from "@/lib/projects/export";

// CSV of the filtered project list (same URL filters as the list page), for any member. A route
// handler is outside the pages' requireMember, so it checks access itself (getRouteMember): 401
// without a session, and a non-member gets the same 404 as a missing org.
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await routeMemberOrRefusal(org);
  if (member instanceof Response) return member;
  const csv = await exportProjectsCsv(member.org, new URL(request.url).searchParams);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${member.org.slug}-projects-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
}
