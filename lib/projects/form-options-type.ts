/** The choices the project form loads when it opens (units the member may write, initiatives). */
export type ProjectFormOptions = {
  units: { id: string; name: string; code: string; depth: number }[];
  initiatives: { id: string; name: string }[];
};
