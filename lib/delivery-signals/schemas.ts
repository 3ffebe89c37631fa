import { z } from "zod";

import { HIRING_PLAN_MAX_CHARS } from "@/lib/security/body-limits";
import { ZId } from "@/lib/validation";

// Inputs of the delivery-signal actions. A token is never echoed back or audited.

export const SOURCE_KINDS = ["JIRA", "LINEAR", "GITHUB"] as const;

/** Where each kind's API is, unless the connection names another host (a Jira site, GitHub Enterprise). */
export const DEFAULT_BASE_URL: Record<(typeof SOURCE_KINDS)[number], string> = {
  JIRA: "",
  LINEAR: "https://api.linear.app/graphql",
  GITHUB: "https://api.github.com",
};

const ZBaseUrl = z
  .string()
  .trim()
  .max(500, "The address can be at most 500 characters.")
  .refine(
    (s) => s === "" || (URL.canParse(s) && ["https:", "http:"].includes(new URL(s).protocol)),
    "Enter the full address, e.g. https://acme.atlassian.net.",
  )
  .default("");

export const ZConnectSourceInput = z.object({
  projectId: ZId("That project does not exist."),
  kind: z.enum(SOURCE_KINDS, { error: "Choose Jira, Linear or GitHub." }),
  baseUrl: ZBaseUrl,
  /** Jira: what `query` is (a project key, an epic key or JQL); ignored elsewhere. */
  jiraScope: z.enum(["project", "epic", "jql"], { error: "Choose a project, an epic or JQL." }).default("project"),
  query: z
    .string()
    .trim()
    .min(1, "Say what to follow: a project key, epic, JQL, Linear project id or repositories.")
    .max(2000, "At most 2,000 characters."),
  account: z.string().trim().max(200, "At most 200 characters.").default(""),
  /** Blank keeps the stored token when the connection exists. */
  token: z.string().trim().max(1000, "The token can be at most 1,000 characters.").default(""),
});

export const ZSourceTargetInput = z.object({ sourceId: ZId("That connection does not exist.") });

export const ZImportDeliveryCsvInput = z.object({
  projectId: ZId("That project does not exist."),
  kind: z.enum(["JIRA", "LINEAR"], { error: "Choose a Jira or a Linear export." }),
  dateOrder: z.enum(["auto", "dmy", "mdy"], { error: "Choose the date order of the export." }).default("auto"),
  csv: z.string().min(1, "Choose a CSV file.").max(HIRING_PLAN_MAX_CHARS, "The file is too large (2 MB at most)."),
});

export const ZLinkEpicInput = z.object({
  milestoneId: ZId("That milestone does not exist."),
  /** Blank removes the link. */
  epicKey: z.string().trim().max(200, "At most 200 characters.").default(""),
});
