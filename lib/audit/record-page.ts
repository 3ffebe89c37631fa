import "server-only";

import { getRecordHistory, type RecordHistoryPage } from "@/lib/audit/queries";
import type { HistoryType } from "@/lib/audit/records";
import { type Member, requireMember } from "@/lib/auth";
import type { SearchParams } from "@/lib/search-params";

/** The props Next gives a record page. */
export type RecordPageProps = { params: Promise<{ org: string; id: string }>; searchParams: Promise<SearchParams> };

/**
 * What every record page (/[org]/<records>/[id]) starts with: the member, the record read by
 * `load` (null when it is not the org's, for the page's 404) and the record's History page,
 * read side by side.
 */
export async function readRecordPage<T>(
  { params, searchParams }: RecordPageProps,
  type: HistoryType,
  load: (member: Member, id: string) => Promise<T | null | undefined>,
): Promise<{ member: Member; id: string; record: T | null; changes: RecordHistoryPage }> {
  const { org, id } = await params;
  const member = await requireMember(org);
  const [record, changes] = await Promise.all([load(member, id), getRecordHistory(member, { type, id }, await searchParams)]);
  return { member, id, record: record ?? null, changes };
}
