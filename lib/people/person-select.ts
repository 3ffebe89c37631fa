import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * The columns every read of people starts from: who a person is and when they start and leave.
 * A read spreads it and adds what it needs; row types come from the select, not written again.
 */
export const PERSON_CORE = {
  id: true,
  name: true,
  title: true,
  level: true,
  startDate: true,
  endDate: true,
} as const satisfies Prisma.PersonSelect;
