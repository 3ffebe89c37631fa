import { Badge } from "@/components/ui/badge";

const STATUS: Record<string, { label: string; variant: "secondary" | "default" | "success" | "outline" | "danger" }> = {
  DRAFT: { label: "Draft", variant: "secondary" },
  SCHEDULED: { label: "Scheduled", variant: "default" },
  APPLIED: { label: "Applied", variant: "success" },
  CANCELLED: { label: "Cancelled", variant: "outline" },
  FAILED: { label: "Failed", variant: "danger" },
};

export function ReorgStatusBadge({ status }: { status: string }) {
  const s = STATUS[status] ?? { label: status, variant: "outline" as const };
  return <Badge variant={s.variant}>{s.label}</Badge>;
}
