import type { Db } from "@/lib/db-factory";
import { verifyPassword } from "@/lib/auth/password";
import { recordSuccess, reserveAttempt, throttleKeys } from "@/lib/auth/throttle";

// The credential check behind next-auth's Credentials provider, kept free of Next so that
// integration tests can drive it against a real database.
export type SignInResult =
  { ok: true; user: { id: string; email: string; name: string } } | { ok: false; reason: "invalid" | "throttled" | "sso" };

// Verifying against a dummy hash when the email is unknown keeps the response time the same,
// so timing does not reveal which emails have accounts.
const DUMMY_HASH = "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

/**
 * `address`: the client's address when it can be trusted (client-ip.ts), else null.
 * `knownDeviceId`: from a valid known-device cookie for this email (device.ts), else null.
 */
export async function checkCredentials(
  db: Db,
  email: string,
  password: string,
  address: string | null,
  knownDeviceId: string | null = null,
): Promise<SignInResult> {
  const normalized = email.trim().toLowerCase();
  const keys = throttleKeys(normalized, address, knownDeviceId);
  // Each counter is checked and counted in one statement before the password is looked at.
  for (const key of keys) if (!(await reserveAttempt(db, key))) return { ok: false, reason: "throttled" };
  const user = await db.user.findUnique({
    where: { email: normalized },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid) return { ok: false, reason: "invalid" };
  // Only after the password proved right, so the answer tells a guesser nothing new.
  if (await ssoRequired(db, user.id)) return { ok: false, reason: "sso" };
  await recordSuccess(db, keys);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}

/**
 * Whether the user belongs to an org that requires single sign-on (docs/sso.md) and is not that
 * org's break-glass admin: then a password does not sign them in.
 */
async function ssoRequired(db: Db, userId: string): Promise<boolean> {
  const rows = await db.$queryRaw<unknown[]>`
    SELECT 1 FROM "Membership" m
    JOIN "OrgSso" s ON s."orgId" = m."orgId" AND s."requireSso" AND s.enabled
    WHERE m."userId" = ${userId} AND s."breakGlassUserId" IS DISTINCT FROM m."userId"
    LIMIT 1`;
  return rows.length > 0;
}
