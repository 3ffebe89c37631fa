import "server-only";

import type { ActionContext } from "@/lib/action";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { runReorg } from "@/lib/org/reorg/apply-reorg";
import type { ReorgImpact } from "@/lib/org/reorg/impact";
import { ZReorgSteps } from "@/lib/org/reorg/schemas";
import { can } from "@/lib/permissions";

// The preview of a reorg: its steps run in a transaction that is then rolled back, measured by
// the same code as the apply (lib/org/reorg/impact.ts). Nothing it does is kept, audit included.

export type ReorgPreview = { ok: true; impact: ReorgImpact } | { ok: false; message: string };

class RolledBack extends Error {
  constructor(readonly preview: ReorgPreview) {
    super("preview rolled back");
  }
}

type Viewer = { user: { id: string }; role: Role; org: ActionContext["org"] };

export async function previewReorg(viewer: Viewer, reorgId: string, now = new Date()): Promise<ReorgPreview> {
  try {
    await db.$transaction(
      async (tx) => {
        const row = await tx.reorg.findFirst({ where: { id: reorgId, orgId: viewer.org.id }, select: { id: true, steps: true } });
        if (!row) throw new RolledBack({ ok: false, message: "That reorg does not exist." });
        const ctx: ActionContext = {
          tx,
          org: viewer.org,
          // Only members who may apply reorgs see the page (orgtree:write is an org-wide grant).
          actor: { userId: viewer.user.id, role: viewer.role, scopeUnitId: null, readsPay: false },
          grant: "org",
          may: (permission) => can(viewer.role, permission),
          assertUnitInScope: async () => {},
          audit: async () => {},
        };
        let preview: ReorgPreview;
        try {
          preview = { ok: true, impact: await runReorg(ctx, { id: row.id, steps: ZReorgSteps.parse(row.steps) }, now) };
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          preview = { ok: false, message: error.message };
        }
        throw new RolledBack(preview);
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
  } catch (error) {
    if (error instanceof RolledBack) return error.preview;
    throw error;
  }
  throw new Error("unreachable: the preview transaction always rolls back");
}
