"use server";

import { markNotificationsRead, updateNotificationSettings } from "@/lib/notifications/settings";

// Each server action is a built action (lib/action.ts) itself; Next refuses `export { … } from` here.
// The unsubscribe (notifications.unsubscribe) is not one: its link's route handler runs it.

export const updateNotificationSettingsAction = updateNotificationSettings;
export const markNotificationsReadAction = markNotificationsRead;
