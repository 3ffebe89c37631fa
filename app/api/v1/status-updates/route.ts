import { idempotent } from "@/lib/api/idempotency";
import { json, problemOf, readJsonBody } from "@/lib/api/problem";
import { getApiStatusUpdate, listApiStatusUpdates } from "@/lib/api/queries";
import { parseBody, parseQuery, scopeOf } from "@/lib/api/request";
import { ZUpdateQuery } from "@/lib/api/schemas";
import { ZStatusUpdatePost } from "@/lib/api/write-schemas";
import { postStatusUpdate } from "@/lib/projects/post-status-update";
import { withToken } from "@/lib/route-guard";

export const GET = withToken(
  async (request, principal) => {
    const q = parseQuery(request, ZUpdateQuery);
    return q.ok ? json(await listApiStatusUpdates(scopeOf(principal), q.data)) : q.response;
  },
  { scope: "updates:read" },
);

// Posting goes through the UI's own action (status-update.post): the same validation, health
// suggestion, authorization and audit event; Idempotency-Key makes a retry safe.
export const POST = withToken(
  async (request, principal) => {
    const body = await readJsonBody(request);
    if (!body.ok) return body.response;
    const input = parseBody(body.body, ZStatusUpdatePost);
    if (!input.ok) return input.response;
    return idempotent(request, principal.tokenId, body.body, async () => {
      const result = await postStatusUpdate.runAsToken({ userId: principal.userId!, scopes: principal.scopes }, principal.org.slug, {
        body: "",
        overrideReason: "",
        ...input.data,
      });
      if (!result.ok) return problemOf(result);
      const update = await getApiStatusUpdate(scopeOf(principal), result.data.id);
      return json(update, { status: 201, headers: { location: `/api/v1/status-updates?projectId=${input.data.projectId}` } });
    });
  },
  { scope: "updates:write", permission: "updates:write" },
);
