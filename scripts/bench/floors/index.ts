import { type FloorInput, type Q, q } from "./common";
import { dashboard } from "./dashboard";
import { projectPage, projectsList, roadmap, roadmapBoard } from "./delivery";
import { headcount } from "./headcount";
import { finance } from "./money";

export { type FloorInput, runFloor } from "./common";

export const FLOOR_FRAMEWORK: (f: FloorInput) => Q[] = (f) => [q(`SELECT id, name, slug FROM "Organization" WHERE id = $1`, f.orgId)];

export function pageFloors(f: FloorInput): Record<string, Q[]> {
  return {
    "dashboard-org": dashboard(f, null),
    "dashboard-dept": dashboard(f, f.deptId),
    "finance-year": finance(f),
    "projects-filtered": projectsList(f),
    roadmap: roadmap(f),
    "roadmap-board": roadmapBoard(f),
    headcount: headcount(f),
    "project-page": projectPage(f),
  };
}
