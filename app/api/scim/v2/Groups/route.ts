import { db } from "@/lib/db";
import { withScim } from "@/lib/route-guard";
import { afterWrite, listParams, readScimBody, scimBase, scimJson } from "@/lib/scim/http";
import { listScimGroups } from "@/lib/scim/queries";
import { findScimGroup, groupResource } from "@/lib/scim/resources";
import { scimCreateGroup } from "@/lib/scim/groups";

export const GET = withScim(async (request, { orgId }) =>
  scimJson(await listScimGroups(db, orgId, scimBase(request), listParams(request))),
);

export const POST = withScim(async (request, { orgId, secret }) => {
  const body = await readScimBody(request);
  if (!body.ok) return body.response;
  return afterWrite(await scimCreateGroup.run({ token: secret, resource: body.body }), async (id) => {
    const row = (await findScimGroup(db, orgId, id))!;
    const resource = groupResource(row, scimBase(request));
    return scimJson(resource, { status: 201, version: row.version, location: resource.meta.location });
  });
});
