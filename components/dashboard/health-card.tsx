import Link from "next/link";

import { Card } from "@/components/ui/card";
import { HEALTH_BAR_CLASS, HEALTH_LABELS, HEALTH_ORDER, HealthBadge } from "@/components/ui/badge";
import type { Health } from "@/lib/generated/prisma/enums";

const ORDER = HEALTH_ORDER;
const BAR = HEALTH_BAR_CLASS;

/** Active projects by health: a proportional bar and one badge + count per health. */
export function ProjectHealthCard({ mix, href }: { mix: Record<Health, number>; href: string }) {
  const total = ORDER.reduce((n, h) => n + mix[h], 0);
  return (
    <Link href={href} className="group block rounded-xl focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none">
      <Card className="flex h-full flex-col gap-4 p-5 transition-shadow group-hover:border-primary/40 group-hover:shadow-md">
        <div className="flex items-baseline justify-between">
          <span className="text-sm font-medium text-muted-foreground">Project health</span>
          <span className="text-xs text-muted-foreground">{total} active projects</span>
        </div>
        <div aria-hidden className="flex h-3 overflow-hidden rounded-full bg-muted">
          {total > 0
            ? ORDER.map((h) => (mix[h] > 0 ? <span key={h} className={BAR[h]} style={{ width: `${(mix[h] / total) * 100}%` }} /> : null))
            : null}
        </div>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
          {ORDER.map((h) => (
            <div key={h} className="flex flex-col gap-1.5">
              <dt>
                <HealthBadge health={h} />
              </dt>
              <dd className="text-2xl font-semibold tabular-nums" aria-label={`${mix[h]} ${HEALTH_LABELS[h]}`}>
                {mix[h]}
              </dd>
            </div>
          ))}
        </dl>
      </Card>
    </Link>
  );
}
