"use server";

import {
  createWebhook,
  deleteWebhook,
  disableWebhook,
  enableWebhook,
  redeliverWebhook,
  sendTestWebhook,
  updateWebhook,
  updateWebhookSettings,
} from "@/lib/webhooks/endpoints";

// Each server action is a built action (lib/action.ts) itself; Next refuses `export { … } from` here.

export const createWebhookAction = createWebhook;
export const updateWebhookAction = updateWebhook;
export const disableWebhookAction = disableWebhook;
export const enableWebhookAction = enableWebhook;
export const deleteWebhookAction = deleteWebhook;
export const sendTestWebhookAction = sendTestWebhook;
export const redeliverWebhookAction = redeliverWebhook;
export const updateWebhookSettingsAction = updateWebhookSettings;
