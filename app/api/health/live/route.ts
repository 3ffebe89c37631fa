// Liveness: the process is up and serving. No database access, so an outage of the database
// never makes an orchestrator restart a healthy web server (that is what /ready is for).
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
