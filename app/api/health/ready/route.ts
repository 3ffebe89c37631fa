import { readiness } from "@/lib/health";

// Readiness: 200 when the database answers and its migrations are current, else 503 naming the
// failed check (lib/health.ts). Unauthenticated on purpose; it reveals nothing else.
export const dynamic = "force-dynamic";

export async function GET() {
  const r = await readiness();
  return Response.json(
    { status: r.ready ? "ready" : "not ready", ...r.checks },
    { status: r.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
