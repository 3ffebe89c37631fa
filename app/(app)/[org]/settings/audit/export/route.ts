import { exportAuditCsv } from "@/lib/audit/export";
import { routeMemberOrRefusal } from "@/lib/auth";

// CSV of the filtered audit log (same URL filters as the viewer). A route handler is outside
// the pages' requireMember, so it checks access itself: the membership (getRouteMember: 401
// without a session) and audit:read (exportAuditCsv); a non-member or a member without
// audit:read gets the same 404 as a missing org.
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const member = await routeMemberOrRefusal(org);
  if (member instanceof Response) return member;
  const csv = await exportAuditCsv(member, new URL(request.url).searchParams);
  if (csv === null) return new Response("Not found.", { status: 404 });
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${member.org.slug}-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
}
