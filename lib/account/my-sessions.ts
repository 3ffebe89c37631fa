import { currentSessionId } from "@/lib/auth";
import { activeSessionsOf, type ActiveSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";

export type MySession = ActiveSession & { current: boolean };

/** The signed-in user's sessions that can still be used, this browser's marked and first. */
export async function listMySessions(userId: string): Promise<MySession[]> {
  const [sessions, sid] = await Promise.all([activeSessionsOf(db, [userId]), currentSessionId()]);
  return (sessions.get(userId) ?? []).map((s) => ({ ...s, current: s.id === sid })).sort((a, b) => Number(b.current) - Number(a.current));
}
