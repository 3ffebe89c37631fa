import type { OrgFx } from "@/tests/support/authz/fixture";
import { row } from "@/tests/support/authz/matrix";

// Delivery signals (lib/delivery-signals/): delivery:connect — admins and directors anywhere, a
// manager on projects in their subtree. Columns: ADMIN DIRECTOR MGR_IN MGR_OUT FINANCE VIEWER OTHER_ORG ANON FOREIGN.
const source = async (fx: OrgFx) => ({ sourceId: (await fx.make.deliverySource()).id });
const LINEAR_CSV = `"ID","Team","Title","Status","Created","Updated","Completed","Canceled"\n"ENG-1","ENG","First","Done","Wed May 13 2026 11:21:41 GMT+0000 (GMT+00:00)","","Wed May 20 2026 10:00:00 GMT+0000 (GMT+00:00)",""\n`;

export const DELIVERY_SIGNAL_ROWS = [
  row("delivery.source.connect", "ok ok ok F F F N U N", async (fx) => ({
    projectId: (await fx.make.project()).id,
    kind: "GITHUB",
    query: "acme/app",
    token: "ghp_fake",
  })),
  row("delivery.source.disconnect", "ok ok ok F F F N U N", source),
  row("delivery.sync.request", "ok ok ok F F F N U N", source),
  row("delivery.csv.import", "ok ok ok F F F N U N", async (fx) => ({
    projectId: (await fx.make.project()).id,
    kind: "LINEAR",
    csv: LINEAR_CSV,
  })),
  row("delivery.epic.link", "ok ok ok F F F N U N", async (fx) => ({ milestoneId: (await fx.make.milestone()).id, epicKey: "ENG-1" })),
];
