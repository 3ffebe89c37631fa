import { defineAction, type ActionContext } from "@/lib/action";
import { githubRepos, isRepoName } from "@/lib/delivery-signals/github";
import { jiraQuery } from "@/lib/delivery-signals/jira";
import { DEFAULT_BASE_URL, ZConnectSourceInput, ZSourceTargetInput } from "@/lib/delivery-signals/schemas";
import { requestSync } from "@/lib/delivery-signals/sync";
import { AppError, invalid } from "@/lib/errors";
import { projectInScopeOrThrow } from "@/lib/projects/guards";
import { sealSecret } from "@/lib/security/secret-box";
import { checkLiteralHost, TargetRefusedError } from "@/lib/webhooks/ssrf";

// Connecting a project to Jira, Linear or GitHub (delivery:connect: admins and directors, a
// manager in their subtree). The token is sealed at rest under the org's id and never returned
// or audited; connecting asks for a first sync at once.

const REFRESH = { permission: "delivery:connect", revalidate: { path: "/{org}", type: "layout" } } as const;
const AUDITED = { id: true, projectId: true, kind: true, baseUrl: true, query: true, account: true } as const;

/** The source, if in this org and (for managers) on a project inside their scope. */
async function sourceInScopeOrThrow(ctx: ActionContext, sourceId: string) {
  const source = await ctx.tx.deliverySource.findFirst({
    where: { id: sourceId, orgId: ctx.org.id },
    select: { ...AUDITED, orgId: true, project: { select: { orgUnitId: true } } },
  });
  if (!source) throw new AppError("NOT_FOUND", "That connection does not exist.");
  await ctx.assertUnitInScope(source.project.orgUnitId);
  return source;
}

async function assertReachable(ctx: ActionContext, baseUrl: string) {
  const org = await ctx.tx.organization.findUniqueOrThrow({ where: { id: ctx.org.id }, select: { webhooksAllowPrivate: true } });
  const target = new URL(baseUrl);
  if (target.protocol !== "https:" && !org.webhooksAllowPrivate) throw invalid({ baseUrl: ["The address must start with https://."] });
  try {
    checkLiteralHost(target.hostname, org.webhooksAllowPrivate);
  } catch (error) {
    if (error instanceof TargetRefusedError)
      throw invalid({
        baseUrl: ["That is a private or loopback address: Keel only calls it when the org allows private targets (Settings → Webhooks)."],
      });
    throw error;
  }
}

export const connectDeliverySource = defineAction({
  name: "delivery.source.connect",
  ...REFRESH,
  input: ZConnectSourceInput,
  async handler(ctx, input) {
    const project = await projectInScopeOrThrow(ctx, input.projectId);
    const errors: Record<string, string[]> = {};
    const baseUrl = input.baseUrl || DEFAULT_BASE_URL[input.kind];
    if (!baseUrl) errors.baseUrl = ["Enter your Jira site's address, e.g. https://acme.atlassian.net."];
    let query = input.query;
    if (input.kind === "JIRA") {
      if (input.jiraScope !== "jql" && !/^[A-Za-z][A-Za-z0-9_]*(-\d+)?$/.test(input.query))
        errors.query = [input.jiraScope === "project" ? "Enter a project key, e.g. PROJ." : "Enter an epic key, e.g. PROJ-12."];
      query = jiraQuery(input.jiraScope, input.query);
      if (!input.account) errors.account = ["Enter the e-mail of the Atlassian account the API token belongs to."];
    }
    if (input.kind === "GITHUB") {
      const bad = githubRepos(input.query).filter((r) => !isRepoName(r));
      if (bad.length) errors.query = [`Not an owner/repository name: ${bad.join(", ")}.`];
      query = githubRepos(input.query).join("\n");
    }
    const existing = await ctx.tx.deliverySource.findFirst({
      where: { orgId: ctx.org.id, projectId: project.id, kind: input.kind },
      select: { ...AUDITED, tokenSealed: true },
    });
    if (!input.token && !existing?.tokenSealed) errors.token = ["Paste an API token: Keel stores it encrypted and never shows it again."];
    if (Object.keys(errors).length) throw invalid(errors);
    await assertReachable(ctx, baseUrl);
    const data = {
      baseUrl,
      query,
      account: input.kind === "JIRA" ? input.account : "",
      ...(input.token ? { tokenSealed: sealSecret(input.token, ctx.org.id) } : {}),
    };
    const after = existing
      ? await ctx.tx.deliverySource.update({
          where: { id: existing.id },
          // A new query follows other issues: read them all again.
          data: {
            ...data,
            ...(existing.query !== query || existing.baseUrl !== baseUrl ? { cursor: null } : {}),
            version: { increment: 1 },
          },
          select: AUDITED,
        })
      : await ctx.tx.deliverySource.create({
          data: { ...data, orgId: ctx.org.id, projectId: project.id, kind: input.kind },
          select: AUDITED,
        });
    const { tokenSealed: _sealed, ...before } = existing ?? { tokenSealed: null };
    await ctx.audit({
      entityType: "Project",
      entityId: project.id,
      before: existing ? before : undefined,
      after: { ...after, token: input.token ? "replaced" : "kept" },
    });
    const logId = await requestSync(ctx.tx, { id: after.id, orgId: ctx.org.id, projectId: project.id });
    return { sourceId: after.id, logId };
  },
});

export const disconnectDeliverySource = defineAction({
  name: "delivery.source.disconnect",
  ...REFRESH,
  input: ZSourceTargetInput,
  async handler(ctx, { sourceId }) {
    const source = await sourceInScopeOrThrow(ctx, sourceId);
    // Its items and sync log go with it; the project's snapshots stay as history.
    await ctx.tx.deliverySource.delete({ where: { id: source.id } });
    const { project: _p, orgId: _o, ...before } = source;
    await ctx.audit({ entityType: "Project", entityId: source.projectId, before });
    return { sourceId: source.id };
  },
});

export const requestDeliverySync = defineAction({
  name: "delivery.sync.request",
  ...REFRESH,
  input: ZSourceTargetInput,
  async handler(ctx, { sourceId }) {
    const source = await sourceInScopeOrThrow(ctx, sourceId);
    const logId = await requestSync(ctx.tx, source);
    await ctx.audit({ entityType: "Project", entityId: source.projectId, after: { kind: source.kind, query: source.query } });
    return { logId };
  },
});
