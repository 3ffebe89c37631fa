// Recorded API answers in the shapes the services document: Jira Cloud REST v3
// GET /rest/api/3/search/jql, Linear GraphQL `issues`, GitHub REST pulls and issues.

const jiraIssue = (
  key: string,
  summary: string,
  status: string,
  category: string,
  created: string,
  updated: string,
  resolved: string | null,
  parent: string | null,
) => ({
  expand: "operations,versionedRepresentations,editmeta,changelog,renderedFields",
  id: String(10000 + Number(key.split("-")[1])),
  self: `https://acme.atlassian.net/rest/api/3/issue/${key}`,
  key,
  fields: {
    summary,
    status: {
      name: status,
      id: "3",
      statusCategory: {
        id: category === "done" ? 3 : 4,
        key: category,
        name: category === "done" ? "Done" : "In Progress",
        colorName: "yellow",
      },
    },
    created,
    updated,
    resolutiondate: resolved,
    parent: parent ? { id: "10001", key: parent, fields: { summary: "Checkout revamp" } } : undefined,
  },
});

export const JIRA_PAGE_1 = {
  issues: [
    jiraIssue(
      "CHK-2",
      "Card form validation",
      "Done",
      "done",
      "2026-11-03T10:15:00.000+0100",
      "2026-11-12T14:05:00.000+0100",
      "2026-11-12T14:05:00.000+0100",
      "CHK-1",
    ),
    jiraIssue(
      "CHK-3",
      "Refund API",
      "In Review",
      "indeterminate",
      "2026-11-05T11:00:00.000+0100",
      "2026-11-25T09:40:00.000+0100",
      null,
      "CHK-1",
    ),
  ],
  nextPageToken: "CAEaAggD",
  isLast: false,
};

export const JIRA_PAGE_2 = {
  issues: [
    jiraIssue("CHK-4", "Receipt e-mail", "To Do", "new", "2026-11-24T15:00:00.000+0100", "2026-11-24T15:00:00.000+0100", null, null),
  ],
  isLast: true,
};

/** The next sync: CHK-3 was resolved. */
export const JIRA_CHANGED = {
  issues: [
    jiraIssue(
      "CHK-3",
      "Refund API",
      "Done",
      "done",
      "2026-11-05T11:00:00.000+0100",
      "2026-11-30T10:00:00.000+0100",
      "2026-11-30T10:00:00.000+0100",
      "CHK-1",
    ),
  ],
  isLast: true,
};

export const LINEAR_ISSUES = {
  data: {
    issues: {
      nodes: [
        {
          identifier: "ENG-10",
          title: "Search index rebuild",
          createdAt: "2026-11-04T09:00:00.000Z",
          updatedAt: "2026-11-19T16:20:00.000Z",
          completedAt: "2026-11-19T16:20:00.000Z",
          canceledAt: null,
          state: { name: "Done", type: "completed" },
          parent: null,
          projectMilestone: { name: "Beta" },
        },
        {
          identifier: "ENG-11",
          title: "Typo tolerance",
          createdAt: "2026-11-09T09:00:00.000Z",
          updatedAt: "2026-11-24T11:00:00.000Z",
          completedAt: null,
          canceledAt: null,
          state: { name: "In Progress", type: "started" },
          parent: { identifier: "ENG-10" },
          projectMilestone: { name: "Beta" },
        },
      ],
      pageInfo: { hasNextPage: false, endCursor: "c2" },
    },
  },
};

/** Linear answers a bad API key with HTTP 400 and a GraphQL error. */
export const LINEAR_AUTH_ERROR = {
  errors: [
    {
      message: "Authentication required, not authenticated",
      extensions: {
        type: "authentication error",
        code: "AUTHENTICATION_ERROR",
        userPresentableMessage: "You need to authenticate to access this operation.",
      },
    },
  ],
};

const pr = (n: number, title: string, created: string, updated: string, merged: string | null) => ({
  url: `https://api.github.com/repos/acme/shop/pulls/${n}`,
  id: 1_000_000 + n,
  number: n,
  state: "closed",
  title,
  user: { login: "octocat", id: 1 },
  created_at: created,
  updated_at: updated,
  closed_at: updated,
  merged_at: merged,
  draft: false,
});

export const GITHUB_PULLS = [
  pr(42, "Add card form", "2026-11-20T09:00:00Z", "2026-11-24T10:00:00Z", "2026-11-24T10:00:00Z"),
  pr(41, "Spike: drop jQuery", "2026-11-10T09:00:00Z", "2026-11-18T10:00:00Z", null),
  pr(40, "Refund endpoint", "2026-11-09T09:00:00Z", "2026-11-16T10:00:00Z", "2026-11-16T10:00:00Z"),
];

export const GITHUB_ISSUES = [
  {
    id: 2_000_001,
    number: 7,
    title: "Checkout fails on Safari",
    state: "open",
    created_at: "2026-11-02T09:00:00Z",
    updated_at: "2026-11-23T09:00:00Z",
    closed_at: null,
    milestone: { title: "v2", number: 1 },
  },
  {
    id: 2_000_002,
    number: 42,
    title: "Add card form",
    state: "closed",
    created_at: "2026-11-20T09:00:00Z",
    updated_at: "2026-11-24T10:00:00Z",
    closed_at: "2026-11-24T10:00:00Z",
    pull_request: { url: "https://api.github.com/repos/acme/shop/pulls/42", merged_at: "2026-11-24T10:00:00Z" },
  },
];

export const GITHUB_BAD_CREDENTIALS = { message: "Bad credentials", documentation_url: "https://docs.github.com/rest", status: "401" };
