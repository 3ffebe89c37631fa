import { z } from "zod";

import { Role } from "@/lib/generated/prisma/enums";
import { ZCheckbox, ZExpectedUpdatedAt, ZOptionalId } from "@/lib/validation";

// The admin's SSO form (components/settings/sso-form.tsx). Lists arrive as text, one entry a
// line (or comma-separated domains), and are parsed here so every bad line is named.

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const ROLES = Object.values(Role);

export type GroupRole = { group: string; role: Role; unitCode?: string };

/** "group = ROLE" or "group = ROLE @ UNITCODE", one a line; blank lines and # comments skipped. */
export function parseGroupRoles(text: string): { mappings: GroupRole[]; errors: string[] } {
  const mappings: GroupRole[] = [];
  const errors: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (!line || line.startsWith("#")) return;
    const m = /^(.+?)\s*=\s*([A-Za-z]+)\s*(?:@\s*(\S+))?$/.exec(line);
    const role = m?.[2].toUpperCase() as Role | undefined;
    if (!m || !role || !ROLES.includes(role)) {
      errors.push(`Line ${i + 1}: write “group = ROLE” or “group = ROLE @ UNIT-CODE”, with a role from ${ROLES.join(", ")}.`);
      return;
    }
    mappings.push({ group: m[1].trim(), role, ...(m[3] ? { unitCode: m[3] } : {}) });
  });
  if (mappings.length > 100) errors.push("At most 100 group mappings.");
  return { mappings, errors };
}

export function formatGroupRoles(mappings: GroupRole[]): string {
  return mappings.map((m) => `${m.group} = ${m.role}${m.unitCode ? ` @ ${m.unitCode}` : ""}`).join("\n");
}

/** An issuer: https, or http only on this machine (a test or development provider). */
const ZIssuer = z
  .string()
  .trim()
  .max(500, "The issuer URL is too long.")
  .refine((v) => {
    try {
      const u = new URL(v);
      const loopback = ["localhost", "127.0.0.1", "[::1]"].includes(u.hostname);
      return (u.protocol === "https:" || (u.protocol === "http:" && loopback)) && !u.search && !u.hash && !u.username;
    } catch {
      return false;
    }
  }, "Enter the issuer URL, e.g. https://example.okta.com (https; no query).");

export const ZUpdateSsoInput = z.object({
  displayName: z.string().trim().min(2, "Name the provider (shown as “Sign in with …”).").max(40, "At most 40 characters."),
  issuer: ZIssuer,
  clientId: z.string().trim().min(1, "Enter the client id.").max(300, "The client id is too long."),
  /** Blank keeps the stored secret; required the first time. */
  clientSecret: z.string().max(2000, "The client secret is too long.").optional(),
  scopes: z
    .string()
    .trim()
    .max(300)
    .default("openid email profile")
    .transform((v) => v.split(/\s+/).filter(Boolean))
    .refine((s) => s.includes("openid"), "The scopes must include openid.")
    .refine((s) => s.every((x) => /^[\x21\x23-\x5b\x5d-\x7e]+$/.test(x)), "Separate scopes with spaces.")
    .transform((s) => [...new Set(s)].join(" ")),
  emailDomains: z
    .string({ error: "Enter at least one email domain." })
    .transform((v) => [
      ...new Set(
        v
          .split(/[\s,;]+/)
          .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
          .filter(Boolean),
      ),
    ])
    .refine((d) => d.length > 0, "Enter at least one email domain.")
    .refine((d) => d.length <= 20, "At most 20 domains.")
    .superRefine((domains, ctx) => {
      const bad = domains.filter((d) => !DOMAIN.test(d));
      if (bad.length) ctx.addIssue({ code: "custom", message: `Not a domain: ${bad.slice(0, 3).join(", ")}.` });
    }),
  groupsClaim: z
    .string()
    .trim()
    .min(1, "Name the claim that carries groups, e.g. groups.")
    .max(100)
    .regex(/^[\w:./-]+$/, "A claim name has no spaces."),
  groupRoles: z
    .string()
    .default("")
    .transform((text, ctx) => {
      const { mappings, errors } = parseGroupRoles(text);
      for (const message of errors) ctx.addIssue({ code: "custom", message });
      return mappings;
    }),
  defaultRole: z.enum(Role, { error: "Choose the default role." }).refine((r) => r !== "ADMIN", "The default role cannot be Admin."),
  enabled: ZCheckbox,
  requireSso: ZCheckbox,
  breakGlassUserId: ZOptionalId,
  /** The configuration's updatedAt when the form was opened; absent for the first save. */
  expectedUpdatedAt: ZExpectedUpdatedAt.optional(),
});

export const ZTestSsoInput = z.object({});
