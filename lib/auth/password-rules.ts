import { z } from "zod";

// Rules for a password a person chooses (invitation acceptance, password change), following
// NIST SP 800-63B: length over composition rules, no known-breached or obvious passwords, not
// the account's own email. Existing passwords (the demo's "keel-demo") are not re-checked at
// sign-in: rules apply when a password is chosen.
const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 200;

// A small list of the most common passwords and of obvious choices for this product; stored
// lower-case and compared after trimming and lower-casing.
const COMMON = new Set([
  "123456789012",
  "1234567890123",
  "password1234",
  "password12345",
  "passwordpassword",
  "qwertyuiop12",
  "qwertyuiopasdf",
  "iloveyou1234",
  "letmein12345",
  "welcome12345",
  "welcome123456",
  "changeme1234",
  "administrator",
  "adminadmin123",
  "111111111111",
  "000000000000",
  "abcdefghijkl",
  "abc123abc123",
  "aaaaaaaaaaaa",
  "trustno1trustno1",
  "monkeymonkey",
  "dragondragon",
  "football1234",
  "baseball1234",
  "sunshine1234",
  "princess1234",
  "superman1234",
  "starwars1234",
  "p@ssw0rd1234",
  "passw0rd1234",
  "keel-demo-123",
  "keelkeelkeel",
  "keelpassword",
  "keel12345678",
  "correcthorsebatterystaple",
]);

/** Everything wrong with a chosen password (empty when it is acceptable). */
export function passwordProblems(password: string, email: string | null): string[] {
  const problems: string[] = [];
  const normalized = password.normalize("NFKC");
  if ([...normalized].length < MIN_PASSWORD_LENGTH) problems.push(`Use at least ${MIN_PASSWORD_LENGTH} characters.`);
  if (normalized.length > MAX_PASSWORD_LENGTH) problems.push(`Use at most ${MAX_PASSWORD_LENGTH} characters.`);
  const lower = normalized.trim().toLowerCase();
  if (COMMON.has(lower) || /^(.)\1+$/u.test(lower)) problems.push("This password is too common: choose another.");
  if (email) {
    const mail = email.trim().toLowerCase();
    const local = mail.split("@")[0] ?? "";
    if (lower === mail || (local.length >= 3 && lower.replace(/[^a-z0-9]/g, "") === local.replace(/[^a-z0-9]/g, ""))) {
      problems.push("Do not use your email address as your password.");
    }
  }
  return problems;
}

/** zod field for a newly chosen password; the email rule is added where the email is known. */
export const ZNewPassword = z.string({ error: "Enter a password." }).superRefine((value, ctx) => {
  for (const message of passwordProblems(value, null)) ctx.addIssue({ code: "custom", message });
});
