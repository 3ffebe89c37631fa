import { Badge, type BadgeProps } from "@/components/ui/badge";
import type { ProjectStatus } from "@/lib/generated/prisma/enums";
import { humanize } from "@/lib/format";

const VARIANT: Record<ProjectStatus, BadgeProps["variant"]> = {
  PLANNED: "outline",
  ACTIVE: "default",
  PAUSED: "warning",
  DONE: "success",
  CANCELLED: "secondary",
};

export function ProjectStatusBadge({ status }: { status: ProjectStatus }) {
  return <Badge variant={VARIANT[status] ?? "outline"}>{humanize(status)}</Badge>;
}
