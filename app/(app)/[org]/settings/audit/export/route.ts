import { exportAuditCsv } from "@/lib/audit/export";
import { csvResponse } from "@/lib/csv-write";
import { refusal, withMember } from "@/lib/route-guard";

// CSV of the filtered audit log (same URL filters as the viewer), streamed. A member without
// audit:read gets the same 404 as a missing org (lib/route-guard.ts).
export const GET = withMember(
  async (request: Request, member) => {
    const csv = exportAuditCsv(member, new URL(request.url).searchParams);
    if (csv === null) return refusal(404);
    return csvResponse(csv, `${member.org.slug}-audit-${new Date().toISOString().slice(0, 10)}.csv`);
  },
  { permission: "audit:read", denied: 404 },
);
