import { Download } from "lucide-react";

import { buttonVariants } from "@/components/ui/button";
import { cn } from "@/lib/utils";

/** A plain download link to the CSV of exactly the view next to it. */
export function ExportLink({ href, label = "Export CSV" }: { href: string; label?: string }) {
  return (
    <a href={href} download className={cn(buttonVariants({ variant: "outline", size: "sm" }))}>
      <Download className="size-4" aria-hidden />
      {label}
    </a>
  );
}
