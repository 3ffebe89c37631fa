import { db } from "@/lib/db";
import { withScim } from "@/lib/route-guard";
import { scimError } from "@/lib/scim/errors";
import { afterWrite, readScimBody, scimBase, scimJson } from "@/lib/scim/http";
import { findScimUser, userResource } from "@/lib/scim/resources";
import { scimDeleteUser, scimPatchUser, scimReplaceUser } from "@/lib/scim/users";

type Params = { id: string };

async function current(request: Request, orgId: string, id: string): Promise<Response> {
  const row = await findScimUser(db, orgId, id);
  if (!row) return scimError(404, `No user ${id} in this organization.`);
  return scimJson(userResource(row, scimBase(request)), { version: row.version });
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
