// A contract's own fields, one select for every reader: the vendors pages and the audit trail add
// the owner, the REST API lists them as they are (its Contract schema has no owner).
export const CONTRACT_FIELDS = {
  id: true,
  vendorId: true,
  orgUnitId: true,
  category: true,
  name: true,
  annualAmountCents: true,
  startDate: true,
  endDate: true,
  renewalNoticeDate: true,
  autoRenew: true,
  status: true,
  version: true,
} as const;
