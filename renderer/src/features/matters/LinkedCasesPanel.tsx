import { isolateBidi } from '@shared/kernel/bidi';
import {
  Alert,
  Box,
  Button,
  Link,
  List,
  ListItem,
  ListItemText,
  Paper,
  Typography,
} from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { CaseEntity } from '@shared/model/entities';
import { caseIsMasked } from '@shared/access/mask';
import { matterCases, matterUnlink } from '../../db/repos/matters';
import { useDeskState } from '../../desk/desk-state';
import { useDeskServices } from '../../desk/services';
import { formatDateTime } from '../../vocabulary/format';
import { LinkMatterDialog } from './LinkMatterDialog';
import { useMatterChange } from './useMatterChange';
import { useSubmit } from '../../ui/useSubmit';

export interface LinkedCasesPanelProps {
  readonly item: CaseEntity;
}

/**
 * The other reports of this case's matter (DOMAIN.md section 2), with linking to another case
 * and unlinking. A matter is counted once in the register and in statistics.
 */
export function LinkedCasesPanel({ item }: Readonly<LinkedCasesPanelProps>) {
  const { t } = useTranslation();
  const { db } = useDeskServices();
  const { operator, deadlineContext } = useDeskState();
  const { session, failureOf } = useMatterChange();
  const [dialogOpen, setDialogOpen] = useState(false);
  const others = useLiveQuery(
    async () => (await matterCases(db, item.matterId, operator)).filter((c) => c.id !== item.id),
    [db, item.matterId, item.id, operator],
  );

  const unlinking = useSubmit(
    async (other: CaseEntity) => {
      await matterUnlink(session, other.id);
    },
    { failureOf },
  );
  const unlink = unlinking.run;
  const busy = unlinking.pending;
  const failure = unlinking.failure;

  return (
    <Paper sx={{ p: 2 }} component="section" aria-label={t('matters.title')}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2, mb: 1 }}>
        <Typography variant="h6" component="h2">
          {t('matters.title')}
        </Typography>
        <Box sx={{ flexGrow: 1 }} />
        <Button variant="outlined" size="small" onClick={() => setDialogOpen(true)}>
          {t('matters.link')}
        </Button>
      </Box>
      {others === undefined ? null : others.length === 0 ? (
        <Typography color="text.secondary">{t('matters.alone')}</Typography>
      ) : (
        <>
          <Typography>{t('matters.together', { count: others.length })}</Typography>
          <List dense aria-label={t('matters.listLabel')}>
            {others.map((other) => {
              const readable = !caseIsMasked(other);
              return (
                <ListItem
                  key={other.id}
                  divider
                  secondaryAction={
                    <Button size="small" disabled={busy} onClick={() => void unlink(other)}>
                      {t('matters.unlink')}
                    </Button>
                  }
                >
                  <ListItemText
                    sx={{ pr: 10 }}
                    primary={
                      readable ? (
                        <>
                          <Link component={RouterLink} to={`/cases/${other.id}`}>
                            {other.number}
                          </Link>{' '}
                          · {isolateBidi(other.subject)}
                        </>
                      ) : (
                        `${other.number} · ${t('matters.masked')}`
                      )
                    }
                    secondary={[
                      formatDateTime(other.receivedAt, deadlineContext.timeZone),
                      readable ? isolateBidi(other.customer.name) : '',
                      t(`status.${other.status}`),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  />
                </ListItem>
              );
            })}
          </List>
        </>
      )}
      {failure ? <Alert severity="error">{failure}</Alert> : null}
      <LinkMatterDialog item={item} open={dialogOpen} onClose={() => setDialogOpen(false)} />
    </Paper>
  );
}
