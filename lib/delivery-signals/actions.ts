"use server";

import { connectDeliverySource, disconnectDeliverySource, requestDeliverySync } from "@/lib/delivery-signals/connect";
import { importDeliveryCsv } from "@/lib/delivery-signals/import-csv";
import { linkMilestoneEpic } from "@/lib/delivery-signals/link-epic";

// Each server action is a built action (lib/action.ts) itself; Next refuses `export { … } from` here.

export const connectDeliverySourceAction = connectDeliverySource;
export const disconnectDeliverySourceAction = disconnectDeliverySource;
export const requestDeliverySyncAction = requestDeliverySync;
export const importDeliveryCsvAction = importDeliveryCsv;
export const linkMilestoneEpicAction = linkMilestoneEpic;
