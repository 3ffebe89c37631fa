import Link from "next/link";

import { treeBasisLabel, treeBasisNote, type TreeBasis } from "@/lib/budgets/tree-basis";

// Every money view says which org tree it rolls up along, and offers the other one when there is
// a choice (a closed period): docs/figures.md "Tree basis". The choice is `?tree=asof` in the URL.

export function TreeBasisSwitch({
  basis,
  closed,
  restatedHref,
  asofHref,
}: {
  basis: TreeBasis;
  /** Whether the view's period has closed (only then is "as it was" offered). */
  closed: boolean;
  restatedHref: string;
  asofHref: string;
}) {
  return (
    <p className="text-xs text-muted-foreground" data-testid="tree-basis">
      <span className="font-medium text-foreground">{treeBasisLabel(basis)}.</span> {treeBasisNote(basis)}{" "}
      {basis.mode === "asof" ? (
        <Link prefetch={false} href={restatedHref} className="underline underline-offset-2">
          Show restated (today&apos;s tree)
        </Link>
      ) : closed ? (
        <Link prefetch={false} href={asofHref} className="underline underline-offset-2">
          Show as it was
        </Link>
      ) : null}
    </p>
  );
}
