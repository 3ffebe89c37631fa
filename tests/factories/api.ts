import { generateToken } from "@/lib/api/tokens";
import type { Db } from "@/lib/db-factory";

/** An API token row as the create action writes it; returns the row's id and the secret. */
export async function createApiToken(
  db: Db,
  opts: {
    orgId: string;
    kind: "ORG" | "PERSONAL";
    userId?: string | null;
    scopes: readonly string[];
    expiresAt?: Date | null;
    revokedAt?: Date | null;
  },
) {
  const { secret, prefix, tokenHash } = generateToken();
  const row = await db.apiToken.create({
    data: {
      orgId: opts.orgId,
      kind: opts.kind,
      userId: opts.kind === "PERSONAL" ? (opts.userId ?? null) : null,
      name: `Token ${prefix}`,
      prefix,
      tokenHash,
      scopes: [...opts.scopes],
      expiresAt: opts.expiresAt ?? null,
      revokedAt: opts.revokedAt ?? null,
    },
    select: { id: true },
  });
  return { id: row.id, secret };
}
