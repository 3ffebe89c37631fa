import { UnitFilter } from "@/components/forms/search-field";
import { Button } from "@/components/ui/button";
import { FilterField } from "@/components/ui/filter-form";
import { NativeSelect } from "@/components/ui/native-select";
import { fiscalYearLabel } from "@/lib/fiscal";

/**
 * Unit subtree and fiscal year, as a GET form: the view lives in the URL and can be shared. The
 * unit is searched as you type (/[org]/teams/search, by name or code), not listed in the page.
 */
export function PlanFilter({
  org,
  unit,
  years,
  fiscalYear,
}: {
  org: string;
  unit: { id: string; name: string } | null;
  years: number[];
  fiscalYear: number;
}) {
  return (
    <form method="get" className="flex flex-wrap items-end gap-3" aria-label="Headcount filters">
      <UnitFilter org={org} id="unit" initial={unit} className="w-64" />
      <FilterField id="fy" label="Fiscal year">
        <NativeSelect id="fy" name="fy" defaultValue={String(fiscalYear)} className="w-32">
          {years.map((y) => (
            <option key={y} value={y}>
              {fiscalYearLabel(y)}
            </option>
          ))}
        </NativeSelect>
      </FilterField>
      <Button type="submit" variant="outline">
        Show
      </Button>
    </form>
  );
}
