import { getSessionUser } from "@/lib/auth";
import { getInitiativeFormUnitsForUser } from "@/lib/roadmap/form-options";

// The initiative form's unit choices, loaded when the form opens instead of in the roadmap page.
// A route handler is outside the pages' requireMember, so it checks the session and the
// membership itself: a non-member gets 404, a role that cannot write initiatives 403.
export async function GET(_request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const user = await getSessionUser();
  if (!user) return new Response("Please sign in.", { status: 401 });
  const units = await getInitiativeFormUnitsForUser(user.id, org);
  if (!units) return new Response("Not found.", { status: 404 });
  if (units === "forbidden") return new Response("Forbidden.", { status: 403 });
  return Response.json({ units }, { headers: { "cache-control": "private, no-store" } });
}
