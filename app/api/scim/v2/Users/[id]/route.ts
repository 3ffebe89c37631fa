import { withScim } from "@/lib/route-guard";
import { scimError } from "@/lib/scim/errors";
import { afterWrite, readScimBody, scimBase, scimJson } from "@/lib/scim/http";
import { readScimUser } from "@/lib/scim/queries";
import { scimDeleteUser, scimPatchUser, scimReplaceUser } from "@/lib/scim/users";

type Params = { id: string };

async function current(request: Request, orgId: string, id: string): Promise<Response> {
  const found = await readScimUser(orgId, id, scimBase(request));
  return found ? scimJson(found.resource, { version: found.version }) : scimError(404, `No user ${id} in this organization.`);
}

export const GET = withScim<Params>(async (request, { orgId }, { id }) => current(request, orgId, id));

export const PUT = withScim<Params>(async (request, { orgId, secret }, { id }) => {
  const body = await readScimBody(request);
  if (!body.ok) return body.response;
  const ifMatch = request.headers.get("if-match");
  return afterWrite(await scimReplaceUser.run({ token: secret, id, ifMatch, resource: body.body }), () => current(request, orgId, id));
});

export const PATCH = withScim<Params>(async (request, { orgId, secret }, { id }) => {
  const body = await readScimBody(request);
  if (!body.ok) return body.response;
  const ifMatch = request.headers.get("if-match");
  return afterWrite(await scimPatchUser.run({ token: secret, id, ifMatch, body: body.body }), () => current(request, orgId, id));
});

export const DELETE = withScim<Params>(async (request, { secret }, { id }) =>
  afterWrite(
    await scimDeleteUser.run({ token: secret, id, ifMatch: request.headers.get("if-match") }),
    async () => new Response(null, { status: 204 }),
  ),
);
