import { type GenContext, id, lit, r, ri } from "@/lib/seed-large/context";

// Org, tree, closure table and people of one generated org. Person k (k ≤ number of units) leads
// unit k and reports to the lead of the parent unit; everyone else sits in a group or team and
// reports to its lead. Set-based: one INSERT … SELECT per table.

export type Statement = { label: string; sql: string };

const FIRST = [
  "Ada",
  "Ben",
  "Chloe",
  "Dev",
  "Elena",
  "Farid",
  "Grace",
  "Hiro",
  "Ines",
  "Jon",
  "Kemi",
  "Liam",
  "Maya",
  "Noor",
  "Omar",
  "Priya",
  "Quinn",
  "Rosa",
  "Sam",
  "Tara",
];
const LAST = [
  "Nguyen",
  "Smith",
  "Garcia",
  "Okafor",
  "Kowalski",
  "Tanaka",
  "Silva",
  "Müller",
  "Haddad",
  "Johansson",
  "Patel",
  "Rossi",
  "Dubois",
  "Kim",
  "Moreau",
  "Novak",
  "Reyes",
  "Schmidt",
  "Walker",
  "Zhou",
];
const LEVELS = ["L3", "L4", "L5", "L6", "L7"];
const TITLES = ["Software Engineer", "Software Engineer", "Senior Engineer", "Staff Engineer", "Principal Engineer"];
const KINDS = ["DIVISION", "DIVISION", "DEPARTMENT", "GROUP", "TEAM"];
const LABELS = ["Company", "Division", "Department", "Group", "Team"];

const arr = (xs: readonly string[]) => `ARRAY[${xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(",")}]`;

