import { Box, Button, Link, Paper, Stack, TextField, Typography } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { KnowledgeEntity, KnowledgeId } from '@shared/model/entities';
import { knowledgeSearch } from '../../db/repos/knowledge';
import { useDeskServices } from '../../desk/services';
import { useDeskState } from '../../desk/desk-state';

/** How many answers intake shows; the knowledge page shows them all. */
const RESULT_LIMIT = 5;

type CopyState = { readonly id: KnowledgeId; readonly ok: boolean } | null;

/** "搜索知识库" at intake: type a word, read the standard answer, copy it. */
export function KnowledgeSearchBox() {
  const { t } = useTranslation();
  const { db } = useDeskServices();
  const { operator } = useDeskState();
  const [query, setQuery] = useState('');
  const [copy, setCopy] = useState<CopyState>(null);
  const text = useDeferredValue(query);
  const results = useLiveQuery(
    () =>
      text.trim() === ''
        ? []
        : knowledgeSearch(db, { text, limit: RESULT_LIMIT, viewer: operator }),
    [db, text, operator],
  );

  const copyAnswer = async (entry: KnowledgeEntity) => {
    try {
      await navigator.clipboard.writeText(entry.answer);
      setCopy({ id: entry.id, ok: true });
    } catch {
      // No clipboard permission (or no focus): the clerk can still select the text by hand.
      setCopy({ id: entry.id, ok: false });
    }
  };

  return (
    <Box>
      <TextField
        type="search"
        size="small"
        fullWidth
        label={t('hotline.knowledgeSearch')}
        helperText={t('hotline.knowledgeHelp')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setCopy(null);
        }}
      />
      <Box aria-live="polite">
        {text.trim() !== '' && results && results.length === 0 ? (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {t('hotline.noResults', { query: text })}
          </Typography>
        ) : null}
      </Box>
      {results && results.length > 0 ? (
        <Stack
          component="ul"
          spacing={1}
          aria-label={t('hotline.knowledgeResults')}
          sx={{ p: 0, m: 0, mt: 1 }}
        >
          {results.map((entry) => (
            <Paper
              key={entry.id}
              component="li"
              variant="outlined"
              aria-label={entry.question}
              sx={{ p: 1.5, listStyle: 'none' }}
            >
              <Typography variant="subtitle2" component="p">
                {entry.question}
              </Typography>
              <Typography variant="body2" sx={{ whiteSpace: 'pre-wrap', mt: 0.5 }}>
                {entry.answer}
              </Typography>
              <Stack direction="row" spacing={1} sx={{ mt: 0.5, alignItems: 'center' }}>
                <Button size="small" onClick={() => void copyAnswer(entry)}>
                  {t('hotline.copy')}
                </Button>
                {copy?.id === entry.id ? (
                  <Typography
                    variant="body2"
                    role="status"
                    color={copy.ok ? 'success.main' : 'error.main'}
                  >
                    {copy.ok ? t('hotline.copied') : t('hotline.copyFailed')}
                  </Typography>
                ) : null}
              </Stack>
            </Paper>
          ))}
        </Stack>
      ) : null}
      <Link
        component={RouterLink}
        to="/knowledge"
        variant="body2"
        sx={{ display: 'inline-block', mt: 1 }}
      >
        {t('hotline.openKnowledge')}
      </Link>
    </Box>
  );
}
