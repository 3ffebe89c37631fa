import { z } from "zod";

import type { PublicActionContext } from "@/lib/action";
import type { Tx } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { scimRefusal } from "@/lib/scim/errors";
import { applyPatchOrThrow } from "@/lib/scim/patch";
import { type ScimAuthority, scimAuthorityOrThrow, ZScimToken } from "@/lib/scim/principal";
import { ifMatchAllows } from "@/lib/scim/resources";
import { parsePatchOrThrow } from "@/lib/scim/schemas";

// What every SCIM resource's four writes (create, replace with PUT, PATCH, DELETE) share: the
// token in the input is the authority, and a write to an existing resource first finds it in the
// token's org and holds it to If-Match. Users and Groups say only what differs.

const ZId = z.string().min(1).max(200);
const ZIfMatch = z.string().max(200).nullish();

export const ZScimCreate = z.object({ token: ZScimToken, resource: z.unknown() });
export const ZScimReplace = z.object({ token: ZScimToken, id: ZId, ifMatch: ZIfMatch, resource: z.unknown() });
export const ZScimPatch = z.object({ token: ZScimToken, id: ZId, ifMatch: ZIfMatch, body: z.unknown() });
export const ZScimDelete = z.object({ token: ZScimToken, id: ZId, ifMatch: ZIfMatch });

type Written = { id: string };

type ScimKind<Row extends { version: number }, Resource> = {
  /** "user" or "group", as the refusals name it. */
  label: string;
  find: (tx: Tx, orgId: string, id: string) => Promise<Row | null>;
  parse: (resource: unknown) => Resource;
  /** The row as a resource a PATCH applies to. */
  writable: (row: Row) => Record<string, unknown>;
  create: (ctx: PublicActionContext, auth: ScimAuthority, resource: Resource) => Promise<Written>;
  replace: (ctx: PublicActionContext, auth: ScimAuthority, before: Row, resource: Resource) => Promise<Written>;
  remove: (ctx: PublicActionContext, auth: ScimAuthority, before: Row) => Promise<Written>;
};

/** The handlers of a SCIM resource's four write actions. */
export function scimWriteHandlers<Row extends { version: number }, Resource>(kind: ScimKind<Row, Resource>) {
  async function currentOrThrow(ctx: PublicActionContext, auth: ScimAuthority, id: string, ifMatch: string | null | undefined) {
    const row = await kind.find(ctx.tx, auth.orgId, id);
    if (!row) throw new AppError("NOT_FOUND", `No ${kind.label} ${id} in this organization.`);
    if (!ifMatchAllows(ifMatch, row.version))
      throw scimRefusal(412, null, "If-Match", `The ${kind.label} changed since version ${ifMatch}: read it again.`);
    return row;
  }
  return {
    async create(ctx: PublicActionContext, input: z.output<typeof ZScimCreate>) {
      const auth = await scimAuthorityOrThrow(ctx, input.token);
      return kind.create(ctx, auth, kind.parse(input.resource));
    },
    async replace(ctx: PublicActionContext, input: z.output<typeof ZScimReplace>) {
      const auth = await scimAuthorityOrThrow(ctx, input.token);
      const before = await currentOrThrow(ctx, auth, input.id, input.ifMatch);
      return kind.replace(ctx, auth, before, kind.parse(input.resource));
    },
    async patch(ctx: PublicActionContext, input: z.output<typeof ZScimPatch>) {
      const auth = await scimAuthorityOrThrow(ctx, input.token);
      const before = await currentOrThrow(ctx, auth, input.id, input.ifMatch);
      const ops = parsePatchOrThrow(input.body);
      return kind.replace(ctx, auth, before, kind.parse(applyPatchOrThrow(kind.writable(before), ops)));
    },
    async remove(ctx: PublicActionContext, input: z.output<typeof ZScimDelete>) {
      const auth = await scimAuthorityOrThrow(ctx, input.token);
      return kind.remove(ctx, auth, await currentOrThrow(ctx, auth, input.id, input.ifMatch));
    },
  };
}
