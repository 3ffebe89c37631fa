import { randomUUID } from "node:crypto";

import { hashPassword } from "@/lib/auth/password";
import type { Tx } from "@/lib/db-factory";
import type { DemoUserKey, OrgSeed, PersonRow, UnitRow } from "@/lib/seed/types";

export const DEMO_PASSWORD = "keel-demo";

const DEMO_USERS: Record<DemoUserKey, { email: string; name: string }> = {
  director: { email: "director@acme.example", name: "Dana Delgado" },
  manager: { email: "manager@acme.example", name: "Marcus Molina" },
  finance: { email: "finance@acme.example", name: "Fiona Finch" },
  viewer: { email: "viewer@acme.example", name: "Victor Vale" },
  admin: { email: "admin@acme.example", name: "Ada Admin" },
  globexDirector: { email: "director@globex.example", name: "Gloria Grant" },
};

export type UserIds = Record<DemoUserKey, string>;

/** The demo logins plus a lookup of logins that already exist (by email), shared by both orgs. */
export type DemoUsers = UserIds & { existing: Map<string, string> };

/**
 * Creates the six demo logins (or reuses them if a previous partial setup left them behind).
 * scrypt is deliberately slow, so the password is hashed once and the hash shared: every demo
 * account has the same password anyway.
 */
export async function ensureDemoUsers(tx: Tx): Promise<{ users: DemoUsers; passwordHash: string }> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const emails = Object.values(DEMO_USERS).map((u) => u.email);
  const existing = await tx.user.findMany({ where: { email: { in: emails } }, select: { email: true } });
  const have = new Set(existing.map((u) => u.email));
  const missing = Object.values(DEMO_USERS).filter((u) => !have.has(u.email));
  if (missing.length > 0) await tx.user.createMany({ data: missing.map((u) => ({ ...u, passwordHash })) });
  // Every login of the demo domains, so the people's own logins are reused rather than duplicated.
  const rows = await tx.user.findMany({
    where: { OR: [{ email: { endsWith: "@acme.example" } }, { email: { endsWith: "@globex.example" } }] },
    select: { id: true, email: true },
  });
  const idByEmail = new Map(rows.map((r) => [r.email, r.id]));
  const ids = { existing: idByEmail } as DemoUsers;
  for (const [key, u] of Object.entries(DEMO_USERS) as [DemoUserKey, { email: string }][]) ids[key] = idByEmail.get(u.email)!;
  return { users: ids, passwordHash };
}

/**
 * A login for every unit lead who has no demo login yet (team leads, department heads): they
 * write and acknowledge their projects' updates, so each is a person with a linked user, and a
 * MANAGER of their own unit. Sets `userId` on the lead's person row.
 */
export function leadAccounts(units: UnitRow[], people: PersonRow[], users: DemoUsers): Pick<OrgSeed, "accounts" | "memberships"> {
  const byId = new Map(people.map((p) => [p.id, p]));
  const accounts: { id: string; email: string; name: string }[] = [];
  const memberships: { userId: string; role: "MANAGER"; scopeUnitCode: string }[] = [];
  for (const unit of units) {
    const lead = unit.leadId ? byId.get(unit.leadId) : undefined;
    if (!lead || lead.userKey || lead.userId) continue;
    const known = users.existing.get(lead.email);
    const id = known ?? randomUUID();
    if (!known) accounts.push({ id, email: lead.email, name: lead.name });
    lead.userId = id;
    memberships.push({ userId: id, role: "MANAGER", scopeUnitCode: unit.code });
  }
  return { accounts, memberships };
}

/** The login of a person: their demo login or their own. */
export function userOf(person: PersonRow | undefined, users: UserIds): string | null {
  if (!person) return null;
  return person.userKey ? users[person.userKey] : (person.userId ?? null);
}
