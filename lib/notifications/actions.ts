"use server";

import { markNotificationsRead, unsubscribe, updateNotificationSettings } from "@/lib/notifications/settings";

// Each server action is a built action (lib/action.ts) itself; Next refuses `export { … } from` here.

export const updateNotificationSettingsAction = updateNotificationSettings;
export const markNotificationsReadAction = markNotificationsRead;
export const unsubscribeAction = unsubscribe;
