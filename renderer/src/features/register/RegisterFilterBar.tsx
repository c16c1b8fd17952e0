import { Box, Button, Checkbox, FormControlLabel, Paper, TextField } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STATUSES } from '@shared/model/entities';
import type {
  RegisterFilter,
  RegisterFilterError,
  RegisterFilterField,
} from '@shared/register/query';
import { rulesLabel } from '@shared/rules/rules-query';
import { registerHandlerNames } from '../../db/repos/register';
import { unitList } from '../../db/repos/units';
import { useDeskState } from '../../desk/desk-state';
import { useDeskServices } from '../../desk/services';
import { DateTimeInput } from '../../ui/DateTimeInput';
import { useRegisterDesks } from './useRegisterDesks';

/** How long typing pauses before the search runs. */
const SEARCH_DEBOUNCE_MS = 300;

export interface RegisterFilterBarProps {
  readonly filter: RegisterFilter;
  readonly errors: readonly RegisterFilterError[];
  readonly onChange: (patch: Partial<RegisterFilter>) => void;
  readonly onClear?: () => void;
  /** Arrow down in the search box moves into the table. */
  readonly onSearchArrowDown: () => void;
}

/** The register's filters: every control labelled, every change kept in the address. */
export function RegisterFilterBar({
  filter,
  errors,
  onChange,
  onClear,
  onSearchArrowDown,
}: Readonly<RegisterFilterBarProps>) {
  const { t } = useTranslation();
  const { rules, locale } = useDeskState();
  const { db } = useDeskServices();
  const units = useLiveQuery(() => unitList(db), [db]) ?? [];
  const handlers = useLiveQuery(() => registerHandlerNames(db), [db]) ?? [];
  const desks = useRegisterDesks();
  const label = (text: Parameters<typeof rulesLabel>[0]) => rulesLabel(text, locale);

  // The search box keeps what is typed; the address follows after a pause. When the address
  // changes otherwise (cleared, back button), the box follows it.
  const urlText = filter.text ?? '';
  const [text, setText] = useState(urlText);
  const [seenUrlText, setSeenUrlText] = useState(urlText);
  if (seenUrlText !== urlText) {
    setSeenUrlText(urlText);
    setText(urlText);
  }
  useEffect(() => {
    if (text === urlText) return;
    const timer = setTimeout(() => onChange({ text }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, urlText, onChange]);

  const problem = (field: RegisterFilterField): { error?: boolean; helperText?: string } => {
    const error = errors.find((e) => e.field === field);
    return error ? { error: true, helperText: t(`register.errors.${error.code}`) } : {};
  };
  const select = (field: RegisterFilterField, labelText: string, width = 130) => ({
    select: true,
    size: 'small' as const,
    label: labelText,
    value: (filter[field] as string | undefined) ?? '',
    onChange: (e: { target: { value: string } }) =>
      onChange({
        [field]: e.target.value || undefined,
        // A category belongs to a kind: changing the kind clears it.
        ...(field === 'kindId' ? { categoryId: undefined } : {}),
      }),
    slotProps: { select: { native: true }, inputLabel: { shrink: true } },
    sx: { width },
    ...problem(field),
  });
  const date = (field: 'receivedFrom' | 'receivedTo', labelText: string) => ({
    mode: 'date' as const,
    size: 'small' as const,
    label: labelText,
    value: filter[field] ?? '',
    onChange: (value: string) => onChange({ [field]: value || undefined }),
    fullWidth: false,
    sx: { width: 170 },
    ...problem(field),
  });
  const any = <option value="">{t('register.filters.any')}</option>;
  const kinds = rules.kinds.filter((k) => !filter.kindId || k.id === filter.kindId);
  const searchKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      onSearchArrowDown();
    }
    if (event.key === 'Enter') onChange({ text });
  };

  return (
    <Paper
      component="section"
      aria-label={t('register.filters.label')}
      sx={{ p: 2, mb: 2, display: 'flex', flexWrap: 'wrap', gap: 1.5, alignItems: 'flex-start' }}
    >
      <TextField
        size="small"
        type="search"
        label={t('register.filters.search')}
        placeholder={t('register.filters.searchHelp')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={searchKeyDown}
        slotProps={{ inputLabel: { shrink: true } }}
        sx={{ width: 300 }}
      />
      <DateTimeInput {...date('receivedFrom', t('register.filters.receivedFrom'))} />
      <DateTimeInput {...date('receivedTo', t('register.filters.receivedTo'))} />
      <TextField {...select('kindId', t('register.filters.kind'), 110)}>
        {any}
        {rules.kinds.map((k) => (
          <option key={k.id} value={k.id}>
            {label(k.label)}
          </option>
        ))}
      </TextField>
      <TextField {...select('categoryId', t('register.filters.category'), 170)}>
        {any}
        {kinds.map((k) => (
          <optgroup key={k.id} label={label(k.label)}>
            {k.categories.flatMap((c) => [
              <option key={c.id} value={c.id}>
                {label(c.label)}
              </option>,
              ...(c.children ?? []).map((child) => (
                <option key={child.id} value={child.id}>
                  {`\u3000${label(child.label)}`}
                </option>
              )),
            ])}
          </optgroup>
        ))}
      </TextField>
      <TextField {...select('levelId', t('register.filters.level'), 110)}>
        {any}
        {rules.levels.map((l) => (
          <option key={l.id} value={l.id}>
            {label(l.label)}
          </option>
        ))}
      </TextField>
      <TextField {...select('status', t('register.filters.status'), 120)}>
        {any}
        <option value="open">{t('register.filters.open')}</option>
        {CASE_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`status.${s}`)}
          </option>
        ))}
      </TextField>
      <TextField {...select('unitId', t('register.filters.unit'), 140)}>
        {any}
        {units.map((u) => (
          <option key={u.id} value={u.id}>
            {u.name}
          </option>
        ))}
      </TextField>
      <TextField {...select('handlerName', t('register.filters.handler'), 120)}>
        {any}
        {handlers.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </TextField>
      {desks.shown || filter.deskCode ? (
        <TextField {...select('deskCode', t('register.filters.desk'), 170)}>
          {any}
          {desks.desks.map((d) => (
            <option key={d.code} value={d.code}>
              {`${d.code} ${d.name}`}
            </option>
          ))}
        </TextField>
      ) : null}
      <TextField {...select('channelId', t('register.filters.channel'), 120)}>
        {any}
        {rules.channels.map((c) => (
          <option key={c.id} value={c.id}>
            {label(c.label)}
          </option>
        ))}
      </TextField>
      <FormControlLabel
        sx={{ ml: 0 }}
        control={
          <Checkbox
            size="small"
            checked={filter.overdue ?? false}
            onChange={(e) => onChange({ overdue: e.target.checked || undefined })}
          />
        }
        label={t('register.filters.overdue')}
      />
      <Box sx={{ flexGrow: 1 }} />
      {onClear ? (
        <Button onClick={onClear} sx={{ alignSelf: 'center' }}>
          {t('register.filters.clear')}
        </Button>
      ) : null}
    </Paper>
  );
}
