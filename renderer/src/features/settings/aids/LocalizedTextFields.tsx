import { Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { LocalizedText } from '@shared/rules/rules';
import type { AidsError } from '@shared/intake/hotline-aids';

export interface LocalizedTextFieldsProps {
  /** What the text is ("开场白"); the fields are labelled "开场白（中文）" and "开场白（英文）". */
  readonly label: string;
  readonly value: LocalizedText;
  readonly onChange: (next: LocalizedText) => void;
  /** Where this text sits in the checked value, e.g. `closings.1`, to find its errors. */
  readonly path: string;
  readonly errors: readonly AidsError[];
  readonly disabled: boolean;
  readonly multiline?: boolean;
}

/** One text of the rules in both languages, side by side. */
export function LocalizedTextFields(props: Readonly<LocalizedTextFieldsProps>) {
  const { t } = useTranslation();
  const { label, value, onChange, path, errors, disabled, multiline = false } = props;
  const errorFor = (lang: 'zh' | 'en') => {
    const error = errors.find((e) => e.path === `${path}.${lang}`);
    return error ? t(`settings.aids.errors.${error.code}`, { max: error.max }) : undefined;
  };
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ flex: 1 }}>
      {(['zh', 'en'] as const).map((lang) => (
        <TextField
          key={lang}
          label={t(`settings.aids.${lang}`, { field: label })}
          value={value[lang]}
          onChange={(e) => onChange({ ...value, [lang]: e.target.value })}
          error={Boolean(errorFor(lang))}
          helperText={errorFor(lang)}
          disabled={disabled}
          multiline={multiline}
          lang={lang === 'zh' ? 'zh-CN' : 'en'}
          sx={{ flex: 1 }}
        />
      ))}
    </Stack>
  );
}
