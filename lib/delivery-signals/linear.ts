import { parseIsoInstant } from "@/lib/delivery-signals/dates";
import { describeError, requestJson } from "@/lib/delivery-signals/http";
import { type Connector, type DeliveryRecord, SourceError } from "@/lib/delivery-signals/types";

// Linear: its GraphQL API (POST https://api.linear.app/graphql), the project's issues changed
// since the cursor, 100 a page by pageInfo.endCursor. A personal API key goes in the
// Authorization header as is. Completed and cancelled issues count as done (closed).

const PAGE = 100;
const MAX_PAGES = 200;

const QUERY = `query KeelIssues($filter: IssueFilter, $after: String) {
  issues(first: ${PAGE}, after: $after, filter: $filter, includeArchived: true, orderBy: updatedAt) {
    nodes { identifier title createdAt updatedAt completedAt canceledAt state { name type } parent { identifier } projectMilestone { name } }
    pageInfo { hasNextPage endCursor }
  }
}`;

type LinearIssue = {
  identifier?: unknown;
  title?: unknown;
  createdAt?: unknown;
  updatedAt?: unknown;
  completedAt?: unknown;
  canceledAt?: unknown;
  state?: { name?: unknown; type?: unknown } | null;
  parent?: { identifier?: unknown } | null;
  projectMilestone?: { name?: unknown } | null;
};

function linearRecord(n: LinearIssue): DeliveryRecord {
  const id = typeof n.identifier === "string" ? n.identifier : null;
  const opened = parseIsoInstant(n.createdAt);
  const changed = parseIsoInstant(n.updatedAt) ?? opened;
  if (!id || !opened || !changed) throw new SourceError("Linear sent an issue without an identifier or dates");
  const type = n.state?.type;
  const done = type === "completed" || type === "canceled";
  const milestone = typeof n.projectMilestone?.name === "string" ? n.projectMilestone.name : null;
  return {
    kind: "ISSUE",
    externalId: id,
    title: typeof n.title === "string" ? n.title : id,
    status: typeof n.state?.name === "string" ? n.state.name : "",
    done,
    epicKey: milestone ?? (typeof n.parent?.identifier === "string" ? n.parent.identifier : null),
    openedAt: opened,
    changedAt: changed,
    doneAt: done ? (parseIsoInstant(n.completedAt) ?? parseIsoInstant(n.canceledAt) ?? changed) : null,
  };
}

export const linearConnector: Connector = {
  kind: "LINEAR",
  complete: true,
  async fetchChanged(s, since) {
    const filter: Record<string, unknown> = { project: { id: { eq: s.query.trim() } } };
    if (since) filter.updatedAt = { gte: new Date(since.getTime() - 60_000).toISOString() };
    const out: DeliveryRecord[] = [];
    let after: string | null = null;
    for (let page = 0; page < MAX_PAGES; page++) {
      const { body } = await requestJson(s.baseUrl, {
        method: "POST",
        headers: { authorization: s.token },
        body: JSON.stringify({ query: QUERY, variables: { filter, after } }),
        allowPrivate: s.allowPrivate,
      });
      const b = body as {
        data?: { issues?: { nodes?: unknown; pageInfo?: { hasNextPage?: unknown; endCursor?: unknown } } };
        errors?: unknown;
      };
      // GraphQL reports errors (a bad key, an unknown project) in a 200 answer too.
      if (Array.isArray(b.errors) && b.errors.length) throw new SourceError(`Linear refused the query: ${describeError(b)}`);
      const issues = b.data?.issues;
      if (!issues || !Array.isArray(issues.nodes)) throw new SourceError("Linear's answer has no issues list");
      for (const n of issues.nodes) out.push(linearRecord(n as LinearIssue));
      after = issues.pageInfo?.hasNextPage === true && typeof issues.pageInfo.endCursor === "string" ? issues.pageInfo.endCursor : null;
      if (!after) return out;
    }
    throw new SourceError(`more than ${MAX_PAGES * PAGE} issues changed`);
  },
};
