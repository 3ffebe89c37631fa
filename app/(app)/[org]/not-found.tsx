import { SearchX } from "lucide-react";

import { OrgHomeLink } from "@/components/shell/org-home-link";
import { Card } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";

export default function OrgNotFound() {
  return (
    <Card className="mx-auto mt-10 max-w-lg">
      <EmptyState
        icon={SearchX}
        title={<span className="text-base">Page not found</span>}
        description="This page doesn't exist, or you don't have access to it."
        action={<OrgHomeLink>Back to dashboard</OrgHomeLink>}
      />
    </Card>
  );
}
