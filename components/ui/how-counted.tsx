"use client";

import * as React from "react";

import type { FigureDefinition } from "@/lib/figures/define";
import type { FigureId } from "@/lib/figures/definitions";

/**
 * "How this is counted" under a panel or a page: the glossary's definition of each figure it
 * shows (lib/figures/definitions.ts), closed by default. `note` adds what is particular to the
 * place (e.g. "Shown by quarter for your role").
 *
 * The definitions are loaded when it is first opened: a dashboard carries several of these, and
 * sent with every view (as HTML and again in the page's payload) their text was a large share of
 * a repeat view's output, for a box most views never open. The page sends only the figures' ids.
 */
export function HowCounted({ figures, note }: { figures: FigureId[]; note?: React.ReactNode }) {
  const [defs, setDefs] = React.useState<FigureDefinition[] | null>(null);
  const [failed, setFailed] = React.useState(false);
  const load = () => {
    if (defs) return;
    setFailed(false);
    import("@/lib/figures/definitions").then((m) => setDefs(figures.map((id) => m.figure(id)))).catch(() => setFailed(true));
  };
  return (
    <details className="text-xs text-muted-foreground" onToggle={(e) => e.currentTarget.open && load()}>
      <summary className="cursor-pointer text-primary hover:underline">How this is counted</summary>
      {defs ? (
        <dl className="mt-2 space-y-1.5">
          {defs.map((f) => (
            <div key={f.id}>
              <dt className="inline font-medium text-foreground">{f.name}: </dt>
              <dd className="inline">{f.definition}</dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="mt-2" role="status">
          {failed ? "The definitions could not be loaded. Close and open this again to retry." : "Loading the definitions…"}
        </p>
      )}
      {note ? <p className="mt-2">{note}</p> : null}
    </details>
  );
}
