import { defineAction } from "@/lib/action";
import { AppError, invalid } from "@/lib/errors";
import { sealSecret } from "@/lib/security/secret-box";
import { ZUpdateSsoInput } from "@/lib/sso/schemas";

const AUDITED = {
  displayName: true,
  issuer: true,
  clientId: true,
  scopes: true,
  groupsClaim: true,
  groupRoles: true,
  defaultRole: true,
  enabled: true,
  requireSso: true,
  breakGlassUserId: true,
} as const;

/** An org's single sign-on (docs/sso.md), by admins: the secret is sealed and never read back to a page. */
export const updateSso = defineAction({
  name: "org.sso.update",
  permission: "members:manage",
  revalidate: { path: "/{org}/settings/sso", type: "page" },
  input: ZUpdateSsoInput,
  async handler(ctx, { clientSecret, emailDomains, expectedUpdatedAt, breakGlassUserId, ...fields }) {
    const orgId = ctx.org.id;
    const existing = await ctx.tx.orgSso.findUnique({ where: { orgId }, select: { ...AUDITED, updatedAt: true } });
    if (existing && existing.updatedAt.toISOString() !== expectedUpdatedAt) throw new AppError("CONFLICT");
    const errors: Record<string, string[]> = {};
    const secret = clientSecret?.trim() ?? "";
    if (!existing && !secret) errors.clientSecret = ["Enter the client secret."];
    const taken = await ctx.tx.ssoDomain.findMany({
      where: { domain: { in: emailDomains }, orgId: { not: orgId } },
      select: { domain: true },
    });
    if (taken.length) errors.emailDomains = [`Already used by another organization's sign-on: ${taken.map((t) => t.domain).join(", ")}.`];
    const codes = [...new Set(fields.groupRoles.flatMap((m) => (m.unitCode ? [m.unitCode] : [])))];
    if (codes.length) {
      const units = await ctx.tx.orgUnit.findMany({ where: { orgId, code: { in: codes } }, select: { code: true } });
      const missing = codes.filter((c) => !units.some((u) => u.code === c));
      if (missing.length) errors.groupRoles = [`No org unit has the code ${missing.join(", ")}.`];
    }
    const breakGlass = breakGlassUserId || null;
    if (fields.requireSso && !breakGlass) errors.breakGlassUserId = ["Choose the admin who may still sign in with a password."];
    if (breakGlass) {
      const admin = await ctx.tx.membership.findFirst({ where: { orgId, userId: breakGlass, role: "ADMIN" }, select: { id: true } });
      if (!admin) errors.breakGlassUserId = ["Choose one of the organization's admins."];
    }
    if (Object.keys(errors).length) throw invalid(errors);

    const data = { ...fields, breakGlassUserId: breakGlass, ...(secret ? { clientSecretSealed: sealSecret(secret) } : {}) };
    const saved = await ctx.tx.orgSso.upsert({
      where: { orgId },
      create: { orgId, ...data, clientSecretSealed: sealSecret(secret) },
      update: data,
      select: { id: true, ...AUDITED, updatedAt: true },
    });
    await ctx.tx.ssoDomain.deleteMany({ where: { orgId } });
    await ctx.tx.ssoDomain.createMany({ data: emailDomains.map((domain) => ({ domain, orgId })) });
    const { updatedAt: _before, ...before } = existing ?? { updatedAt: null };
    const { id, updatedAt, ...after } = saved;
    await ctx.audit({
      entityType: "OrgSso",
      entityId: id,
      before: existing ? before : null,
      after: { ...after, emailDomains, secretChanged: Boolean(secret) },
    });
    return { updatedAt: updatedAt.toISOString() };
  },
});
