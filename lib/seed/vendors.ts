import { randomUUID } from "node:crypto";

import type { Prisma } from "@/lib/generated/prisma/client";
import type { BudgetCategory, ContractStatus } from "@/lib/generated/prisma/enums";
import { addDays, addMonths } from "@/lib/seed/dates";
import type { UnitRow } from "@/lib/seed/types";

// Acme's vendors and contracts. Contract dates are offsets in days from today so that a few
// renewal notice dates always fall in the next 90 days (and one has just been missed).

type ContractSpec = {
  name: string;
  /** Share of the vendor's trailing-12-month spend this contract covers. */
  share: number;
  endInDays: number;
  termMonths: number;
  noticeDays?: number;
  autoRenew?: boolean;
  status?: ContractStatus;
};

type VendorSpec = {
  name: string;
  website: string;
  category: BudgetCategory;
  teams: string[];
  owner: string;
  contracts: ContractSpec[];
};

export const ACME_VENDORS: VendorSpec[] = [
  {
    name: "Amazon Web Services",
    website: "https://aws.amazon.com",
    category: "CLOUD",
    owner: "ENG-PLAT",
    teams: ["ENG-PLAT-INFRA", "ENG-PLAT-SRE", "ENG-PLAT-DEVEX", "ENG-PROD-FLEET", "ENG-PROD-INTEG", "ENG-PROD-BILL", "ENG-AUTO-NAV"],
    contracts: [
      { name: "AWS Enterprise Discount Program", share: 0.85, endInDays: 480, termMonths: 36, noticeDays: 120 },
      { name: "AWS Enterprise Support", share: 0.1, endInDays: 80, termMonths: 12, noticeDays: 60, autoRenew: true },
    ],
  },
  {
    name: "Google Cloud",
    website: "https://cloud.google.com",
    category: "CLOUD",
    owner: "ENG-AUTO",
    teams: ["ENG-PLAT-DATA", "ENG-AUTO-PERC", "ENG-AUTO-SIM"],
    contracts: [{ name: "GCP committed-use GPUs", share: 0.9, endInDays: 200, termMonths: 12, noticeDays: 60 }],
  },
  {
    name: "Datadog",
    website: "https://www.datadoghq.com",
    category: "SOFTWARE",
    owner: "ENG-PLAT-SRE",
    teams: ["ENG-PLAT-SRE", "ENG-PLAT-INFRA"],
    contracts: [
      { name: "Datadog Pro annual", share: 1, endInDays: 55, termMonths: 12, noticeDays: 60, autoRenew: true },
      { name: "Datadog 3-year renewal (proposal)", share: 0.92, endInDays: 55 + 3 * 365, termMonths: 36, status: "DRAFT" },
    ],
  },
  {
    name: "GitHub",
    website: "https://github.com",
    category: "SOFTWARE",
    owner: "ENG-PLAT-DEVEX",
    teams: ["ENG-PLAT-DEVEX"],
    contracts: [{ name: "GitHub Enterprise Cloud", share: 1, endInDays: 100, termMonths: 12, noticeDays: 62 }],
  },
  {
    name: "Atlassian",
    website: "https://www.atlassian.com",
    category: "SOFTWARE",
    owner: "ENG-PROD",
    teams: ["ENG-PROD-FLEET", "ENG-PROD-CONSOLE", "ENG-PROD-MOBILE", "ENG-PROD-INTEG", "ENG-PROD-BILL"],
    contracts: [{ name: "Jira & Confluence Cloud Premium", share: 1, endInDays: 240, termMonths: 12, noticeDays: 30 }],
  },
  {
    name: "PagerDuty",
    website: "https://www.pagerduty.com",
    category: "SOFTWARE",
    owner: "ENG-PLAT-SRE",
    teams: ["ENG-PLAT-SRE"],
    contracts: [{ name: "PagerDuty Business", share: 1, endInDays: 124, termMonths: 12, noticeDays: 60 }],
  },
  {
    name: "Snowflake",
    website: "https://www.snowflake.com",
    category: "SOFTWARE",
    owner: "ENG-PLAT-DATA",
    teams: ["ENG-PLAT-DATA", "ENG-PROD-BILL"],
    contracts: [{ name: "Snowflake capacity commit", share: 1, endInDays: 300, termMonths: 12, noticeDays: 90 }],
  },
  {
    name: "Okta",
    website: "https://www.okta.com",
    category: "SOFTWARE",
    owner: "ENG-PLAT-SEC",
    teams: ["ENG-PLAT-SEC"],
    contracts: [{ name: "Okta Workforce Identity", share: 1, endInDays: 150, termMonths: 24, noticeDays: 30 }],
  },
  {
    name: "NVIDIA",
    website: "https://www.nvidia.com",
    category: "SOFTWARE",
    owner: "ENG-AUTO-SIM",
    teams: ["ENG-AUTO-SIM", "ENG-AUTO-PERC", "ENG-AUTO-NAV"],
    contracts: [{ name: "Omniverse Enterprise / Isaac Sim licences", share: 1, endInDays: 180, termMonths: 12, noticeDays: 45 }],
  },
  {
    name: "Digi-Key Electronics",
    website: "https://www.digikey.com",
    category: "HARDWARE",
    owner: "ENG-AUTO-FW",
    teams: ["ENG-AUTO-FW", "ENG-AUTO-NAV", "ENG-AUTO-PERC", "ENG-PROD-FLEET", "ENG-PROD-MOBILE"],
    contracts: [{ name: "Component supply agreement", share: 0.7, endInDays: 400, termMonths: 24 }],
  },
  {
    name: "Nearshore Labs",
    website: "https://nearshorelabs.example",
    category: "CONTRACTORS",
    owner: "ENG-PROD",
    teams: ["ENG-PROD-CONSOLE", "ENG-PROD-MOBILE", "ENG-AUTO-FW", "ENG-AUTO-SIM"],
    contracts: [
      { name: "Staff augmentation SOW #3", share: 1, endInDays: 70, termMonths: 12, noticeDays: 60 },
      { name: "Staff augmentation SOW #2", share: 0.8, endInDays: 70 - 365, termMonths: 12, status: "EXPIRED" },
    ],
  },
  {
    name: "Bishop Fox",
    website: "https://bishopfox.com",
    category: "CONTRACTORS",
    owner: "ENG-PLAT-SEC",
    teams: ["ENG-PLAT-SEC"],
    contracts: [{ name: "Continuous penetration testing", share: 1, endInDays: 210, termMonths: 12, noticeDays: 60 }],
  },
  {
    name: "O'Reilly Media",
    website: "https://www.oreilly.com",
    category: "TRAINING",
    owner: "ENG",
    teams: ["ENG-PLAT-INFRA", "ENG-PLAT-SRE", "ENG-PLAT-SEC", "ENG-PLAT-DATA", "ENG-AUTO-PERC"],
    contracts: [{ name: "O'Reilly Learning team licence", share: 1, endInDays: 260, termMonths: 12, noticeDays: 30 }],
  },
];

