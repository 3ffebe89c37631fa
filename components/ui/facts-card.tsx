import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";

export type Fact = [label: string, value: React.ReactNode];

/** A record's facts as a two-column definition list in a card (record pages' "Details"). */
export function FactsCard({
  facts,
  title = "Details",
  className,
  children,
}: {
  facts: Fact[];
  title?: string;
  className?: string;
  children?: React.ReactNode;
}) {
  return (
    <Card className={className}>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-2 text-sm">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="text-muted-foreground">{label}</dt>
              <dd className="min-w-0 font-medium break-words">{value}</dd>
            </div>
          ))}
        </dl>
        {children}
      </CardContent>
    </Card>
  );
}
