import { withScim } from "@/lib/route-guard";
import { afterWrite, listParams, readScimBody, scimBase, scimJson } from "@/lib/scim/http";
import { listScimGroups, readScimGroup } from "@/lib/scim/queries";
import { scimCreateGroup } from "@/lib/scim/groups";

export const GET = withScim(async (request, { orgId }) => scimJson(await listScimGroups(orgId, scimBase(request), listParams(request))));

export const POST = withScim(async (request, { orgId, secret }) => {
  const body = await readScimBody(request);
  if (!body.ok) return body.response;
  return afterWrite(await scimCreateGroup.run({ token: secret, resource: body.body }), async (id) => {
    const { resource, version } = (await readScimGroup(orgId, id, scimBase(request)))!;
    return scimJson(resource, { status: 201, version, location: resource.meta.location });
  });
});
