import type { SxProps, Theme } from '@mui/material';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import { DateTimePicker } from '@mui/x-date-pickers/DateTimePicker';
import { format, isValid, parse } from 'date-fns';
import { useState } from 'react';

/** What a field holds: a moment to the minute, a day, or a month. */
export type DateTimeInputMode = 'dateTime' | 'date' | 'month';

/**
 * How each mode is shown and typed on every screen, whatever the operating system's language,
 * and how its value is written in the form's state and in the address (the native inputs' forms,
 * which the domain's checks already read).
 */
const FORMATS: Readonly<Record<DateTimeInputMode, { shown: string; value: string }>> = {
  dateTime: { shown: 'yyyy-MM-dd HH:mm', value: "yyyy-MM-dd'T'HH:mm" },
  date: { shown: 'yyyy-MM-dd', value: 'yyyy-MM-dd' },
  month: { shown: 'yyyy-MM', value: 'yyyy-MM' },
};

/** A value string as the picker's date (a wall-clock carrier; the desk's time zone is applied by the domain). */
export function dateTimeInputParse(value: string, mode: DateTimeInputMode): Date | null {
  if (value === '') return null;
  const date = parse(value, FORMATS[mode].value, new Date(2000, 0, 1));
  return isValid(date) ? date : null;
}

/** The picker's date as a value string; '' while the field is empty or half typed. */
export function dateTimeInputFormat(date: Date | null, mode: DateTimeInputMode): string {
  return date && isValid(date) ? format(date, FORMATS[mode].value) : '';
}

export interface DateTimeInputProps {
  readonly label: string;
  /** `2026-04-30T09:00`, `2026-04-30` or `2026-04`, by mode; '' when empty. */
  readonly value: string;
  /** Called with a whole value, or '' when the field is cleared or not yet complete. */
  readonly onChange: (value: string) => void;
  readonly mode?: DateTimeInputMode;
  readonly name?: string;
  readonly required?: boolean;
  readonly autoFocus?: boolean;
  readonly error?: boolean;
  readonly helperText?: string;
  readonly size?: 'small' | 'medium';
  readonly fullWidth?: boolean;
  /**
   * Leaves the field out of the Tab sequence: it is still reached by a click, or by a shortcut
   * that focuses the element named `name` (the picker moves the focus into its sections).
   */
  readonly outOfTabOrder?: boolean;
  readonly sx?: SxProps<Theme>;
}

/**
 * The one date and time field of the desk (MUI X pickers, date-fns): typed as
 * `2026-04-30 09:00` with a calendar beside it. A native input would follow the operating
 * system's language (`04/30/2026 09:00 AM` on an English Windows).
 */
export function DateTimeInput({
  label,
  value,
  onChange,
  mode = 'dateTime',
  name,
  required,
  autoFocus,
  error,
  helperText,
  size,
  fullWidth = true,
  outOfTabOrder,
  sx,
}: Readonly<DateTimeInputProps>) {
  // The picker keeps its own date while a value is half typed (reported as ''), so the sections
  // typed so far are not wiped. A value from outside (cleared, the address) replaces it, but
  // not the echo of one this field reported while typing on: an address updates a moment
  // later, when the next digit may already have made another date.
  const [date, setDate] = useState<Date | null>(() => dateTimeInputParse(value, mode));
  const [seen, setSeen] = useState(value);
  const [echoes, setEchoes] = useState<readonly string[]>([]);
  if (seen !== value) {
    setSeen(value);
    if (echoes.includes(value)) {
      if (echoes.at(-1) === value) setEchoes([]);
    } else {
      setEchoes([]);
      if (value !== dateTimeInputFormat(date, mode)) setDate(dateTimeInputParse(value, mode));
    }
  }
  const change = (next: Date | null) => {
    setDate(next);
    const text = dateTimeInputFormat(next, mode);
    if (text !== value) {
      setEchoes((sent) => [...sent, text]);
      onChange(text);
    }
  };
  const common = {
    label,
    value: date,
    onChange: change,
    format: FORMATS[mode].shown,
    autoFocus,
    slotProps: {
      textField: {
        name,
        required,
        error,
        helperText,
        size,
        fullWidth,
        sx,
        ...(outOfTabOrder ? { tabIndex: -1 } : {}),
      },
      openPickerButton: outOfTabOrder ? { tabIndex: -1 } : {},
    },
  };
  if (mode === 'dateTime') {
    return <DateTimePicker {...common} ampm={false} timeSteps={{ minutes: 1 }} />;
  }
  return (
    <DatePicker
      {...common}
      views={mode === 'month' ? ['year', 'month'] : ['year', 'month', 'day']}
      openTo={mode === 'month' ? 'month' : 'day'}
    />
  );
}
