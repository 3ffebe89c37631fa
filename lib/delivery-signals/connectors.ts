import { githubConnector } from "@/lib/delivery-signals/github";
import { jiraConnector } from "@/lib/delivery-signals/jira";
import { linearConnector } from "@/lib/delivery-signals/linear";
import type { Connector } from "@/lib/delivery-signals/types";
import type { DeliverySourceKind } from "@/lib/generated/prisma/enums";

/** The adapter for each kind of source, all behind the one Connector interface. */
export const CONNECTORS: Record<DeliverySourceKind, Connector> = {
  JIRA: jiraConnector,
  LINEAR: linearConnector,
  GITHUB: githubConnector,
};
