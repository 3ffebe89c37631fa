import { withScim } from "@/lib/route-guard";
import { afterWrite, listParams, readScimBody, scimBase, scimJson } from "@/lib/scim/http";
import { listScimUsers, readScimUser } from "@/lib/scim/queries";
import { scimCreateUser } from "@/lib/scim/users";

export const GET = withScim(async (request, { orgId }) => scimJson(await listScimUsers(orgId, scimBase(request), listParams(request))));

export const POST = withScim(async (request, { orgId, secret }) => {
  const body = await readScimBody(request);
  if (!body.ok) return body.response;
  return afterWrite(await scimCreateUser.run({ token: secret, resource: body.body }), async (id) => {
    const { resource, version } = (await readScimUser(orgId, id, scimBase(request)))!;
    return scimJson(resource, { status: 201, version, location: resource.meta.location });
  });
});
