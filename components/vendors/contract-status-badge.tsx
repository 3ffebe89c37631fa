import { Badge, type BadgeProps } from "@/components/ui/badge";
import type { ContractStatus } from "@/lib/generated/prisma/enums";
import { humanize } from "@/lib/format";

const VARIANT: Record<ContractStatus, BadgeProps["variant"]> = {
  DRAFT: "outline",
  ACTIVE: "success",
  EXPIRED: "secondary",
  CANCELLED: "secondary",
};

export function ContractStatusBadge({ status }: { status: ContractStatus }) {
  return <Badge variant={VARIANT[status] ?? "outline"}>{humanize(status)}</Badge>;
}
