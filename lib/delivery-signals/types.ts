import type { DeliveryItemKind, DeliverySourceKind } from "@/lib/generated/prisma/enums";

// The one shape every connector returns, whatever the source: an issue or a pull request as the
// source last described it. Stored per source and external id (DeliveryItem).

export type DeliveryRecord = {
  kind: DeliveryItemKind;
  /** PROJ-12, ENG-5, owner/repo#12: unique within the source. */
  externalId: string;
  title: string;
  status: string;
  done: boolean;
  /** The epic (Jira), parent issue or project milestone (Linear) it belongs to. */
  epicKey: string | null;
  openedAt: Date;
  changedAt: Date;
  /** Resolved, completed or merged. */
  doneAt: Date | null;
};

/** What a connector needs to reach a source: its stored settings and the opened token. */
type SourceSettings = {
  kind: DeliverySourceKind;
  baseUrl: string;
  query: string;
  account: string;
  token: string;
  /** The org lets outbound requests reach private addresses (the webhooks setting). */
  allowPrivate: boolean;
};

/** The adapter behind each source: items changed since `since` (all of them when null). */
export type Connector = {
  kind: DeliverySourceKind;
  /**
   * With `since` null, returns every item the query matches or throws (never a truncated list),
   * so a whole read can drop the items that left the query. Jira and Linear refuse past their
   * page limit; GitHub's issues do not leave a repository, and its closed pull requests are read
   * newest first up to a page limit, so it does not reconcile.
   */
  complete: boolean;
  fetchChanged(settings: SourceSettings, since: Date | null): Promise<DeliveryRecord[]>;
};

/** A failure to reach or read a source, worded for the sync log (never a stack trace). */
export class SourceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SourceError";
  }
}
