import { exportAuditCsv } from "@/lib/audit/export";
import { refusal, withMember } from "@/lib/route-guard";

// CSV of the filtered audit log (same URL filters as the viewer). A member without audit:read
// gets the same 404 as a missing org (lib/route-guard.ts).
export const GET = withMember(async (request: Request, member) => {
  const csv = await exportAuditCsv(member, new URL(request.url).searchParams);
  if (csv === null) return refusal(404);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${member.org.slug}-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
}, { permission: "audit:read", denied: 404 });
