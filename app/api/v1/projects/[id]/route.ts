import { problem, problemOf, json, readJsonBody } from "@/lib/api/problem";
import { getApiProject } from "@/lib/api/queries";
import { ifMatchVersion, notFoundProblem, parseBody, scopeOf } from "@/lib/api/request";
import { ZProjectPatch } from "@/lib/api/schemas";
import { setProjectStatus } from "@/lib/projects/set-project-status";
import { withToken } from "@/lib/route-guard";

const etag = (version: number) => `"${version}"`;

export const GET = withToken<{ id: string }>(
  async (_request, principal, { id }) => {
    const project = await getApiProject(scopeOf(principal), id);
    return project ? json(project, { headers: { etag: etag(project.version) } }) : notFoundProblem();
  },
  { scope: "projects:read" },
);

// A change of status through the UI's own action (validated, authorized and audited the same);
// If-Match carries the version read, and a stale one is a 409, as a stale form is.
export const PATCH = withToken<{ id: string }>(
  async (request, principal, { id }) => {
    const version = ifMatchVersion(request);
    if (version === null) return problem(428, 'Send If-Match with the project\'s version (its ETag, e.g. "3").');
    if (version === "malformed")
      return problem(400, "If-Match must be the project's ETag.", { fieldErrors: { "If-Match": ['Use the ETag, e.g. "3".'] } });
    const body = await readJsonBody(request);
    if (!body.ok) return body.response;
    const input = parseBody(body.body, ZProjectPatch);
    if (!input.ok) return input.response;
    const result = await setProjectStatus.runAsToken({ userId: principal.userId!, scopes: principal.scopes }, principal.org.slug, {
      id,
      version,
      status: input.data.status,
    });
    if (!result.ok) return problemOf(result);
    // Read after the commit: the pipeline's transaction has ended.
    const project = await getApiProject(scopeOf(principal), id);
    return project ? json(project, { headers: { etag: etag(project.version) } }) : notFoundProblem();
  },
  { scope: "projects:write", permission: "projects:write" },
);
