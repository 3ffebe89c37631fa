import { getSessionUser } from "@/lib/auth";
import { exportAuditCsv } from "@/lib/audit/export";

// CSV of the filtered audit log (same URL filters as the viewer). A route handler is outside
// the pages' requireMember, so it checks the session, the membership and audit:read itself;
// anyone else gets the same 404 as a missing org.
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const user = await getSessionUser();
  if (!user) return new Response("Please sign in.", { status: 401 });
  const result = await exportAuditCsv(user.id, org, new URL(request.url).searchParams);
  if (!result) return new Response("Not found.", { status: 404 });
  return new Response(result.csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${result.slug}-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
}
