import "server-only";

import type { AuditInput } from "@/lib/action/types";
import { Prisma } from "@/lib/generated/prisma/client";

function toJson(value: unknown): Prisma.InputJsonValue | typeof Prisma.JsonNull {
  if (value === undefined || value === null) return Prisma.JsonNull;
  return JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
}

/** The AuditEvent row every session strategy writes (org, actor, and the event as recorded). */
export function auditRow(orgId: string, actorId: string | null, defaultAction: string, event: AuditInput) {
  return {
    orgId,
    actorId,
    action: event.action ?? defaultAction,
    entityType: event.entityType,
    entityId: event.entityId,
    before: toJson(event.before),
    after: toJson(event.after),
  };
}
