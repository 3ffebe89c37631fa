import { db } from "@/lib/db";
import { withScim } from "@/lib/route-guard";
import { afterWrite, listParams, readScimBody, scimBase, scimJson } from "@/lib/scim/http";
import { listScimUsers } from "@/lib/scim/queries";
import { findScimUser, userResource } from "@/lib/scim/resources";
import { scimCreateUser } from "@/lib/scim/users";

export const GET = withScim(async (request, { orgId }) => scimJson(await listScimUsers(db, orgId, scimBase(request), listParams(request))));

export const POST = withScim(async (request, { orgId, secret }) => {
  const body = await readScimBody(request);
  if (!body.ok) return body.response;
  return afterWrite(await scimCreateUser.run({ token: secret, resource: body.body }), async (id) => {
    const row = (await findScimUser(db, orgId, id))!;
    const resource = userResource(row, scimBase(request));
    return scimJson(resource, { status: 201, version: row.version, location: resource.meta.location });
  });
});
