import type { InitiativeStatus } from "@/lib/generated/prisma/enums";

// Acme's initiatives, placed relative to the current fiscal quarter so the roadmap always shows
// a finished quarter, the current one and a proposed next one.

export type InitiativeSpec = {
  name: string;
  unit: string;
  objective: string;
  /** year = whole current fiscal year; half/quarter = the half/quarter `offset` quarters from now. */
  period: "year" | "half" | "quarter";
  offset: number;
  status: InitiativeStatus;
};

export const ACME_INITIATIVES: InitiativeSpec[] = [
  {
    name: "Fleet Uptime 99.9%",
    unit: "ENG",
    period: "year",
    offset: 0,
    status: "ACTIVE",
    objective: "Keep customer fleets productive: 99.9 % control-plane availability and no robot stranded by an update.",
  },
  {
    name: "Autonomy Stack v3",
    unit: "ENG-AUTO",
    period: "year",
    offset: 0,
    status: "ACTIVE",
    objective: "Ship the v3 perception and planning stack to every warehouse robot, cutting interventions per 1,000 km by half.",
  },
  {
    name: "Enterprise Readiness",
    unit: "ENG-PROD",
    period: "half",
    offset: 0,
    status: "ACTIVE",
    objective: "Close the gaps that block enterprise deals: SSO, audit trails, access control and usage-based billing.",
  },
  {
    name: "Cloud Cost Efficiency",
    unit: "ENG-PLAT",
    period: "quarter",
    offset: 0,
    status: "ACTIVE",
    objective: "Bring cloud spend back under plan (-20 % run rate) without hurting latency SLOs.",
  },
  {
    name: "SOC 2 Type II",
    unit: "ENG-PLAT",
    period: "quarter",
    offset: -1,
    status: "DONE",
    objective: "Pass the SOC 2 Type II audit with automated evidence collection.",
  },
  {
    name: "Self-serve Customer Onboarding",
    unit: "ENG-PROD",
    period: "quarter",
    offset: 0,
    status: "ACTIVE",
    objective: "A new customer gets from signup to a first robot on the floor in under a day, without a field engineer.",
  },
  {
    name: "Simulation at Scale",
    unit: "ENG-AUTO",
    period: "half",
    offset: 0,
    status: "ACTIVE",
    objective: "Run 10× more simulated kilometres per release and gate every autonomy release on them.",
  },
  {
    name: "Operator Console 2.0",
    unit: "ENG-PROD",
    period: "quarter",
    offset: 1,
    status: "PROPOSED",
    objective: "Rebuild the console on a shared design system with a live fleet map.",
  },
];
