import { figure, type FigureId } from "@/lib/figures/definitions";

/**
 * "How this is counted" under a panel or a page: the glossary's definition of each figure it
 * shows (lib/figures/definitions.ts), closed by default. `note` adds what is particular to the
 * place (e.g. "Shown by quarter for your role").
 */
export function HowCounted({ figures, note }: { figures: FigureId[]; note?: React.ReactNode }) {
  return (
    <details className="text-xs text-muted-foreground">
      <summary className="cursor-pointer text-primary hover:underline">How this is counted</summary>
      <dl className="mt-2 space-y-1.5">
        {figures.map((id) => {
          const f = figure(id);
          return (
            <div key={id}>
              <dt className="inline font-medium text-foreground">{f.name}: </dt>
              <dd className="inline">{f.definition}</dd>
            </div>
          );
        })}
      </dl>
      {note ? <p className="mt-2">{note}</p> : null}
    </details>
  );
}
