import { getSessionUser } from "@/lib/auth";
import { exportProjectsCsv } from "@/lib/projects/export";

// CSV of the filtered project list (same URL filters as the list page). A route handler is
// outside the pages' requireMember, so it checks the session and the membership itself; a
// non-member gets the same 404 as a missing org.
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const user = await getSessionUser();
  if (!user) return new Response("Please sign in.", { status: 401 });
  const result = await exportProjectsCsv(user.id, org, new URL(request.url).searchParams);
  if (!result) return new Response("Not found.", { status: 404 });
  return new Response(result.csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${result.slug}-projects-${new Date().toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
}
