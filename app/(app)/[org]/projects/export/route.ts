import { withMember } from "@/lib/route-guard";
import { exportProjectsCsv } from "@/lib/projects/export";

// CSV of the filtered project list (same URL filters as the list page), for any member
// (lib/route-guard.ts).
export const GET = withMember(async (request: Request, member) => {
  const csv = await exportProjectsCsv(member.org, new URL(request.url).searchParams);
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${member.org.slug}-projects-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
});
