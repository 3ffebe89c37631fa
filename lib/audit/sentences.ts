// How each audit action reads to a person: a label for the filter menu and a sentence template.
// Keyed by the action name stored in AuditEvent.action (the pipeline's name, or the override an
// action passes to ctx.audit). A test fails when an action in the source has no entry here.
//
// In a template, {record} is the event's record (linked), and {project}, {person}, {unit},
// {position} the record named by that …Id field of the event (after, else before); headline
// fields are shown in the sentence itself ("…: Health On track → At risk").

export type AuditSentence = { label: string; template: string; headline?: readonly string[] };

export const AUDIT_SENTENCES: Readonly<Record<string, AuditSentence>> = {
  // Projects and delivery
  "project.create": { label: "Project created", template: "created project {record}" },
  "project.update": { label: "Project edited", template: "edited project {record}" },
  "project.status.change": { label: "Project status changed", template: "changed the status of {record}", headline: ["status"] },
  "project.archive": { label: "Project archived", template: "archived project {record}" },
  "project.unarchive": { label: "Project restored", template: "restored project {record} from the archive" },
  "status-update.post": { label: "Update posted", template: "posted an update on {project}", headline: ["health"] },
  "status-update.edit": { label: "Update edited", template: "edited an update on {project}", headline: ["health"] },
  "status-update.delete": { label: "Update deleted", template: "deleted an update on {project}" },
  "status-update.acknowledge": { label: "Update acknowledged", template: "acknowledged an update on {project}" },
  "milestone.create": { label: "Milestone added", template: "added milestone {record} to {project}" },
  "milestone.update": { label: "Milestone edited", template: "edited milestone {record} on {project}" },
  "milestone.complete": { label: "Milestone completed", template: "completed milestone {record} on {project}" },
  "milestone.reopen": { label: "Milestone reopened", template: "reopened milestone {record} on {project}" },
  "dependency.add": { label: "Dependency added", template: "made {project} depend on {blocker}" },
  "dependency.remove": { label: "Dependency removed", template: "removed the dependency of {project} on {blocker}" },
  "delivery.source.connect": {
    label: "Tracker connected",
    template: "connected {record} to an issue tracker or code host",
    headline: ["kind", "query"],
  },
  "delivery.source.disconnect": { label: "Tracker disconnected", template: "disconnected {record} from an issue tracker or code host" },
  "delivery.sync.request": { label: "Sync requested", template: "asked for a delivery sync of {record}" },
  "delivery.csv.import": {
    label: "Tracker export imported",
    template: "imported a tracker export into {record}",
    headline: ["kind", "items"],
  },
  "delivery.epic.link": { label: "Epic linked", template: "linked milestone {record} to an epic", headline: ["epicKey"] },
  "initiative.create": { label: "Initiative created", template: "created initiative {record}" },
  "initiative.update": { label: "Initiative edited", template: "edited initiative {record}" },

  // People and positions
  "person.create": { label: "Person hired", template: "added {record} as a new hire" },
  "person.update": { label: "Person edited", template: "edited {record}" },
  "person.move": { label: "Person moved", template: "moved {record}", headline: ["orgUnitId", "managerId"] },
  "person.end": { label: "Departure recorded", template: "recorded the departure of {record}", headline: ["endDate"] },
  // Never the answer: anyone who opens the person's page reads its history; org health readers see the counts.
  "person.set-departure-regret": {
    label: "Departure regret recorded",
    template: "recorded whether the departure of {record} was regretted",
  },
  "position.create": { label: "Position opened", template: "created position {record}" },
  "position.update": { label: "Position edited", template: "edited position {record}" },
  "position.fill": { label: "Position filled", template: "filled position {record} with {person}" },
  "position.transition": { label: "Position status changed", template: "changed the status of position {record}", headline: ["status"] },
  "position.open": { label: "Position opened for hiring", template: "opened position {record} for hiring", headline: ["status"] },
  "position.close": { label: "Position closed", template: "closed position {record}", headline: ["status"] },
  "position.vacate": { label: "Position vacated", template: "marked position {record} for backfill", headline: ["status"] },
  "allocation.create": { label: "Staffing added", template: "staffed {project} with {person}{position}", headline: ["percent"] },
  "allocation.remove": { label: "Staffing removed", template: "removed {person}{position} from {project}" },
  "hiring-plan.import": { label: "Hiring plan imported", template: "imported a hiring plan" },
  "people.hris.sync": {
    label: "People synced from HRIS",
    template: "synced people from an HRIS export",
    headline: ["joiners", "leavers", "moves"],
  },
  "people.hris.preview": { label: "HRIS sync previewed", template: "previewed a people sync from an HRIS export" },
  "people.hris.mapping": { label: "HRIS column mapping saved", template: "saved the column mapping of an HRIS export" },

  // Org tree
  "org-unit.create": { label: "Unit created", template: "created unit {record}" },
  "org-unit.update": { label: "Unit edited", template: "edited unit {record}" },
  "org-unit.rename": { label: "Unit renamed", template: "renamed unit {record}", headline: ["name"] },
  "org-unit.recode": { label: "Unit code changed", template: "changed the code of unit {record}", headline: ["code"] },
  "org-unit.move": { label: "Unit moved", template: "moved unit {record}", headline: ["parentId"] },
  "org-unit.set-lead": { label: "Unit lead set", template: "set the lead of unit {record}", headline: ["leadId"] },
  "org-unit.set-acting-lead": {
    label: "Acting lead set",
    template: "set the acting lead of unit {record}",
    headline: ["actingLeadId"],
  },
  "org-unit.close": { label: "Unit closed", template: "closed unit {record}", headline: ["closedOn"] },
  "org-unit.merge": { label: "Unit merged", template: "merged unit {record}", headline: ["closedOn", "movedTo"] },
  "reorg.create": { label: "Reorg drafted", template: "drafted reorganization {record}" },
  "reorg.add-step": { label: "Reorg step added", template: "added a step to reorganization {record}" },
  "reorg.remove-step": { label: "Reorg step removed", template: "removed a step from reorganization {record}" },
  "reorg.schedule": { label: "Reorg scheduled", template: "scheduled reorganization {record}", headline: ["effectiveOn"] },
  "reorg.cancel": { label: "Reorg cancelled", template: "cancelled reorganization {record}" },
  "reorg.apply": { label: "Reorg applied", template: "applied reorganization {record}", headline: ["steps"] },
  "reorg.fail": { label: "Reorg refused on its date", template: "could not apply reorganization {record}", headline: ["failure"] },
  // Never the note's text: the event carries only whom it is about, its kind and check-in date.
  "manager-note.create": {
    label: "Development note added",
    template: "added a private development note",
    headline: ["managerId", "kind", "checkInOn"],
  },
  "manager-note.delete": {
    label: "Development note deleted",
    template: "deleted a private development note",
    headline: ["managerId", "kind"],
  },
  "manager-note.update": {
    label: "Development note edited",
    template: "edited a private development note",
    headline: ["managerId", "kind", "checkInOn"],
  },
  "manager-note.set-done": {
    label: "Development goal marked",
    template: "marked a private development goal done or open",
    headline: ["managerId", "doneOn"],
  },

  // Money
  "budgets.cell.set": { label: "Budget set", template: "set a budget of {unit}", headline: ["amountCents"] },
  "budgets.cell.clear": { label: "Budget cleared", template: "cleared a budget of {unit}" },
  "budgets.import": { label: "Budget imported", template: "imported a budget plan" },
  "budgets.copy-forward": { label: "Budget copied forward", template: "copied the budget plan forward to {record}" },
  "actuals.import": { label: "Actuals imported", template: "imported actuals" },
  "actuals.import.revert": { label: "Import reverted", template: "reverted an import" },
  "actuals.import.check": { label: "Ledger file checked", template: "checked a ledger file against its column mapping" },
  "actuals.import.mapped": { label: "Ledger export imported", template: "imported a ledger export through its column mapping" },
  "actuals.import.mapping.delete": { label: "Ledger mapping deleted", template: "deleted a saved ledger column mapping" },
  "budgets.import.check": { label: "Plan file checked", template: "checked a plan file against its column mapping" },
  "budgets.import.mapped": { label: "Plan file imported", template: "imported a plan file through its column mapping" },
  "budgets.import.mapping.delete": { label: "Plan mapping deleted", template: "deleted a saved plan column mapping" },
  "hiring-plan.import.check": { label: "Hiring plan file checked", template: "checked a hiring plan file against its column mapping" },
  "hiring-plan.import.mapped": { label: "Hiring plan file imported", template: "imported a hiring plan file through its column mapping" },
  "hiring-plan.import.mapping.delete": { label: "Hiring plan mapping deleted", template: "deleted a saved hiring plan column mapping" },
  "vendors.create": { label: "Vendor added", template: "added vendor {record}" },
  "vendors.update": { label: "Vendor edited", template: "edited vendor {record}" },
  "contracts.create": { label: "Contract added", template: "added contract {record}" },
  "contracts.update": { label: "Contract edited", template: "edited contract {record}" },

  // Settings, members and accounts
  "webhook.create": { label: "Webhook added", template: "added a webhook endpoint", headline: ["url"] },
  "webhook.update": { label: "Webhook edited", template: "edited a webhook endpoint", headline: ["url", "events"] },
  "webhook.disable": { label: "Webhook disabled", template: "disabled a webhook endpoint" },
  "webhook.enable": { label: "Webhook enabled", template: "enabled a webhook endpoint" },
  "webhook.delete": { label: "Webhook deleted", template: "deleted a webhook endpoint" },
  "webhook.test": { label: "Webhook test sent", template: "sent a test event to a webhook endpoint" },
  "webhook.redeliver": { label: "Webhook redelivered", template: "redelivered a webhook event" },
  "webhook.settings.update": {
    label: "Webhook targets changed",
    template: "changed whether webhooks may reach private addresses",
    headline: ["webhooksAllowPrivate"],
  },
  "org.settings.update": { label: "Settings changed", template: "changed the organization's settings" },
  "org.pay-privacy.update": { label: "Pay privacy changed", template: "changed who may read pay" },
  "member.invite": { label: "Member invited", template: "invited {email}", headline: ["role"] },
  "member.role.change": { label: "Member role changed", template: "changed the role of {record}", headline: ["role"] },
  "member.remove": { label: "Member removed", template: "removed {record} from the organization" },
  "member.sessions.end": { label: "Sessions ended", template: "signed {record} out everywhere" },
  "invitation.accept": { label: "Invitation accepted (new account)", template: "accepted an invitation and joined" },
  "invitation.join": { label: "Invitation accepted (existing account)", template: "joined with an invitation" },
  "org.sso.update": { label: "Single sign-on changed", template: "changed the single sign-on settings" },
  "org.sso.test": { label: "Single sign-on tested", template: "tested the single sign-on connection", headline: ["passed"] },
  "sso.join": { label: "Joined by single sign-on", template: "joined by single sign-on", headline: ["role"] },
  "api-token.create": { label: "API token created", template: "created the org API token {record}", headline: ["scopes"] },
  "api-token.revoke": { label: "API token revoked", template: "revoked the org API token {record}" },
  "api-token.personal.create": { label: "Personal API token created", template: "created a personal API token", headline: ["scopes"] },
  "api-token.personal.revoke": { label: "Personal API token revoked", template: "revoked one of their personal API tokens" },
  "scim.user.create": {
    label: "User provisioned (SCIM)",
    template: "provisioned the SCIM user {record}",
    headline: ["userName", "active"],
  },
  "scim.user.replace": { label: "User updated (SCIM)", template: "updated the SCIM user {record}", headline: ["userName", "active"] },
  "scim.user.patch": { label: "User patched (SCIM)", template: "patched the SCIM user {record}", headline: ["userName", "active"] },
  "scim.user.delete": { label: "User deprovisioned (SCIM)", template: "deleted the SCIM user {record}" },
  "scim.group.create": { label: "Group pushed (SCIM)", template: "pushed the SCIM group {record}", headline: ["displayName"] },
  "scim.group.replace": { label: "Group updated (SCIM)", template: "updated the SCIM group {record}", headline: ["displayName"] },
  "scim.group.patch": { label: "Group patched (SCIM)", template: "changed the SCIM group {record}", headline: ["displayName"] },
  "scim.group.delete": { label: "Group removed (SCIM)", template: "removed the SCIM group {record}" },
  "scim.member.add": { label: "Member provisioned (SCIM)", template: "added a member provisioned by SCIM", headline: ["role"] },
  "account.password.change": { label: "Password changed", template: "changed their password" },
  "account.notifications.update": { label: "Notification settings changed", template: "changed their notification settings" },
  "account.notifications.read": { label: "Notifications read", template: "marked their notifications read" },
  "notifications.unsubscribe": {
    label: "Unsubscribed from a notification",
    template: "unsubscribed from a kind of notification by its email link",
    headline: ["kind"],
  },
  "account.session.end": { label: "Own session signed out", template: "signed out one of their sessions", headline: ["sessionEnded"] },
};

/** The sentence for an action name, or a plain fallback for a name no renderer knows. */
export function auditSentence(action: string): AuditSentence {
  return Object.hasOwn(AUDIT_SENTENCES, action) ? AUDIT_SENTENCES[action] : { label: action, template: `did “${action}” on {record}` };
}
