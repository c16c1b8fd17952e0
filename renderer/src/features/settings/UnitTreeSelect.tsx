import { TextField } from '@mui/material';
import type { UnitId } from '@shared/kernel/brand';
import type { UnitTreeRow } from '@shared/organisation/units';

export interface UnitTreeSelectProps {
  readonly label: string;
  readonly value: UnitId | '';
  readonly onChange: (value: UnitId | '') => void;
  /** The words of the empty choice (no unit, or top level). */
  readonly noneLabel: string;
  /** The units offered, in tree order; each is shown by its path. */
  readonly rows: readonly UnitTreeRow[];
  readonly error: string | undefined;
}

/** Chooses one unit of the tree, or none: a staff member's unit, a unit's parent. */
export function UnitTreeSelect(props: Readonly<UnitTreeSelectProps>) {
  const { label, value, onChange, noneLabel, rows, error } = props;
  return (
    <TextField
      select
      label={label}
      value={value}
      // The options' values are the rows' ids and ''.
      onChange={(e) => onChange(e.target.value as UnitId | '')}
      error={Boolean(error)}
      helperText={error}
      slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
    >
      <option value="">{noneLabel}</option>
      {rows.map((row) => (
        <option key={row.unit.id} value={row.unit.id}>
          {row.path.join(' / ')}
        </option>
      ))}
    </TextField>
  );
}
