import { Button } from "@/components/ui/button";
import { NativeSelect } from "@/components/ui/native-select";
import { OptionListSelect } from "@/components/ui/option-list-select";
import { fiscalYearLabel } from "@/lib/fiscal";

/** Unit subtree and fiscal year, as a GET form: the view lives in the URL and can be shared. */
export function PlanFilter({ units, unitId, years, fiscalYear }: {
  units: { id: string; name: string; code: string; depth: number }[];
  unitId: string | null;
  years: number[];
  fiscalYear: number;
}) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-3">
      <div className="space-y-1">
        <label htmlFor="unit" className="text-xs font-medium text-muted-foreground">Org unit</label>
        <OptionListSelect
          id="unit"
          name="unit"
          defaultValue={unitId ?? ""}
          className="w-64"
          options={[["", "Whole organization"], ...units.map((u) => [u.id, `${u.name} (${u.code})`, u.depth] as const)]}
        />
      </div>
      <div className="space-y-1">
        <label htmlFor="fy" className="text-xs font-medium text-muted-foreground">Fiscal year</label>
        <NativeSelect id="fy" name="fy" defaultValue={String(fiscalYear)} className="w-32">
          {years.map((y) => (
            <option key={y} value={y}>{fiscalYearLabel(y)}</option>
          ))}
        </NativeSelect>
      </div>
      <Button type="submit" variant="outline">Show</Button>
    </form>
  );
}
