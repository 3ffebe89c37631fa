import { csvResponse } from "@/lib/csv-write";
import { withMember } from "@/lib/route-guard";
import { exportProjectsCsv } from "@/lib/projects/export";

// CSV of the filtered project list (same URL filters as the list page), streamed, for any
// member (lib/route-guard.ts).
export const GET = withMember(async (request: Request, member) => {
  const csv = exportProjectsCsv(member.org, new URL(request.url).searchParams);
  return csvResponse(csv, `${member.org.slug}-projects-${new Date().toISOString().slice(0, 10)}.csv`);
});
