import { TextField } from '@mui/material';
import type { ChangeEvent } from 'react';

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

export interface SelectOptionGroup {
  readonly label: string;
  readonly options: readonly SelectOption[];
}

export interface SelectFieldProps {
  readonly name: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Options at the top level, then groups (a two-level list such as the final causes). */
  readonly options: readonly SelectOption[];
  readonly groups?: readonly SelectOptionGroup[];
  /** The text of the empty first option, when the field starts unchosen. */
  readonly placeholder?: string;
  readonly error?: boolean;
  readonly helperText?: string;
  readonly required?: boolean;
}

/** A labelled native select (quick with the keyboard, and its label is its accessible name). */
export function SelectField({
  name,
  label,
  value,
  onChange,
  options,
  groups = [],
  placeholder,
  error,
  helperText,
  required,
}: Readonly<SelectFieldProps>) {
  return (
    <TextField
      select
      name={name}
      label={label}
      value={value}
      onChange={(event: ChangeEvent<HTMLInputElement>) => onChange(event.target.value)}
      error={error}
      helperText={helperText}
      required={required}
      slotProps={{ select: { native: true }, inputLabel: { shrink: true } }}
    >
      {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
      {groups.map((group) => (
        <optgroup key={group.label} label={group.label}>
          {group.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </optgroup>
      ))}
    </TextField>
  );
}
