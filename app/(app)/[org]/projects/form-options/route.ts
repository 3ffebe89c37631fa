import { getSessionUser } from "@/lib/auth";
import { getProjectFormOptionsForUser } from "@/lib/projects/form-options";

// The project form's choices (units it may use, initiatives), loaded when the form opens instead
// of in every page that offers it. A route handler is outside the pages' requireMember, so it
// checks the session and the membership itself: a non-member gets 404, a role that cannot write
// projects 403.
export async function GET(_request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org } = await params;
  const user = await getSessionUser();
  if (!user) return new Response("Please sign in.", { status: 401 });
  const options = await getProjectFormOptionsForUser(user.id, org);
  if (!options) return new Response("Not found.", { status: 404 });
  if (options === "forbidden") return new Response("Forbidden.", { status: 403 });
  return Response.json(options, { headers: { "cache-control": "private, no-store" } });
}
