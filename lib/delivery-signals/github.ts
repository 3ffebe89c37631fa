import { parseIsoInstant } from "@/lib/delivery-signals/dates";
import { requestJson } from "@/lib/delivery-signals/http";
import { type Connector, type DeliveryRecord, SourceError } from "@/lib/delivery-signals/types";

// GitHub: REST API, per repository the merged pull requests (GET /repos/{o}/{r}/pulls,
// state=closed, newest updated first, read until older than the cursor) and the issues
// (GET /repos/{o}/{r}/issues?state=all&since=, pull requests left out), paged by the Link header.

const PAGE = 100;
const MAX_PAGES = 100;
const REPO = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

/** The "owner/repo" names of a connection, one per line or comma. */
export function githubRepos(query: string): string[] {
  return [
    ...new Set(
      query
        .split(/[\s,]+/)
        .map((r) => r.trim().replace(/^https:\/\/github\.com\//, ""))
        .filter(Boolean),
    ),
  ];
}

export function isRepoName(name: string): boolean {
  return REPO.test(name);
}

function nextLink(link: string | string[] | undefined): string | null {
  const text = Array.isArray(link) ? link.join(",") : (link ?? "");
  const m = /<([^>]+)>\s*;\s*rel="next"/.exec(text);
  return m ? m[1] : null;
}

type GhItem = {
  number?: unknown;
  title?: unknown;
  state?: unknown;
  created_at?: unknown;
  updated_at?: unknown;
  closed_at?: unknown;
  merged_at?: unknown;
  pull_request?: unknown;
  milestone?: { title?: unknown } | null;
};

function baseRecord(repo: string, it: GhItem) {
  const opened = parseIsoInstant(it.created_at);
  const changed = parseIsoInstant(it.updated_at) ?? opened;
  if (typeof it.number !== "number" || !opened || !changed)
    throw new SourceError(`GitHub sent an item of ${repo} without a number or dates`);
  return { externalId: `${repo}#${it.number}`, title: typeof it.title === "string" ? it.title : `#${it.number}`, opened, changed };
}

function githubPullRecord(repo: string, pr: GhItem): DeliveryRecord | null {
  const merged = parseIsoInstant(pr.merged_at);
  if (!merged) return null; // closed without merging
  const b = baseRecord(repo, pr);
  return {
    kind: "PULL_REQUEST",
    externalId: b.externalId,
    title: b.title,
    status: "merged",
    done: true,
    epicKey: null,
    openedAt: b.opened,
    changedAt: b.changed,
    doneAt: merged,
  };
}

function githubIssueRecord(repo: string, issue: GhItem): DeliveryRecord | null {
  if (issue.pull_request) return null; // the issues endpoint lists pull requests too
  const b = baseRecord(repo, issue);
  const done = issue.state === "closed";
  return {
    kind: "ISSUE",
    externalId: b.externalId,
    title: b.title,
    status: typeof issue.state === "string" ? issue.state : "",
    done,
    epicKey: typeof issue.milestone?.title === "string" ? issue.milestone.title : null,
    openedAt: b.opened,
    changedAt: b.changed,
    doneAt: done ? (parseIsoInstant(issue.closed_at) ?? b.changed) : null,
  };
}

export const githubConnector: Connector = {
  kind: "GITHUB",
  complete: false,
  async fetchChanged(s, since) {
    const repos = githubRepos(s.query);
    if (!repos.length) throw new SourceError("the connection names no repository");
    const headers = { authorization: `Bearer ${s.token}`, accept: "application/vnd.github+json", "x-github-api-version": "2022-11-28" };
    const base = s.baseUrl.replace(/\/+$/, "");
    const out: DeliveryRecord[] = [];
    const walk = async (first: string, take: (item: GhItem) => boolean) => {
      let url: string | null = first;
      for (let page = 0; url && page < MAX_PAGES; page++) {
        const res = await requestJson(url, { headers, allowPrivate: s.allowPrivate });
        if (!Array.isArray(res.body)) throw new SourceError("GitHub's answer is not a list");
        let more = true;
        for (const item of res.body as GhItem[]) if (!take(item)) more = false;
        url = more ? nextLink(res.headers.link) : null;
      }
    };
    for (const repo of repos) {
      if (!isRepoName(repo)) throw new SourceError(`"${repo}" is not an owner/repository name`);
      await walk(`${base}/repos/${repo}/pulls?state=closed&sort=updated&direction=desc&per_page=${PAGE}`, (pr) => {
        const changed = parseIsoInstant(pr.updated_at);
        if (since && changed && changed < since) return false; // older than the cursor: the rest are too
        const r = githubPullRecord(repo, pr);
        if (r) out.push(r);
        return true;
      });
      const sinceParam = since ? `&since=${encodeURIComponent(new Date(since.getTime() - 60_000).toISOString())}` : "";
      await walk(`${base}/repos/${repo}/issues?state=all&sort=updated&direction=asc&per_page=${PAGE}${sinceParam}`, (issue) => {
        const r = githubIssueRecord(repo, issue);
        if (r) out.push(r);
        return true;
      });
    }
    return out;
  },
};
