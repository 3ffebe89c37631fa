import type { UnitSpec } from "@/lib/seed/types";

// Acme Robotics engineering: 1 division, 3 departments, 14 teams, ~120 people. `spend` is each
// team's planned monthly non-payroll spend in dollars (payroll is derived from its people).

const team = (code: string, name: string, role: string, ics: number, spend: UnitSpec["spend"], contractors = 0): UnitSpec => ({
  code,
  name,
  kind: "TEAM",
  role,
  ics,
  contractors,
  spend,
  lead: ics >= 8 ? { title: "Senior Engineering Manager", level: "M2" } : { title: "Engineering Manager", level: "M1" },
});

export const MANAGER_DEPARTMENT_CODE = "ENG-PROD";

export const ACME_ROOT: UnitSpec = {
  code: "ENG",
  name: "Engineering",
  kind: "DIVISION",
  lead: { title: "Director of Engineering", level: "M4", name: "Dana Delgado", userKey: "director" },
  extras: [{ title: "Technical Program Manager", level: "IC4" }],
  children: [
    {
      code: "ENG-PLAT",
      name: "Platform",
      kind: "DEPARTMENT",
      lead: { title: "Head of Platform", level: "M3" },
      extras: [{ title: "Principal Engineer", level: "IC6" }],
      children: [
        team("ENG-PLAT-INFRA", "Infrastructure", "Infrastructure Engineer", 8, {
          CLOUD: 95_000,
          SOFTWARE: 9_000,
          TRAINING: 1_500,
          TRAVEL: 1_800,
        }),
        team("ENG-PLAT-SRE", "Site Reliability", "Site Reliability Engineer", 6, { CLOUD: 28_000, SOFTWARE: 16_000, TRAINING: 1_000 }),
        team("ENG-PLAT-DEVEX", "Developer Experience", "Software Engineer", 6, { SOFTWARE: 24_000, CLOUD: 14_000, OTHER: 800 }),
        team("ENG-PLAT-SEC", "Security Engineering", "Security Engineer", 5, {
          SOFTWARE: 14_000,
          CONTRACTORS: 12_000,
          TRAINING: 2_000,
          TRAVEL: 1_500,
        }),
        team("ENG-PLAT-DATA", "Data Platform", "Data Engineer", 7, { CLOUD: 46_000, SOFTWARE: 21_000, TRAINING: 1_000 }),
      ],
    },
    {
      code: MANAGER_DEPARTMENT_CODE,
      name: "Product Engineering",
      kind: "DEPARTMENT",
      lead: { title: "Head of Product Engineering", level: "M3", name: "Marcus Molina", userKey: "manager" },
      extras: [{ title: "Principal Engineer", level: "IC6" }],
      children: [
        team("ENG-PROD-FLEET", "Fleet Management", "Software Engineer", 8, {
          CLOUD: 18_000,
          SOFTWARE: 4_000,
          HARDWARE: 4_000,
          TRAVEL: 3_000,
        }),
        team("ENG-PROD-CONSOLE", "Operator Console", "Frontend Engineer", 7, { SOFTWARE: 5_000, CONTRACTORS: 15_000, TRAVEL: 1_200 }, 1),
        team("ENG-PROD-MOBILE", "Field App", "Mobile Engineer", 5, { CONTRACTORS: 28_000, SOFTWARE: 3_000, HARDWARE: 2_500 }, 2),
        team("ENG-PROD-INTEG", "Integrations", "Software Engineer", 6, { SOFTWARE: 6_000, CLOUD: 8_000, TRAVEL: 4_000 }),
        team("ENG-PROD-BILL", "Billing & Accounts", "Software Engineer", 6, { SOFTWARE: 9_000, CLOUD: 5_000, OTHER: 1_000 }),
      ],
    },
    {
      code: "ENG-AUTO",
      name: "Autonomy",
      kind: "DEPARTMENT",
      lead: { title: "Head of Autonomy", level: "M3" },
      extras: [{ title: "Principal Robotics Engineer", level: "IC6" }],
      children: [
        team("ENG-AUTO-PERC", "Perception", "Computer Vision Engineer", 9, {
          CLOUD: 70_000,
          HARDWARE: 12_000,
          SOFTWARE: 6_000,
          TRAVEL: 2_000,
          TRAINING: 2_000,
        }),
        team("ENG-AUTO-NAV", "Navigation & Planning", "Robotics Engineer", 8, {
          HARDWARE: 15_000,
          CLOUD: 25_000,
          SOFTWARE: 4_000,
          TRAVEL: 3_500,
        }),
        team("ENG-AUTO-SIM", "Simulation", "Simulation Engineer", 6, { CLOUD: 60_000, SOFTWARE: 10_000, CONTRACTORS: 14_000 }, 1),
        team(
          "ENG-AUTO-FW",
          "Embedded & Firmware",
          "Firmware Engineer",
          5,
          { HARDWARE: 22_000, CONTRACTORS: 28_000, SOFTWARE: 5_000, TRAVEL: 2_500 },
          2,
        ),
      ],
    },
  ],
};

/**
 * Teams whose actual spend runs over plan in the current fiscal year (category → overrun factor),
 * so the budget pages have variances to explain.
 */
export const OVERSPEND: Record<string, Partial<Record<string, number>>> = {
  "ENG-AUTO-SIM": { CLOUD: 1.32, CONTRACTORS: 1.1 },
  "ENG-PLAT-INFRA": { CLOUD: 1.2 },
  "ENG-PROD-MOBILE": { CONTRACTORS: 1.45, HARDWARE: 1.5 },
  "ENG-AUTO-PERC": { HARDWARE: 1.8, CLOUD: 1.08 },
};
