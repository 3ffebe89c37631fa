import { parseIsoInstant } from "@/lib/delivery-signals/dates";
import { requestJson } from "@/lib/delivery-signals/http";
import { type Connector, type DeliveryRecord, SourceError } from "@/lib/delivery-signals/types";

// Jira Cloud: REST API v3 "search for issues using JQL" (GET /rest/api/3/search/jql), paged by
// nextPageToken until isLast. Basic auth with the account's e-mail and an API token. Only issues
// updated since the cursor are asked for; a JQL's own ORDER BY is dropped before it is wrapped.

const FIELDS = "summary,status,created,updated,resolutiondate,parent";
const PAGE = 100;
const MAX_PAGES = 200;

type JiraIssue = {
  key?: unknown;
  fields?: {
    summary?: unknown;
    status?: { name?: unknown; statusCategory?: { key?: unknown } };
    created?: unknown;
    updated?: unknown;
    resolutiondate?: unknown;
    parent?: { key?: unknown } | null;
  };
};

/** The JQL a connection stores for a project key, an epic key or the JQL given as is. */
export function jiraQuery(scope: "project" | "epic" | "jql", value: string): string {
  const v = value.trim();
  if (scope === "project") return `project = "${v.replace(/"/g, "")}"`;
  if (scope === "epic") return `parent = "${v.replace(/"/g, "")}"`;
  return v;
}

/** "yyyy/MM/dd HH:mm" in UTC, a minute early: JQL compares to the minute. */
function jqlInstant(d: Date): string {
  const t = new Date(d.getTime() - 60_000).toISOString();
  return `${t.slice(0, 10).replace(/-/g, "/")} ${t.slice(11, 16)}`;
}

function jiraRecord(issue: JiraIssue): DeliveryRecord {
  const f = issue.fields ?? {};
  const key = typeof issue.key === "string" ? issue.key : null;
  const opened = parseIsoInstant(f.created);
  const changed = parseIsoInstant(f.updated) ?? opened;
  if (!key || !opened || !changed)
    throw new SourceError(`Jira sent an issue without a key or dates (${JSON.stringify(issue.key ?? null)})`);
  const done = f.status?.statusCategory?.key === "done";
  return {
    kind: "ISSUE",
    externalId: key,
    title: typeof f.summary === "string" ? f.summary : key,
    status: typeof f.status?.name === "string" ? f.status.name : "",
    done,
    epicKey: typeof f.parent?.key === "string" ? f.parent.key : null,
    openedAt: opened,
    changedAt: changed,
    doneAt: done ? (parseIsoInstant(f.resolutiondate) ?? changed) : null,
  };
}

export const jiraConnector: Connector = {
  kind: "JIRA",
  complete: true,
  async fetchChanged(s, since) {
    const base = s.query.replace(/\s+ORDER\s+BY\s+[\s\S]*$/i, "").trim();
    if (!base) throw new SourceError("the connection has no JQL");
    const jql = `${since ? `(${base}) AND updated >= "${jqlInstant(since)}"` : base} ORDER BY updated ASC`;
    const auth = Buffer.from(`${s.account}:${s.token}`).toString("base64");
    const out: DeliveryRecord[] = [];
    let token: string | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const params = new URLSearchParams({ jql, fields: FIELDS, maxResults: String(PAGE) });
      if (token) params.set("nextPageToken", token);
      const { body } = await requestJson(`${s.baseUrl.replace(/\/+$/, "")}/rest/api/3/search/jql?${params}`, {
        headers: { authorization: `Basic ${auth}` },
        allowPrivate: s.allowPrivate,
      });
      const b = body as { issues?: unknown; nextPageToken?: unknown; isLast?: unknown };
      if (!Array.isArray(b.issues)) throw new SourceError("Jira's answer has no issues list");
      for (const issue of b.issues) out.push(jiraRecord(issue as JiraIssue));
      token = typeof b.nextPageToken === "string" && b.isLast !== true ? b.nextPageToken : null;
      if (!token) return out;
    }
    throw new SourceError(`more than ${MAX_PAGES * PAGE} issues changed: narrow the JQL`);
  },
};
