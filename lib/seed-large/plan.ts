// Row counts of the large-org generator (`npm run db:seed:large`) for a scale factor. Scale 1 is
// the org of issue 8: 5,000 people, 500 units in 5 levels, 10,000 projects, 250,000 status
// updates, 6,000 positions, 1,000,000 ledger lines, 2,000 contracts. Pure: unit-testable.

/** Units per tree level at scale 1 (root division, divisions, departments, groups, teams). */
const UNITS_PER_LEVEL = [1, 5, 20, 94, 380] as const;
export const UPDATES_PER_PROJECT = 25;
export const MILESTONES_PER_PROJECT = 3;
export const PLAN_FISCAL_YEARS = 3;
const CATEGORY_COUNT = 8;

export type OrgPlan = {
  slug: string;
  name: string;
  /** Short id prefix, [a-z0-9]: every generated id is `${tag}_<kind><n>`, so ids are deterministic. */
  tag: string;
  unitsPerLevel: number[];
  people: number;
  initiatives: number;
  projects: number;
  dependencies: number;
  extraPositions: number;
  vendors: number;
  contracts: number;
  actuals: number;
  allocations: number;
  managers: number;
};

const n = (base: number, scale: number, min = 1) => Math.max(min, Math.round(base * scale));

function orgPlan(scale: number, slug: string, name: string, tag: string): OrgPlan {
  if (!(scale > 0) || scale > 100) throw new RangeError(`scale must be in (0, 100], got ${scale}`);
  if (!/^[a-z0-9]{1,8}$/.test(tag)) throw new RangeError(`tag must be [a-z0-9]{1,8}, got ${tag}`);
  const unitsPerLevel = UNITS_PER_LEVEL.map((c, i) => (i === 0 ? 1 : n(c, scale)));
  const units = unitsPerLevel.reduce((a, b) => a + b, 0);
  return {
    slug,
    name,
    tag,
    unitsPerLevel,
    people: Math.max(units + 5, n(5000, scale)),
    initiatives: n(300, scale, 2),
    projects: n(10_000, scale, 4),
    dependencies: n(2_000, scale, 2),
    extraPositions: n(1_000, scale, 2),
    vendors: n(200, scale, 2),
    contracts: n(2_000, scale, 2),
    actuals: n(1_000_000, scale, 10),
    allocations: n(6_000, scale, 2),
    managers: Math.min(5, unitsPerLevel[2]),
  };
}

export function unitCount(p: OrgPlan): number {
  return p.unitsPerLevel.reduce((a, b) => a + b, 0);
}

/** The expected row counts of one org (dependencies may lose a few to de-duplication). */
export function expectedCounts(p: OrgPlan) {
  const units = unitCount(p);
  return {
    OrgUnit: units,
    Person: p.people,
    Project: p.projects,
    StatusUpdate: p.projects * UPDATES_PER_PROJECT,
    Milestone: p.projects * MILESTONES_PER_PROJECT,
    Position: p.people + p.extraPositions,
    BudgetLine: units * CATEGORY_COUNT * 12 * PLAN_FISCAL_YEARS,
    ActualEntry: p.actuals,
    Contract: p.contracts,
    Vendor: p.vendors,
    Initiative: p.initiatives,
  };
}

export type LargeSeedOptions = {
  scale: number;
  /** Number of small tenant orgs besides the large one (default 20). */
  smallOrgs?: number;
  /** The day the data is laid out around (default: today, UTC). Same day → same data. */
  today?: Date;
  log?: (line: string) => void;
};

export const LARGE_SLUG = "large";
const SMALL_SCALE = 0.004;

export function allPlans(opts: Pick<LargeSeedOptions, "scale" | "smallOrgs">): OrgPlan[] {
  const plans = [orgPlan(opts.scale, LARGE_SLUG, "Large Co", "lg")];
  const small = Math.min(SMALL_SCALE, opts.scale);
  for (let i = 1; i <= (opts.smallOrgs ?? 20); i++) {
    const k = String(i).padStart(2, "0");
    plans.push(orgPlan(small, `small-${k}`, `Small Org ${k}`, `s${k}`));
  }
  return plans;
}
