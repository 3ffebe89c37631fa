// The events an org's webhook endpoints can subscribe to (docs/api.md "Webhooks"). A payload
// names records by id and carries what a receiver needs to react without pay: no compensation
// field of a person or position is ever part of one (tests/integration/webhooks.test.ts).

export const WEBHOOK_EVENTS = {
  "status_update.posted": "A status update was posted on a project",
  "project.health_changed": "A project's health changed (with a posted update)",
  "milestone.missed": "A milestone's due day passed without it being completed",
  "position.filled": "A position was filled",
  "import.completed": "An actuals or hiring-plan import completed",
  "budget.variance_over_threshold": "A unit's forecast for this fiscal year went over its plan by more than the variance threshold",
  "member.added": "Someone joined the organization",
  "member.removed": "A member was removed from the organization",
  "webhook.test": "A test event sent from the settings page",
} as const;

export type WebhookEventType = keyof typeof WEBHOOK_EVENTS;

/** The events an admin may subscribe to (the test event goes to one endpoint on request). */
export const SUBSCRIBABLE_EVENTS = (Object.keys(WEBHOOK_EVENTS) as WebhookEventType[]).filter((t) => t !== "webhook.test");
