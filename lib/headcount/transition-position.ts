import { defineAction } from "@/lib/action";
import { positionInScopeOrThrow, transitionOrThrow, updatePositionVersioned } from "@/lib/headcount/position-helpers";
import { ZPositionTransitionInput } from "@/lib/headcount/schemas";

/** Open a planned position, or close any position that is not closed yet. */
export const transitionPosition = defineAction({
  name: "position.transition",
  permission: "positions:write",
  input: ZPositionTransitionInput,
  async handler(ctx, input) {
    const before = await positionInScopeOrThrow(ctx, input.positionId);
    const status = transitionOrThrow(before.status, input.event);
    const now = new Date();
    const after = await updatePositionVersioned(
      ctx,
      before.id,
      input.version,
      input.event === "open"
        ? { status, openedAt: now }
        : // Closing a filled position leaves its holder in post: the slot is no longer budgeted.
          { status, closedAt: now },
    );
    await ctx.audit({ action: `position.${input.event}`, entityType: "Position", entityId: before.id, before, after });
    return { positionId: after.id, status: after.status, version: after.version };
  },
});
