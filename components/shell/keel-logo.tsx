import { cn } from "@/lib/utils";

/** The Keel mark: a hull over a keel fin, drawn inline so no asset request is needed. */
export function KeelMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 32 32" aria-hidden className={cn("size-8", className)}>
      <rect width="32" height="32" rx="8" className="fill-primary" />
      <path d="M6.5 12.5h19l-3.2 6.2a3 3 0 0 1-2.67 1.63h-7.26a3 3 0 0 1-2.67-1.63z" fill="#fff" />
      <path d="M14.6 20.3h2.8l-.6 5.2a.8.8 0 0 1-1.6 0z" fill="#c7d2fe" />
      <path d="M16 6.5v5" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
    </svg>
  );
}

export function KeelWordmark({ className, tone = "dark" }: { className?: string; tone?: "dark" | "light" }) {
  return (
    <span className={cn("inline-flex items-center gap-2.5", className)}>
      <KeelMark />
      <span className={cn("text-xl font-semibold tracking-tight", tone === "light" ? "text-white" : "text-foreground")}>Keel</span>
    </span>
  );
}
