import { isolateBidi } from '@shared/kernel/bidi';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
  TextField,
  Typography,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseEntity } from '@shared/model/entities';
import { matterLink, matterLinkCandidates } from '../../db/repos/matters';
import { useDeskState } from '../../desk/desk-state';
import { useDeskServices } from '../../desk/services';
import { formatDateTime } from '../../vocabulary/format';
import { useMatterChange } from './useMatterChange';
import { useSubmit } from '../../ui/useSubmit';

const SEARCH_DEBOUNCE_MS = 250;
const RESULTS = 8;

export interface LinkMatterDialogProps {
  readonly item: CaseEntity;
  readonly open: boolean;
  readonly onClose: () => void;
}

/** Finds another case by number or text and links it with this one as one matter. */
export function LinkMatterDialog({ item, open, onClose }: Readonly<LinkMatterDialogProps>) {
  const { t } = useTranslation();
  const { db } = useDeskServices();
  const { operator, deadlineContext } = useDeskState();
  const { session, failureOf } = useMatterChange();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');

  useEffect(() => {
    const timer = setTimeout(() => setQuery(text.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const results = useLiveQuery(
    () => matterLinkCandidates(db, query, item.matterId, operator, RESULTS),
    [db, query, item.matterId, operator],
  );

  const reset = () => {
    setText('');
    setQuery('');
    onClose();
  };
  const linking = useSubmit(
    async (other: CaseEntity) => {
      await matterLink(session, item.id, other.id);
      reset();
    },
    { failureOf },
  );
  const close = () => {
    linking.setFailure(null);
    reset();
  };
  const choose = linking.run;
  const saving = linking.pending;
  const failure = linking.failure;

  return (
    <Dialog open={open} onClose={close} fullWidth maxWidth="sm">
      <DialogTitle>{t('matters.dialog.title')}</DialogTitle>
      <DialogContent>
        <DialogContentText sx={{ mb: 2 }}>
          {t('matters.dialog.intro', { number: item.number })}
        </DialogContentText>
        <TextField
          autoFocus
          fullWidth
          type="search"
          label={t('matters.dialog.search')}
          placeholder={t('matters.dialog.searchHelp')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        {query && results?.length === 0 ? (
          <Typography sx={{ mt: 2 }} color="text.secondary">
            {t('matters.dialog.noResults')}
          </Typography>
        ) : null}
        {results && results.length > 0 ? (
          <List aria-label={t('matters.dialog.results')} dense>
            {results.map((other) => (
              <ListItem
                key={other.id}
                divider
                secondaryAction={
                  <Button
                    variant="outlined"
                    size="small"
                    disabled={saving}
                    onClick={() => void choose(other)}
                  >
                    {t('matters.dialog.choose')}
                  </Button>
                }
              >
                <ListItemText
                  sx={{ pr: 8 }}
                  primary={`${other.number} · ${isolateBidi(other.subject)}`}
                  secondary={[
                    formatDateTime(other.receivedAt, deadlineContext.timeZone),
                    isolateBidi(other.customer.name),
                    t(`status.${other.status}`),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                />
              </ListItem>
            ))}
          </List>
        ) : null}
        {failure ? (
          <Alert severity="error" sx={{ mt: 2 }}>
            {failure}
          </Alert>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>{t('matters.dialog.cancel')}</Button>
      </DialogActions>
    </Dialog>
  );
}
