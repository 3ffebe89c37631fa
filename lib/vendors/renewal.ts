import { daysBetween } from "@/lib/dates";
import { formatDate } from "@/lib/format";

// How a renewal due (glossary `renewals-due`) is labelled wherever it is listed: by its decision
// date — the notice date when the contract has one, else the end date — saying which it is.

export type RenewalDates = { renewalNoticeDate: string | null; endDate: string };

export function renewalDecisionLabel(c: RenewalDates, today: string): string {
  if (c.renewalNoticeDate && c.renewalNoticeDate < today) {
    const days = daysBetween(c.renewalNoticeDate, today);
    return `Notice passed ${days} ${days === 1 ? "day" : "days"} ago · ends ${formatDate(c.endDate)}`;
  }
  if (c.renewalNoticeDate) return `Notice by ${formatDate(c.renewalNoticeDate)}`;
  return `Ends ${formatDate(c.endDate)}`;
}
