import { z } from "zod";

import { isTimeZone } from "@/lib/notifications/quiet-hours";
import { NOTIFICATION_CHANNELS, NOTIFICATION_KINDS } from "@/lib/notifications/kinds";

const ZHour = z
  .number()
  .int("Choose a whole hour.")
  .min(0, "Choose an hour from 0 to 23.")
  .max(23, "Choose an hour from 0 to 23.")
  .nullable();

export const ZNotificationSettingsInput = z
  .object({
    timeZone: z
      .string()
      .trim()
      .min(1, "Choose a time zone.")
      .max(64, "Choose a time zone.")
      .refine(isTimeZone, "That is not a time zone Keel knows (e.g. Europe/Berlin)."),
    quietStartHour: ZHour,
    quietEndHour: ZHour,
    digestWeekday: z.number().int("Choose a day of the week.").min(0, "Choose a day of the week.").max(6, "Choose a day of the week."),
    digestHour: ZHour.unwrap(),
    slackWebhookUrl: z
      .string()
      .trim()
      .max(500, "The Slack webhook address is too long.")
      .transform((v) => v || null)
      .pipe(z.url({ protocol: /^https$/, message: "The Slack webhook must be an https:// address." }).nullable()),
    preferences: z
      .array(z.object({ kind: z.enum(NOTIFICATION_KINDS), channel: z.enum(NOTIFICATION_CHANNELS), enabled: z.boolean() }))
      .max(NOTIFICATION_KINDS.length * NOTIFICATION_CHANNELS.length, "Too many preferences."),
  })
  .superRefine((v, ctx) => {
    if ((v.quietStartHour === null) !== (v.quietEndHour === null))
      ctx.addIssue({ code: "custom", path: ["quietEndHour"], message: "Give both the start and the end of your quiet hours, or neither." });
  });

export const ZUnsubscribeInput = z.object({
  token: z.string().trim().min(1, "The link is incomplete.").max(300, "The link is not valid."),
});
