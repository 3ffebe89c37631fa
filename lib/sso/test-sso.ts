import { defineAction } from "@/lib/action";
import { notFound } from "@/lib/errors";
import { ssoConfigOf } from "@/lib/sso/config";
import { SsoError } from "@/lib/sso/oidc";
import { testSsoConnection } from "@/lib/sso/test-connection";
import { ZTestSsoInput } from "@/lib/sso/schemas";

/**
 * "Test connection": discovery, the provider's keys and the client secret, as the admin saved
 * them. The outcome is kept beside the configuration (and audited) so the next admin sees it.
 */
export const testSso = defineAction({
  name: "org.sso.test",
  permission: "members:manage",
  revalidate: { path: "/{org}/settings/sso", type: "page" },
  input: ZTestSsoInput,
  // Network round trips to the provider happen inside the transaction (each at most 8 s).
  timeoutMs: 40_000,
  async handler(ctx) {
    const config = await ssoConfigOf(ctx.tx, ctx.org.id).catch((error: unknown) => {
      if (error instanceof SsoError) return error;
      throw error;
    });
    if (!config) throw notFound("Save the single sign-on settings first.");
    const steps =
      config instanceof SsoError ? [{ label: "Client secret", ok: false, detail: config.detail }] : await testSsoConnection(config);
    const passed = steps.every((s) => s.ok);
    const message = steps.find((s) => !s.ok)?.detail ?? "Discovery, keys and client secret all check out.";
    // Raw SQL: the configuration's updatedAt (the form's concurrency check) must not move.
    await ctx.tx
      .$executeRaw`UPDATE "OrgSso" SET "lastTestAt" = now(), "lastTestOk" = ${passed}, "lastTestMessage" = ${message} WHERE "orgId" = ${ctx.org.id}`;
    const row = await ctx.tx.orgSso.findUniqueOrThrow({ where: { orgId: ctx.org.id }, select: { id: true } });
    await ctx.audit({ entityType: "OrgSso", entityId: row.id, after: { passed, message } });
    return { passed, steps };
  },
});
