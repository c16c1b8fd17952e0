import { Box, Button, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { aidsScriptsCheck } from '@shared/intake/hotline-aids';
import type { CallScripts } from '@shared/rules/rules';
import { useCanEditSettings } from '../useCanEditSettings';
import { AidsRemoveButton } from './AidsRemoveButton';
import { AidsSection } from './AidsSection';
import { LocalizedTextFields } from './LocalizedTextFields';
import { useAidsDraft } from './useAidsDraft';

const EMPTY_TEXT = { zh: '', en: '' };

/** The opening and closing lines the clerk reads at intake (rules.scripts). */
export function ScriptsEditor() {
  const { t } = useTranslation();
  const canEdit = useCanEditSettings('settings.aids');
  // `null`: the desk uses no scripts.
  const { draft, edit, errors, status, saving, save } = useAidsDraft<CallScripts | null>({
    fromRules: (rules) => rules.scripts ?? null,
    check: (scripts) => (scripts ? aidsScriptsCheck(scripts) : []),
    toChange: (scripts) => ({ scripts }),
  });

  return (
    <AidsSection
      titleId="aids-scripts-title"
      title={t('settings.aids.scripts')}
      intro={t('settings.aids.scriptsIntro')}
      onSubmit={save}
      saving={saving}
      saveLabel={t('settings.aids.saveScripts')}
      status={status}
    >
      {draft === null ? (
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <Typography>{t('settings.aids.noScripts')}</Typography>
          {canEdit ? (
            <Button onClick={() => edit({ opening: EMPTY_TEXT, closings: [EMPTY_TEXT] })}>
              {t('settings.aids.addScripts')}
            </Button>
          ) : null}
        </Stack>
      ) : (
        <Stack spacing={2}>
          <LocalizedTextFields
            label={t('settings.aids.opening')}
            value={draft.opening}
            onChange={(opening) => edit({ ...draft, opening })}
            path="opening"
            errors={errors}
            disabled={!canEdit}
            multiline
          />
          {draft.closings.map((closing, i) => {
            const n = i + 1;
            return (
              <Stack key={i} direction="row" spacing={1} sx={{ alignItems: 'flex-start' }}>
                <LocalizedTextFields
                  label={t('settings.aids.closing', { n })}
                  value={closing}
                  onChange={(text) =>
                    edit({ ...draft, closings: draft.closings.map((c, j) => (j === i ? text : c)) })
                  }
                  path={`closings.${i}`}
                  errors={errors}
                  disabled={!canEdit}
                  multiline
                />
                {canEdit ? (
                  <AidsRemoveButton
                    label={t('settings.aids.removeClosing', { n })}
                    onClick={() =>
                      edit({ ...draft, closings: draft.closings.filter((_, j) => j !== i) })
                    }
                  />
                ) : null}
              </Stack>
            );
          })}
          {canEdit ? (
            <Box>
              <Button onClick={() => edit({ ...draft, closings: [...draft.closings, EMPTY_TEXT] })}>
                {t('settings.aids.addClosing')}
              </Button>
              <Button color="warning" onClick={() => edit(null)}>
                {t('settings.aids.removeScripts')}
              </Button>
            </Box>
          ) : null}
        </Stack>
      )}
    </AidsSection>
  );
}
