import { Box, Button, Chip, Link, Paper, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { KnowledgeEntity } from '@shared/model/entities';
import { rulesCategoryPath, rulesKind, rulesLabel } from '@shared/rules/rules-query';
import { useDeskState } from '../../desk/desk-state';
import { formatDateTime } from '../../vocabulary/format';

export interface KnowledgeEntryCardProps {
  readonly entry: KnowledgeEntity;
  readonly onEdit: () => void;
  readonly onSetActive: (active: boolean) => void;
}

/** One entry of the knowledge page: question, answer, what it applies to, its actions. */
export function KnowledgeEntryCard({
  entry,
  onEdit,
  onSetActive,
}: Readonly<KnowledgeEntryCardProps>) {
  const { t } = useTranslation();
  const { rules, locale, deadlineContext } = useDeskState();
  const label = (text: Parameters<typeof rulesLabel>[0]) => rulesLabel(text, locale);
  const kind = entry.kindId ? rulesKind(rules, entry.kindId) : undefined;
  const category =
    entry.kindId && entry.categoryId
      ? rulesCategoryPath(rules, entry.kindId, entry.categoryId).map((c) => label(c.label))
      : [];
  const headingId = `knowledge-${entry.id}`;
  return (
    <Paper
      component="li"
      variant="outlined"
      aria-labelledby={headingId}
      sx={{ p: 2, listStyle: 'none', opacity: entry.active ? 1 : 0.6 }}
    >
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography
          id={headingId}
          variant="subtitle1"
          component="h2"
          sx={{ fontWeight: 600, flexGrow: 1 }}
        >
          {entry.question}
        </Typography>
        {entry.active ? null : <Chip size="small" label={t('knowledge.inactive')} />}
        <Box role="group" aria-label={t('knowledge.actionsFor', { question: entry.question })}>
          <Button size="small" onClick={onEdit}>
            {t('knowledge.edit')}
          </Button>
          <Button
            size="small"
            color={entry.active ? 'warning' : 'primary'}
            onClick={() => onSetActive(!entry.active)}
          >
            {entry.active ? t('knowledge.deactivate') : t('knowledge.reactivate')}
          </Button>
        </Box>
      </Stack>
      <Typography sx={{ whiteSpace: 'pre-wrap', mt: 1 }}>{entry.answer}</Typography>
      <Stack
        direction="row"
        spacing={2}
        sx={{ mt: 1, color: 'text.secondary', typography: 'body2', alignItems: 'center' }}
      >
        {kind ? <span>{[label(kind.label), ...category].join(' / ')}</span> : null}
        <span>
          {t('knowledge.updated', {
            at: formatDateTime(entry.updatedAt, deadlineContext.timeZone),
          })}
        </span>
        {entry.sourceCaseId ? (
          <Link component={RouterLink} to={`/cases/${entry.sourceCaseId}`}>
            {t('knowledge.fromCase')}
          </Link>
        ) : null}
      </Stack>
    </Paper>
  );
}
