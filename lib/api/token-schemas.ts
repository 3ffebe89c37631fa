import { z } from "zod";

import { API_SCOPES } from "@/lib/api/scopes";
import { ZId } from "@/lib/validation";

const TOKEN_EXPIRIES = ["30", "90", "365", "never"] as const;

export const ZCreateApiTokenInput = z.object({
  name: z.string({ error: "Name the token." }).trim().min(1, "Name the token.").max(80, "Keep the name to 80 characters."),
  scopes: z
    .array(z.enum(API_SCOPES, { error: "Unknown scope." }), { error: "Choose at least one scope." })
    .min(1, "Choose at least one scope.")
    .transform((s) => [...new Set(s)]),
  expiresInDays: z.enum(TOKEN_EXPIRIES, { error: "Choose when the token expires." }),
});

export const ZRevokeApiTokenInput = z.object({ tokenId: ZId("Choose a token.") });

/** A token as lists show it: never the secret or its hash. */
export type ApiTokenRow = {
  id: string;
  kind: "ORG" | "PERSONAL";
  name: string;
  prefix: string;
  scopes: string[];
  owner: string | null;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
  createdAt: string;
};
