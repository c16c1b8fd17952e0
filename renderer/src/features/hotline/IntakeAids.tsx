import {
  Box,
  Grid,
  Paper,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { rulesLabel } from '@shared/rules/rules-query';
import { useDeskState } from '../../desk/desk-state';
import { KnowledgeSearchBox } from './KnowledgeSearchBox';

const HOLD_RULES = ['hotline.hold1', 'hotline.hold2', 'hotline.hold3'] as const;

/**
 * The clerk's aids on the intake screen (S003-A): the opening script to read, the closings,
 * the hold rules, the referral directory, and a search of the knowledge base. Scripts and
 * referrals show when the desk's rules have them (the hotline preset does; any desk may add
 * them); the knowledge search is always there.
 */
export function IntakeAids() {
  const { t } = useTranslation();
  const { rules, locale } = useDeskState();
  const label = (text: Parameters<typeof rulesLabel>[0]) => rulesLabel(text, locale);
  const { scripts, referrals } = rules;
  const heading = (text: string) => (
    <Typography variant="subtitle2" component="h3" color="text.secondary" sx={{ mb: 0.5 }}>
      {text}
    </Typography>
  );

  return (
    <Paper component="section" aria-labelledby="intake-aids-title" sx={{ p: 3, mt: 2 }}>
      <Typography id="intake-aids-title" variant="subtitle1" component="h2" sx={{ mb: 1 }}>
        {t('hotline.title')}
      </Typography>
      <Grid container spacing={3}>
        {scripts ? (
          <Grid size={{ xs: 12, md: referrals.length > 0 ? 5 : 12 }}>
            <Box component="section" aria-label={t('hotline.opening')} sx={{ mb: 2 }}>
              {heading(t('hotline.opening'))}
              <Typography
                sx={{
                  bgcolor: 'action.hover',
                  borderRadius: 1,
                  px: 1.5,
                  py: 1,
                  fontSize: '1.05rem',
                }}
              >
                {label(scripts.opening)}
              </Typography>
            </Box>
            {scripts.closings.length > 0 ? (
              <Box component="section" aria-label={t('hotline.closings')} sx={{ mb: 2 }}>
                {heading(t('hotline.closings'))}
                <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                  {scripts.closings.map((closing, i) => (
                    <Typography component="li" variant="body2" key={i}>
                      {label(closing)}
                    </Typography>
                  ))}
                </Box>
              </Box>
            ) : null}
            <Box component="section" aria-label={t('hotline.hold')}>
              {heading(t('hotline.hold'))}
              <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                {HOLD_RULES.map((key) => (
                  <Typography component="li" variant="body2" key={key}>
                    {t(key)}
                  </Typography>
                ))}
              </Box>
            </Box>
          </Grid>
        ) : null}
        {referrals.length > 0 ? (
          <Grid size={{ xs: 12, md: scripts ? 7 : 12 }}>
            {heading(t('hotline.referrals'))}
            <Table size="small" aria-label={t('hotline.referrals')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('hotline.referralName')}</TableCell>
                  <TableCell>{t('hotline.referralPhone')}</TableCell>
                  <TableCell>{t('hotline.referralScope')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {referrals.map((entry, i) => (
                  <TableRow key={i}>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>{label(entry.name)}</TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                      {entry.phone || t('hotline.noPhone')}
                    </TableCell>
                    <TableCell>{label(entry.scope)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Grid>
        ) : null}
        <Grid size={12}>
          <KnowledgeSearchBox />
        </Grid>
      </Grid>
    </Paper>
  );
}
