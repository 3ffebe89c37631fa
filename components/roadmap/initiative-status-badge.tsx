import { Badge, type BadgeProps } from "@/components/ui/badge";
import type { InitiativeStatus } from "@/lib/generated/prisma/enums";
import { humanize } from "@/lib/format";

const VARIANT: Record<InitiativeStatus, BadgeProps["variant"]> = {
  PROPOSED: "outline",
  ACTIVE: "default",
  DONE: "success",
  CANCELLED: "secondary",
};

export function InitiativeStatusBadge({ status }: { status: InitiativeStatus }) {
  return <Badge variant={VARIANT[status] ?? "outline"}>{humanize(status)}</Badge>;
}
