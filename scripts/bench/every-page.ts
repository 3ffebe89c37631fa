import pg from "pg";

import { percentile } from "./load";

// The "every page" table of the bench (issue 23): every route of the app on the large org, one
// user, requests one after another: p50 time and the size of what it sends. The goal for a page
// or route handler is ≤ 1 s p50 and ≤ 1 MB; exports are downloads (they stream, their size is the
// data's) and are reported without the size goal. A route added to the app belongs here.

export type EveryPageRow = { route: string; path: string; status: number; p50: number; max: number; bytes: number; download: boolean };

type Ids = { deptId: string; teamId: string; projectId: string; personId: string; fiscalYear: number };

async function ids(url: string, fiscalYear: number): Promise<Ids> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const org = (await c.query(`SELECT id FROM "Organization" WHERE slug = 'large'`)).rows[0].id as string;
    const one = async (sql: string) => (await c.query(sql, [org])).rows[0]?.id as string;
    return {
      deptId: await one(`SELECT id FROM "OrgUnit" WHERE "orgId" = $1 AND depth = 2 ORDER BY code LIMIT 1`),
      teamId: await one(`SELECT id FROM "OrgUnit" WHERE "orgId" = $1 AND kind = 'TEAM' ORDER BY code LIMIT 1`),
      projectId: await one(
        `SELECT id FROM "Project" WHERE "orgId" = $1 AND status = 'ACTIVE' AND "archivedAt" IS NULL ORDER BY id LIMIT 1`,
      ),
      personId: await one(`SELECT id FROM "Person" WHERE "orgId" = $1 AND "endDate" IS NULL ORDER BY id LIMIT 1`),
      fiscalYear,
    };
  } finally {
    await c.end();
  }
}

/** [route pattern, path] for every page and GET route handler, with the large org's ids. */
function everyRoute(t: Ids): [string, string][] {
  return [
    ["/[org]", "/large"],
    ["/[org]/me", "/large/me"],
    ["/[org]/dashboard", "/large/dashboard"],
    ["/[org]/dashboard?unit=", `/large/dashboard?unit=${t.deptId}`],
    ["/[org]/teams", "/large/teams"],
    ["/[org]/teams?unit= (department)", `/large/teams?unit=${t.deptId}`],
    ["/[org]/teams?unit= (team)", `/large/teams?unit=${t.teamId}`],
    ["/[org]/roadmap", "/large/roadmap"],
    ["/[org]/roadmap?view=board", "/large/roadmap?view=board"],
    ["/[org]/projects", "/large/projects"],
    ["/[org]/projects?sort=name&page=50", "/large/projects?sort=name&page=50"],
    ["/[org]/projects/[id]", `/large/projects/${t.projectId}`],
    ["/[org]/projects/review", "/large/projects/review"],
    ["/[org]/projects/attention", "/large/projects/attention"],
    ["/[org]/budgets", `/large/budgets?fy=${t.fiscalYear}&period=year`],
    ["/[org]/budgets/lines", "/large/budgets/lines"],
    ["/[org]/budgets/plan", `/large/budgets/plan?fy=${t.fiscalYear}`],
    ["/[org]/budgets/plan?unit=", `/large/budgets/plan?fy=${t.fiscalYear}&unit=${t.deptId}`],
    ["/[org]/headcount", "/large/headcount"],
    ["/[org]/headcount?sort=title&page=30", "/large/headcount?sort=title&page=30"],
    ["/[org]/people/[id]", `/large/people/${t.personId}`],
    ["/[org]/vendors", "/large/vendors"],
    ["/[org]/vendors?sort=annual&page=10", "/large/vendors?sort=annualAmountCents&dir=desc&page=10"],
    ["/[org]/settings", "/large/settings"],
    ["/[org]/settings/audit", "/large/settings/audit"],
    ["/[org]/account", "/large/account"],
    ["/[org]/notifications", "/large/notifications"],
    ["/[org]/people/search", "/large/people/search?q=ada"],
    ["/[org]/teams/search", "/large/teams/search?q=team"],
    ["/[org]/projects/search", "/large/projects/search?q=project"],
    ["/[org]/roadmap/search", "/large/roadmap/search?q=a"],
    ["/[org]/headcount/form-options", "/large/headcount/form-options"],
    ["/[org]/projects/form-options", "/large/projects/form-options"],
    ["/[org]/roadmap/form-options", "/large/roadmap/form-options"],
    ["/[org]/projects/export (download)", "/large/projects/export"],
    ["/[org]/budgets/export (download)", `/large/budgets/export?fy=${t.fiscalYear}`],
    ["/[org]/budgets/lines/export (download)", "/large/budgets/lines/export"],
    ["/[org]/settings/audit/export (download)", "/large/settings/audit/export"],
  ];
}

/** Each route `repeat` times after one warm-up request, one at a time. */
export async function everyPage(
  base: string,
  cookie: string,
  dbUrl: string,
  fiscalYear: number,
  repeat = 5,
  log: (s: string) => void = () => {},
): Promise<EveryPageRow[]> {
  const out: EveryPageRow[] = [];
  for (const [route, path] of everyRoute(await ids(dbUrl, fiscalYear))) {
    const times: number[] = [];
    let bytes = 0;
    let status = 0;
    for (let i = 0; i <= repeat; i++) {
      const t = performance.now();
      const res = await fetch(base + path, { headers: { cookie, accept: "text/html" }, redirect: "manual" });
      bytes = (await res.arrayBuffer()).byteLength;
      status = res.status;
      if (i > 0) times.push(performance.now() - t);
    }
    const sorted = times.sort((a, b) => a - b);
    const row = {
      route,
      path,
      status,
      p50: Math.round(percentile(sorted, 50)),
      max: Math.round(sorted.at(-1) ?? NaN),
      bytes,
      download: route.includes("(download)"),
    };
    log(`every page: ${route} ${row.status} ${row.p50} ms ${(bytes / 1024).toFixed(0)} KB`);
    out.push(row);
  }
  return out;
}

const GOAL_MS = 1000;
const GOAL_BYTES = 1024 * 1024;

export function everyPageMarkdown(rows: EveryPageRow[], scale: number): string[] {
  const kb = (b: number) => (b / 1024).toFixed(0);
  const ok = (r: EveryPageRow) => r.status >= 200 && r.status < 400 && r.p50 <= GOAL_MS && (r.download || r.bytes <= GOAL_BYTES);
  const misses = rows.filter((r) => !ok(r)).length;
  return [
    `## Every page (scale ${scale}, one user, p50 of sequential requests)`,
    "",
    `Goal: ≤ ${GOAL_MS} ms p50 and ≤ 1 MB per page or route handler (downloads: time only). ${misses ? `**${misses} miss**` : "All met."}`,
    "",
    "| route | status | p50 ms | max ms | KB | |",
    "|---|---:|---:|---:|---:|---|",
    ...rows.map((r) => `| ${r.route} | ${r.status} | ${r.p50} | ${r.max} | ${kb(r.bytes)} | ${ok(r) ? "ok" : "**miss**"} |`),
    "",
  ];
}
