import { defineAction } from "@/lib/action";
import type { ActionContext } from "@/lib/action/types";
import { ORG_ONLY_SCOPES } from "@/lib/api/scopes";
import { generateToken } from "@/lib/api/tokens";
import { ZCreateApiTokenInput, ZRevokeApiTokenInput } from "@/lib/api/token-schemas";
import { invalid, notFound } from "@/lib/errors";
import type { ApiTokenKind } from "@/lib/generated/prisma/enums";
import type { z } from "zod";

// Creating and revoking API tokens (docs/api.md). The secret is returned once, by the create
// action, and never stored or audited: only its hash and a short prefix are kept.

const DAY_MS = 86_400_000;

async function createToken(ctx: ActionContext, kind: ApiTokenKind, input: z.output<typeof ZCreateApiTokenInput>) {
  const orgOnly = input.scopes.filter((s) => ORG_ONLY_SCOPES.includes(s));
  if (kind === "PERSONAL" && orgOnly.length > 0) throw invalid({ scopes: [`Only an org token may carry ${orgOnly.join(", ")}.`] });
  const { secret, prefix, tokenHash } = generateToken();
  const expiresAt = input.expiresInDays === "never" ? null : new Date(Date.now() + Number(input.expiresInDays) * DAY_MS);
  const token = await ctx.tx.apiToken.create({
    data: {
      orgId: ctx.org.id,
      kind,
      userId: kind === "PERSONAL" ? ctx.actor.userId : null,
      createdById: ctx.actor.userId,
      name: input.name,
      prefix,
      tokenHash,
      scopes: input.scopes,
      expiresAt,
    },
    select: { id: true },
  });
  await ctx.audit({
    entityType: "ApiToken",
    entityId: token.id,
    after: { name: input.name, kind, prefix, scopes: input.scopes, expiresAt: expiresAt?.toISOString() ?? null },
  });
  return { id: token.id, secret, prefix };
}

async function revokeToken(ctx: ActionContext, tokenId: string, where: { kind: ApiTokenKind; userId?: string }) {
  const token = await ctx.tx.apiToken.findFirst({
    where: { id: tokenId, orgId: ctx.org.id, ...where },
    select: { name: true, prefix: true, revokedAt: true },
  });
  if (!token) throw notFound("That token does not exist.");
  const revokedAt = token.revokedAt ?? new Date();
  await ctx.tx.apiToken.update({ where: { id: tokenId }, data: { revokedAt } });
  await ctx.audit({
    entityType: "ApiToken",
    entityId: tokenId,
    before: { name: token.name, prefix: token.prefix, revokedAt: null },
    after: { revokedAt },
  });
  return { id: tokenId };
}

// Who manages each kind of token, and the page that lists it (create and revoke alike).
const ORG_TOKENS = { permission: "apitokens:manage", revalidate: { path: "/{org}/settings/api" } } as const;
const PERSONAL_TOKENS = { permission: "org:read", revalidate: { path: "/{org}/account" } } as const;

/** An org token: the org's integration principal, created by an admin. */
export const createOrgApiToken = defineAction({
  name: "api-token.create",
  ...ORG_TOKENS,
  input: ZCreateApiTokenInput,
  handler: (ctx, input) => createToken(ctx, "ORG", input),
});

export const revokeOrgApiToken = defineAction({
  name: "api-token.revoke",
  ...ORG_TOKENS,
  input: ZRevokeApiTokenInput,
  handler: (ctx, { tokenId }) => revokeToken(ctx, tokenId, { kind: "ORG" }),
});

/** A personal token: acts as its creator, with their role in this org; any member may hold some. */
export const createPersonalApiToken = defineAction({
  name: "api-token.personal.create",
  ...PERSONAL_TOKENS,
  input: ZCreateApiTokenInput,
  handler: (ctx, input) => createToken(ctx, "PERSONAL", input),
});

/** Only the holder revokes a personal token here (removing the member ends it too). */
export const revokePersonalApiToken = defineAction({
  name: "api-token.personal.revoke",
  ...PERSONAL_TOKENS,
  input: ZRevokeApiTokenInput,
  handler: (ctx, { tokenId }) => revokeToken(ctx, tokenId, { kind: "PERSONAL", userId: ctx.actor.userId }),
});
