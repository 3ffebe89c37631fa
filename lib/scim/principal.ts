import { z } from "zod";

import { authenticateToken, principalCan } from "@/lib/api/tokens";
import type { PublicActionContext } from "@/lib/action";
import { AppError } from "@/lib/errors";

// The authority of a SCIM write (docs/scim.md). SCIM writes are pipeline actions of the
// "public" session: no person is signed in, the bearer token in the input is the authority. The
// handler re-reads the token inside its transaction, so a token revoked a moment ago writes
// nothing, and holds it to the same permission table as the route guard (lib/route-guard.ts
// withScim): an org token, with the scim scope, whose principal has scim:provision.

export const ZScimToken = z.string({ error: "Send the token." }).min(1).max(200);

export type ScimAuthority = {
  orgId: string;
  token: { id: string; prefix: string };
  /** Records an audit event of this org, by no person: the token is named in the event. */
  audit(event: { action?: string; entityType: string; entityId: string; before?: unknown; after?: unknown }): Promise<void>;
};

export async function scimAuthorityOrThrow(ctx: PublicActionContext, secret: string): Promise<ScimAuthority> {
  const principal = await authenticateToken(ctx.tx, secret);
  if (!principal) throw new AppError("UNAUTHENTICATED", "The token is unknown, expired or revoked.");
  if (principal.kind !== "ORG" || !principal.scopes.includes("scim") || !principalCan(principal, "scim:provision")) {
    throw new AppError("FORBIDDEN", "This token lacks the scope scim.");
  }
  const token = { id: principal.tokenId, prefix: secret.slice(0, 11) };
  const orgId = principal.org.id;
  return {
    orgId,
    token,
    audit: ({ after, ...event }) =>
      ctx.audit({ ...event, orgId, actorId: null, after: { ...((after as object | undefined) ?? {}), viaToken: token.prefix } }),
  };
}
