import { ChartGantt, FolderKanban, IdCard, LayoutDashboard, type LucideIcon, Network, Settings, Store, Wallet } from "lucide-react";

export type NavItem = { area: string; label: string; icon: LucideIcon };
export type NavSection = { label: string | null; items: NavItem[] };

// Every area lives at /{org}/{area}; the sidebar and the active-item check both read this list.
export const NAV_SECTIONS: NavSection[] = [
  { label: null, items: [{ area: "dashboard", label: "Dashboard", icon: LayoutDashboard }] },
  {
    label: "Delivery",
    items: [
      { area: "teams", label: "Teams", icon: Network },
      { area: "roadmap", label: "Roadmap", icon: ChartGantt },
      { area: "projects", label: "Projects", icon: FolderKanban },
    ],
  },
  {
    label: "Money & people",
    items: [
      { area: "budgets", label: "Budgets", icon: Wallet },
      { area: "headcount", label: "Headcount", icon: IdCard },
      { area: "vendors", label: "Vendors", icon: Store },
    ],
  },
];

export const SETTINGS_ITEM: NavItem = { area: "settings", label: "Settings", icon: Settings };
