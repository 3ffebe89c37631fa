import type { Db } from "@/lib/db-factory";
import { verifyPassword } from "@/lib/auth/password";
import { clearFailures, isThrottled, recordFailure, throttleKeys } from "@/lib/auth/throttle";

// The credential check behind next-auth's Credentials provider, kept free of Next so that
// integration tests can drive it against a real database.
export type SignInResult =
  | { ok: true; user: { id: string; email: string; name: string } }
  | { ok: false; reason: "invalid" | "throttled" };

// Verifying against a dummy hash when the email is unknown keeps the response time the same,
// so timing does not reveal which emails have accounts.
const DUMMY_HASH =
  "scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

export async function checkCredentials(db: Db, email: string, password: string, ip: string | null): Promise<SignInResult> {
  const normalized = email.trim().toLowerCase();
  const keys = throttleKeys(normalized, ip);
  if (await isThrottled(db, keys)) return { ok: false, reason: "throttled" };
  const user = await db.user.findUnique({
    where: { email: normalized },
    select: { id: true, email: true, name: true, passwordHash: true },
  });
  const valid = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
  if (!user || !valid) {
    await recordFailure(db, keys);
    return { ok: false, reason: "invalid" };
  }
  await clearFailures(db, normalized);
  return { ok: true, user: { id: user.id, email: user.email, name: user.name } };
}
