import type { Role, Weekday } from "@/lib/generated/prisma/enums";

export const MONTHS = [
  "January", "February", "March", "April", "May", "June",
  "July", "August", "September", "October", "November", "December",
] as const;

export const WEEKDAY_LABELS: Record<Weekday, string> = {
  MONDAY: "Monday",
  TUESDAY: "Tuesday",
  WEDNESDAY: "Wednesday",
  THURSDAY: "Thursday",
  FRIDAY: "Friday",
  SATURDAY: "Saturday",
  SUNDAY: "Sunday",
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  ADMIN: "Members and organization settings",
  DIRECTOR: "Reads and changes everything",
  MANAGER: "Changes projects, updates and positions in their scope",
  FINANCE: "Budgets, actuals, vendors and contracts",
  VIEWER: "Read only",
};