export function orgStatements(ctx: GenContext): Statement[] {
  const { plan, orgId, today, off, units } = ctx;
  const org = lit(orgId);
  const levels = plan.unitsPerLevel
    .map(
      (cnt, lvl) =>
        `(${lvl}, ${cnt}, ${off[lvl]}, ${lvl ? plan.unitsPerLevel[lvl - 1] : 0}, ${lvl ? off[lvl - 1] : 0}, '${KINDS[lvl]}', '${LABELS[lvl]}')`,
    )
    .join(", ");
  const people = `(SELECT n, CASE WHEN n <= ${units} THEN n ELSE ${ctx.workFirst} + ((n - ${units} - 1) % ${ctx.workCount}) END AS unit,
      (${lit(today)}::date - 30 - ${ri("n", 5, 2900)}) AS start FROM generate_series(1, ${plan.people}) AS n) g`;
  return [
    {
      label: "organization",
      sql: `INSERT INTO "Organization" (id, name, slug, currency, "fiscalYearStartMonth", "updatedAt")
            VALUES (${org}, ${lit(plan.name)}, ${lit(plan.slug)}, 'USD', 1, now())`,
    },
    {
      label: "org units",
      sql: `INSERT INTO "OrgUnit" (id, "orgId", "parentId", kind, name, code, depth, "createdAt", "updatedAt")
            SELECT ${id(ctx, "u", "lv.off + i + 1")}, ${org},
                   CASE WHEN lv.lvl = 0 THEN NULL ELSE ${id(ctx, "u", "lv.poff + (i * lv.pcnt) / lv.cnt + 1")} END,
                   lv.kind::"OrgUnitKind",
                   CASE WHEN lv.lvl = 0 THEN ${lit(plan.name)} ELSE lv.label || ' ' || (lv.off + i + 1) END,
                   'CC' || lpad((lv.off + i + 1)::text, 5, '0'), lv.lvl, now(), now()
            FROM (VALUES ${levels}) AS lv(lvl, cnt, off, pcnt, poff, kind, label)
            CROSS JOIN LATERAL generate_series(0, lv.cnt - 1) AS i`,
    },
    {
      label: "closure",
      sql: `INSERT INTO "OrgUnitClosure" ("orgId", "ancestorId", "descendantId", depth)
            WITH RECURSIVE c(a, d, depth) AS (
              SELECT id, id, 0 FROM "OrgUnit" WHERE "orgId" = ${org}
              UNION ALL
              SELECT c.a, u.id, c.depth + 1 FROM c JOIN "OrgUnit" u ON u."orgId" = ${org} AND u."parentId" = c.d)
            SELECT ${org}, a, d, depth FROM c`,
    },
    {
      label: "people",
      sql: `INSERT INTO "Person" (id, "orgId", name, email, title, level, "orgUnitId", "managerId", "startDate", "endDate",
                                  "employmentType", "annualCompCents", location, "createdAt", "updatedAt")
            SELECT ${id(ctx, "p", "g.n")}, ${org},
                   (${arr(FIRST)})[1 + ${ri("g.n", 1, FIRST.length)}] || ' ' || (${arr(LAST)})[1 + ${ri("g.n", 2, LAST.length)}],
                   'p' || g.n || ${lit(`@${plan.slug}.example`)},
                   CASE WHEN g.n <= ${units} THEN 'Engineering Manager' ELSE (${arr(TITLES)})[1 + ${ri("g.n", 6, 5)}] END,
                   (${arr(LEVELS)})[1 + ${ri("g.n", 6, 5)}],
                   ${id(ctx, "u", "g.unit")},
                   CASE WHEN g.n > ${units} THEN ${id(ctx, "p", "g.unit")}
                        WHEN u."parentId" IS NULL THEN NULL
                        ELSE ${id(ctx, "p", `substr(u."parentId", ${plan.tag.length + 3})`)} END,
                   g.start,
                   CASE WHEN g.n > ${units} AND ${r("g.n", 3)} < 0.07 THEN LEAST(${lit(today)}::date + 20, g.start + 60 + ${ri("g.n", 4, 700)}) END,
                   (CASE WHEN ${r("g.n", 7)} < 0.1 THEN 'CONTRACTOR' ELSE 'EMPLOYEE' END)::"EmploymentType",
                   9000000 + ${ri("g.n", 8, 16000000)},
                   (ARRAY['Berlin', 'Lisbon', 'Toronto', 'Austin', 'Remote'])[1 + ${ri("g.n", 9, 5)}],
                   now(), now()
            FROM ${people}
            JOIN "OrgUnit" u ON u.id = ${id(ctx, "u", "g.unit")}`,
    },
    {
      label: "unit leads",
      sql: `UPDATE "OrgUnit" SET "leadId" = ${id(ctx, "p", `substr(id, ${plan.tag.length + 3})`)} WHERE "orgId" = ${org}`,
    },
    {
      label: "person assignments",
      sql: `INSERT INTO "PersonAssignment" (id, "orgId", "personId", "orgUnitId", "managerId", "effectiveFrom", "effectiveTo")
            SELECT ${id(ctx, "pa", `substr(id, ${plan.tag.length + 3})`)}, ${org}, id, "orgUnitId", "managerId", "startDate", "endDate"
            FROM "Person" WHERE "orgId" = ${org}`,
    },
  ];
}

const ROLES = ["ADMIN", "DIRECTOR", "FINANCE", "VIEWER"] as const;

/** Sign-in accounts of an org: admin@, director@, finance@, viewer@, manager@ (manager2@ …) `<slug>.example`. */
export function orgUsers(ctx: GenContext): { id: string; email: string; name: string; role: string; scopeUnitId: string | null }[] {
  const { plan } = ctx;
  const users = ROLES.map((role) => ({
    id: `${plan.tag}_user_${role.toLowerCase()}`,
    email: `${role.toLowerCase()}@${plan.slug}.example`,
    name: `${plan.name} ${role.toLowerCase()}`,
    role: role as string,
    scopeUnitId: null as string | null,
  }));
  for (let k = 1; k <= plan.managers; k++) {
    users.push({
      id: `${plan.tag}_user_mgr${k}`,
      email: `manager${k === 1 ? "" : k}@${plan.slug}.example`,
      name: `${plan.name} manager ${k}`,
      role: "MANAGER",
      scopeUnitId: `${plan.tag}_u${ctx.off[2] + k}`,
    });
  }
  return users;
}
