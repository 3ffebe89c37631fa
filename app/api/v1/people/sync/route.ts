import { json, problem, problemOf } from "@/lib/api/problem";
import { parseQuery } from "@/lib/api/request";
import { ZPeopleSyncQuery } from "@/lib/api/write-schemas";
import { syncPeopleFromHris } from "@/lib/people/hris/sync";
import { withToken } from "@/lib/route-guard";
import type { ApiScope } from "@/lib/api/scopes";
import { HIRING_PLAN_MAX_CHARS } from "@/lib/security/body-limits";

// A people sync from an HRIS export through the UI's own action (people.hris.sync): the CSV file
// is the body, the choices are the query (?dryRun=true shows what would change and writes
// nothing). A pay column needs a token that may read pay (compensation:read): the pipeline
// decides it for every token (lib/action/sessions.ts), here and through a saved mapping alike.
// The scope beyond people:write that filling positions needs.
const FILL: ApiScope = "positions:write";

export const POST = withToken(
  async (request, principal) => {
    const q = parseQuery(request, ZPeopleSyncQuery);
    if (!q.ok) return q.response;
    const type = (request.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
    if (type !== "text/csv") return problem(415, "Send the HRIS export as the body, with Content-Type text/csv.");
    if (Number(request.headers.get("content-length") ?? 0) > HIRING_PLAN_MAX_CHARS * 4) {
      return problem(413, "The file is too large (2 MB at most).");
    }
    const csv = await request.text();
    if (q.data.fillPositions && !principal.scopes.includes(FILL)) {
      return problem(403, "Filling positions needs a token with the positions:write scope.", { scope: FILL });
    }
    const { name, ...choices } = q.data;
    const result = await syncPeopleFromHris.runAsToken({ userId: principal.userId!, scopes: principal.scopes }, principal.org.slug, {
      ...choices,
      csv,
      fileName: name,
    });
    return result.ok ? json(result.data) : problemOf(result);
  },
  { scope: "people:write", permission: "people:write" },
);
