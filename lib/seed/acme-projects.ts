import type { ProjectStatus } from "@/lib/generated/prisma/enums";

// Acme's projects. Week offsets are relative to `today`, so the demo always looks current.
// profile = how health evolves over the updates: steady, dipped and recovered, slid to at risk,
// slid to off track. `stale` = weeks since the last update (the update cadence is weekly).

type HealthProfile = "on" | "dip" | "risk" | "off";

export type ProjectSpec = {
  name: string;
  team: string;
  initiative: number | null;
  status: ProjectStatus;
  profile: HealthProfile;
  start: number;
  target: number;
  done?: number;
  stale?: number;
  budgetK?: number;
  capex?: boolean;
  description: string;
};

export const ACME_PROJECTS: ProjectSpec[] = [
  { name: "Multi-region Fleet Control Plane", team: "ENG-PLAT-INFRA", initiative: 0, status: "ACTIVE", profile: "risk", start: -22, target: 8, budgetK: 420, description: "Run the fleet control plane active-active in two regions so a regional outage no longer stops robots." },
  { name: "Robot Telemetry Pipeline v2", team: "ENG-PLAT-DATA", initiative: 0, status: "ACTIVE", profile: "on", start: -26, target: 6, budgetK: 310, description: "Replace the batch telemetry jobs with a streaming pipeline (sub-minute freshness)." },
  { name: "SLO Program & Error Budgets", team: "ENG-PLAT-SRE", initiative: 0, status: "ACTIVE", profile: "on", start: -20, target: 10, description: "Define SLOs for every customer-facing service and wire error budgets into release gating." },
  { name: "OTA Update Rollback Safety", team: "ENG-AUTO-FW", initiative: 0, status: "ACTIVE", profile: "off", start: -18, target: 2, capex: true, budgetK: 260, description: "A/B firmware partitions with automatic rollback when a robot fails its post-update health check." },
  { name: "Incident Response Automation", team: "ENG-PLAT-SRE", initiative: 0, status: "DONE", profile: "on", start: -30, target: -4, done: -5, description: "Paging, incident channels and status-page updates driven from one incident command." },
  { name: "Perception Model v3", team: "ENG-AUTO-PERC", initiative: 1, status: "ACTIVE", profile: "risk", start: -26, target: 12, budgetK: 900, description: "Transformer backbone for the perception stack; better pallet and person detection in low light." },
  { name: "Dynamic Obstacle Avoidance", team: "ENG-AUTO-NAV", initiative: 1, status: "ACTIVE", profile: "on", start: -24, target: 10, description: "Predict moving obstacles (people, forklifts) and replan around them instead of stopping." },
  { name: "Lidar–Camera Calibration Toolkit", team: "ENG-AUTO-PERC", initiative: 1, status: "ACTIVE", profile: "on", start: -16, target: 4, stale: 3, description: "Self-serve calibration for field technicians, replacing the factory-only procedure." },
  { name: "Path Planner Rewrite", team: "ENG-AUTO-NAV", initiative: 1, status: "ACTIVE", profile: "off", start: -20, target: 6, budgetK: 350, description: "Rewrite the global planner in Rust for deterministic latency under load." },
  { name: "Motor Controller Firmware 4.0", team: "ENG-AUTO-FW", initiative: 1, status: "ACTIVE", profile: "on", start: -14, target: 14, stale: 4, capex: true, description: "New torque control loop and diagnostics for the Gen-4 drive unit." },
  { name: "SSO & SCIM Provisioning", team: "ENG-PROD-INTEG", initiative: 2, status: "ACTIVE", profile: "on", start: -16, target: 4, description: "SAML/OIDC single sign-on and SCIM user provisioning for enterprise customers." },
  { name: "Audit Log Export", team: "ENG-PROD-CONSOLE", initiative: 2, status: "DONE", profile: "on", start: -20, target: -2, done: -3, description: "Customers can stream console audit logs to their SIEM." },
  { name: "Usage-based Billing", team: "ENG-PROD-BILL", initiative: 2, status: "ACTIVE", profile: "risk", start: -18, target: 6, budgetK: 280, description: "Bill per robot-hour from metered telemetry instead of flat seats." },
  { name: "ERP Connector (SAP)", team: "ENG-PROD-INTEG", initiative: 2, status: "ACTIVE", profile: "on", start: -12, target: 10, stale: 2, description: "Sync pick orders and inventory with SAP EWM." },
  { name: "Role-based Access in Console", team: "ENG-PROD-CONSOLE", initiative: 2, status: "ACTIVE", profile: "dip", start: -14, target: 3, description: "Custom roles and site-level permissions for operator accounts." },
  { name: "Kubernetes Right-sizing", team: "ENG-PLAT-INFRA", initiative: 3, status: "ACTIVE", profile: "on", start: -8, target: 6, description: "Autoscale node pools from real usage; retire the oversized legacy clusters." },
  { name: "GPU Spot Scheduling for Training", team: "ENG-AUTO-SIM", initiative: 3, status: "ACTIVE", profile: "risk", start: -7, target: 6, description: "Run training and simulation batches on spot GPUs with checkpoint/resume." },
  { name: "Log Retention Tiering", team: "ENG-PLAT-SRE", initiative: 3, status: "ACTIVE", profile: "on", start: -6, target: 5, description: "Hot/warm/cold log tiers; 30-day hot retention instead of 90." },
  { name: "SOC 2 Evidence Automation", team: "ENG-PLAT-SEC", initiative: 4, status: "DONE", profile: "dip", start: -26, target: -8, done: -8, description: "Collect audit evidence automatically from cloud, HR and ticketing systems." },
  { name: "Secrets Management Migration", team: "ENG-PLAT-SEC", initiative: 4, status: "DONE", profile: "on", start: -24, target: -9, done: -10, description: "Move every service secret into Vault with short-lived credentials." },
  { name: "Guided Robot Setup in Field App", team: "ENG-PROD-MOBILE", initiative: 5, status: "ACTIVE", profile: "off", start: -9, target: 4, description: "Step-by-step commissioning of a new robot from a phone: Wi-Fi, map, first mission." },
  { name: "Self-serve Account Signup", team: "ENG-PROD-BILL", initiative: 5, status: "ACTIVE", profile: "on", start: -7, target: 8, description: "Sign up, verify and pay by card without talking to sales." },
  { name: "Fleet Provisioning API", team: "ENG-PROD-FLEET", initiative: 5, status: "ACTIVE", profile: "on", start: -9, target: 7, stale: 2, description: "Public API to register robots and assign them to sites in bulk." },
  { name: "Scenario Library & Replay", team: "ENG-AUTO-SIM", initiative: 6, status: "ACTIVE", profile: "on", start: -15, target: 9, description: "Turn field incidents into replayable simulation scenarios in one click." },
  { name: "Sim-to-Real Validation Harness", team: "ENG-AUTO-SIM", initiative: 6, status: "ACTIVE", profile: "risk", start: -12, target: 10, stale: 3, budgetK: 180, description: "Compare simulated and real runs of the same mission to keep the simulator honest." },
  { name: "Distributed Sim Runner", team: "ENG-PLAT-DEVEX", initiative: 6, status: "ACTIVE", profile: "on", start: -10, target: 6, description: "Shard simulation suites across hundreds of workers from CI." },
  { name: "Console Design System", team: "ENG-PROD-CONSOLE", initiative: 7, status: "PLANNED", profile: "on", start: 3, target: 20, description: "Shared components and tokens for every console screen." },
  { name: "Live Fleet Map", team: "ENG-PROD-FLEET", initiative: 7, status: "PLANNED", profile: "on", start: 6, target: 24, description: "Real-time map of every robot on a site, with mission overlays." },
  { name: "CI Build Time Reduction", team: "ENG-PLAT-DEVEX", initiative: null, status: "ACTIVE", profile: "on", start: -12, target: 4, description: "Remote caching and test sharding: main-branch CI under 10 minutes." },
  { name: "Android 15 Support in Field App", team: "ENG-PROD-MOBILE", initiative: null, status: "PAUSED", profile: "risk", start: -20, target: 8, stale: 5, description: "Paused while the team focuses on guided setup; resumes next quarter." },
];

/** blocker → blocked, by project name; chosen to cross teams and to contain no cycle. */
export const ACME_DEPENDENCIES: [string, string, string][] = [
  ["Robot Telemetry Pipeline v2", "Sim-to-Real Validation Harness", "Needs replayable telemetry from the streaming pipeline."],
  ["Robot Telemetry Pipeline v2", "Usage-based Billing", "Robot-hour metering reads from the new pipeline."],
  ["Multi-region Fleet Control Plane", "Fleet Provisioning API", "The public API must be served from both regions."],
  ["SSO & SCIM Provisioning", "Self-serve Account Signup", "Signup reuses the new identity service."],
  ["Perception Model v3", "Dynamic Obstacle Avoidance", "Obstacle prediction consumes v3 tracks."],
  ["Distributed Sim Runner", "Scenario Library & Replay", "Replays run on the distributed runner."],
  ["Kubernetes Right-sizing", "GPU Spot Scheduling for Training", "Spot GPU pools live in the new node-pool layout."],
];
