import { Badge, type BadgeProps } from "@/components/ui/badge";
import type { PositionStatus } from "@/lib/generated/prisma/enums";
import { humanize } from "@/lib/format";

const VARIANT: Record<PositionStatus, BadgeProps["variant"]> = {
  PLANNED: "outline",
  OPEN: "default",
  BACKFILL: "warning",
  FILLED: "success",
  CLOSED: "secondary",
};

export function PositionStatusBadge({ status }: { status: PositionStatus }) {
  return <Badge variant={VARIANT[status] ?? "outline"}>{humanize(status)}</Badge>;
}
