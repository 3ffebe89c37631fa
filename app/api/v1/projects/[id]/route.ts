import { problemOf, json } from "@/lib/api/problem";
import { getApiProject } from "@/lib/api/queries";
import { etagOf, notFoundProblem, readVersionedPatch, scopeOf } from "@/lib/api/request";
import { ZProjectPatch } from "@/lib/api/write-schemas";
import { setProjectStatus } from "@/lib/projects/set-project-status";
import { withToken } from "@/lib/route-guard";

export const GET = withToken<{ id: string }>(
  async (_request, principal, { id }) => {
    const project = await getApiProject(scopeOf(principal), id);
    return project ? json(project, { headers: { etag: etagOf(project.version) } }) : notFoundProblem();
  },
  { scope: "projects:read" },
);

// A change of status through the UI's own action (validated, authorized and audited the same);
// If-Match carries the version read, and a stale one is a 409, as a stale form is.
export const PATCH = withToken<{ id: string }>(
  async (request, principal, { id }) => {
    const patch = await readVersionedPatch(request, ZProjectPatch, "project");
    if (!patch.ok) return patch.response;
    const result = await setProjectStatus.runAsToken({ userId: principal.userId!, scopes: principal.scopes }, principal.org.slug, {
      id,
      version: patch.version,
      status: patch.data.status,
    });
    if (!result.ok) return problemOf(result);
    // Read after the commit: the pipeline's transaction has ended.
    const project = await getApiProject(scopeOf(principal), id);
    return project ? json(project, { headers: { etag: etagOf(project.version) } }) : notFoundProblem();
  },
  { scope: "projects:write", permission: "projects:write" },
);
