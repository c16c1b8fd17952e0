import {
  Alert,
  Box,
  Button,
  Checkbox,
  FormControlLabel,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { KnowledgeEntity } from '@shared/model/entities';
import { KNOWLEDGE_DRAFT_EMPTY } from '@shared/intake/knowledge';
import { knowledgeSearch, knowledgeUpdate } from '../../db/repos/knowledge';
import { useDeskSession } from '../../desk/desk-session';
import { useDeskServices } from '../../desk/services';
import { useDeskState } from '../../desk/desk-state';
import { useErrorMessage } from '../../desk/useErrorMessage';
import { KnowledgeDialog, type KnowledgeDialogMode } from './KnowledgeDialog';
import { KnowledgeEntryCard } from './KnowledgeEntryCard';

/** How many entries the page lists at once; a search narrows it down. */
const PAGE_LIMIT = 200;

/** The knowledge base (知识库): search, add, edit and deactivate standard answers. */
export function KnowledgePage() {
  const { t } = useTranslation();
  const { db } = useDeskServices();
  const session = useDeskSession();
  const { operator } = useDeskState();
  const errorMessage = useErrorMessage();
  // `?q=` comes from the case page's link to an entry it added.
  const [params] = useSearchParams();
  const [query, setQuery] = useState(() => params.get('q') ?? '');
  const [showInactive, setShowInactive] = useState(false);
  const [dialog, setDialog] = useState<KnowledgeDialogMode | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const text = useDeferredValue(query);
  const entries = useLiveQuery(
    () =>
      knowledgeSearch(db, {
        text,
        limit: PAGE_LIMIT,
        includeInactive: showInactive,
        viewer: operator,
      }),
    [db, text, showInactive, operator],
  );

  const setActive = async (entry: KnowledgeEntity, active: boolean) => {
    setFailure(null);
    try {
      await knowledgeUpdate(session, entry.id, { active });
    } catch (error) {
      setFailure(t('knowledge.failed', { reason: errorMessage(error) }));
    }
  };

  const initial =
    dialog?.type === 'edit'
      ? {
          question: dialog.entry.question,
          answer: dialog.entry.answer,
          kindId: dialog.entry.kindId ?? '',
          categoryId: dialog.entry.categoryId ?? '',
        }
      : KNOWLEDGE_DRAFT_EMPTY;

  return (
    <Box sx={{ maxWidth: 1100 }}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ flexGrow: 1 }}>
          {t('knowledge.title')}
        </Typography>
        <Button variant="contained" onClick={() => setDialog({ type: 'add' })}>
          {t('knowledge.add')}
        </Button>
      </Stack>
      <Typography color="text.secondary" sx={{ mt: 1, mb: 2 }}>
        {t('knowledge.intro')}
      </Typography>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
        <TextField
          type="search"
          label={t('knowledge.search')}
          helperText={t('knowledge.searchHelp')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          sx={{ flex: 1 }}
        />
        <FormControlLabel
          control={
            <Checkbox checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} />
          }
          label={t('knowledge.showInactive')}
          sx={{ mb: 2.5 }}
        />
      </Stack>
      <Box aria-live="polite">
        {failure ? (
          <Alert severity="error" sx={{ mb: 2 }}>
            {failure}
          </Alert>
        ) : null}
        {entries && entries.length === 0 ? (
          <Typography color="text.secondary">
            {text.trim() === '' ? t('knowledge.empty') : t('knowledge.noResults', { query: text })}
          </Typography>
        ) : null}
        {entries && entries.length > 0 ? (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {t('knowledge.count', { count: entries.length })}
          </Typography>
        ) : null}
      </Box>
      <Stack component="ul" spacing={1} aria-label={t('knowledge.listLabel')} sx={{ p: 0, m: 0 }}>
        {(entries ?? []).map((entry) => (
          <KnowledgeEntryCard
            key={entry.id}
            entry={entry}
            onEdit={() => setDialog({ type: 'edit', entry })}
            onSetActive={(active) => void setActive(entry, active)}
          />
        ))}
      </Stack>
      {dialog ? (
        <KnowledgeDialog mode={dialog} initial={initial} onClose={() => setDialog(null)} />
      ) : null}
    </Box>
  );
}