export function buildVendors(orgId: string, specs: VendorSpec[]) {
  const rows = specs.map((s) => ({ id: randomUUID(), orgId, name: s.name, website: s.website, spec: s }));
  const vendorsFor = (teamCode: string, category: BudgetCategory) =>
    rows.filter((r) => r.spec.category === category && r.spec.teams.includes(teamCode));
  return { rows, vendorsFor };
}

/** Contracts sized from what the ledger actually paid each vendor over the last twelve months. */
export function buildContracts(
  orgId: string,
  vendors: ReturnType<typeof buildVendors>["rows"],
  units: Map<string, UnitRow>,
  actuals: Prisma.ActualEntryCreateManyInput[],
  today: Date,
): Prisma.ContractCreateManyInput[] {
  const since = addMonths(today, -12);
  const spend = new Map<string, bigint>();
  for (const a of actuals) {
    if (a.vendorId && (a.bookedOn as Date) >= since) spend.set(a.vendorId, (spend.get(a.vendorId) ?? 0n) + BigInt(a.amountCents));
  }
  return vendors.flatMap((v) =>
    v.spec.contracts.map((c) => {
      const unit = units.get(v.spec.owner)!;
      const yearly = Number(spend.get(v.id) ?? 0n) / 100;
      const endDate = addDays(today, c.endInDays);
      return {
        id: randomUUID(),
        orgId,
        vendorId: v.id,
        orgUnitId: unit.id,
        category: v.spec.category,
        name: c.name,
        annualAmountCents: BigInt(Math.max(1000, Math.round((yearly * c.share) / 1000) * 1000)) * 100n,
        startDate: addDays(addMonths(endDate, -c.termMonths), 1),
        endDate,
        renewalNoticeDate: c.noticeDays ? addDays(endDate, -c.noticeDays) : null,
        autoRenew: c.autoRenew ?? false,
        ownerId: unit.leadId,
        status: c.status ?? "ACTIVE",
      };
    }),
  );
}
