import { hashPassword } from "@/lib/auth/password";
import type { Tx } from "@/lib/db-factory";
import type { DemoUserKey } from "@/lib/seed/types";

export const DEMO_PASSWORD = "keel-demo";

export const DEMO_USERS: Record<DemoUserKey, { email: string; name: string }> = {
  director: { email: "director@acme.example", name: "Dana Delgado" },
  manager: { email: "manager@acme.example", name: "Marcus Molina" },
  finance: { email: "finance@acme.example", name: "Fiona Finch" },
  viewer: { email: "viewer@acme.example", name: "Victor Vale" },
  admin: { email: "admin@acme.example", name: "Ada Admin" },
  globexDirector: { email: "director@globex.example", name: "Gloria Grant" },
};

export type UserIds = Record<DemoUserKey, string>;

/**
 * Creates the six demo logins (or reuses them if a previous partial setup left them behind).
 * scrypt is deliberately slow, so the password is hashed once and the hash shared: every demo
 * account has the same password anyway.
 */
export async function ensureDemoUsers(tx: Tx): Promise<UserIds> {
  const emails = Object.values(DEMO_USERS).map((u) => u.email);
  const existing = await tx.user.findMany({ where: { email: { in: emails } }, select: { email: true } });
  const have = new Set(existing.map((u) => u.email));
  const missing = Object.values(DEMO_USERS).filter((u) => !have.has(u.email));
  if (missing.length > 0) {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await tx.user.createMany({ data: missing.map((u) => ({ ...u, passwordHash })) });
  }
  const rows = await tx.user.findMany({ where: { email: { in: emails } }, select: { id: true, email: true } });
  const idByEmail = new Map(rows.map((r) => [r.email, r.id]));
  const ids = {} as UserIds;
  for (const [key, u] of Object.entries(DEMO_USERS) as [DemoUserKey, { email: string }][]) ids[key] = idByEmail.get(u.email)!;
  return ids;
}
