import { problemOf, json } from "@/lib/api/problem";
import { getApiPosition, positionEditFields } from "@/lib/api/queries";
import { etagOf, notFoundProblem, readVersionedPatch, scopeOf } from "@/lib/api/request";
import { principalReadsPay } from "@/lib/api/tokens";
import { ZPositionPatch } from "@/lib/api/write-schemas";
import { updatePosition } from "@/lib/headcount/update-position";
import { withToken } from "@/lib/route-guard";

export const GET = withToken<{ id: string }>(
  async (_request, principal, { id }) => {
    const position = await getApiPosition(scopeOf(principal), id, principalReadsPay(principal));
    return position ? json(position, { headers: { etag: etagOf(position.version) } }) : notFoundProblem();
  },
  { scope: "positions:read" },
);

// An edit through the UI's own action (position.update): the fields sent replace the stored
// ones, the rest are sent back as they are; pay is never part of it (the action keeps it when
// blank). If-Match carries the version read; a stale one is a 409, as a stale form is.
export const PATCH = withToken<{ id: string }>(
  async (request, principal, { id }) => {
    const patch = await readVersionedPatch(request, ZPositionPatch, "position");
    if (!patch.ok) return patch.response;
    const current = await positionEditFields(scopeOf(principal), id);
    if (!current) return notFoundProblem();
    const result = await updatePosition.runAsToken({ userId: principal.userId!, scopes: principal.scopes }, principal.org.slug, {
      positionId: id,
      version: patch.version,
      ...current,
      ...patch.data,
    });
    if (!result.ok) return problemOf(result);
    const position = await getApiPosition(scopeOf(principal), id, principalReadsPay(principal));
    return position ? json(position, { headers: { etag: etagOf(position.version) } }) : notFoundProblem();
  },
  { scope: "positions:write", permission: "positions:write" },
);
