import { Button, Link } from '@mui/material';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link as RouterLink } from 'react-router';
import type { CaseEntity } from '@shared/model/entities';
import type { KnowledgeDraft } from '@shared/intake/knowledge';
import { knowledgeCaseDraft, knowledgeOfCase } from '../../db/repos/knowledge';
import { useDeskServices } from '../../desk/services';
import { KnowledgeDialog } from './KnowledgeDialog';

export interface AddToKnowledgeButtonProps {
  readonly item: Pick<CaseEntity, 'id' | 'status'>;
}

/**
 * On a closed case: "加入知识库" proposes its subject and answer as a knowledge base entry;
 * once added, a link to the entry instead. Nothing for a case that is not closed.
 */
export function AddToKnowledgeButton({ item }: Readonly<AddToKnowledgeButtonProps>) {
  const { t } = useTranslation();
  const { db } = useDeskServices();
  const [initial, setInitial] = useState<KnowledgeDraft | null>(null);
  const closed = item.status === 'closed';
  const added = useLiveQuery(
    () => (closed ? knowledgeOfCase(db, item.id) : []),
    [db, item.id, closed],
  );

  if (!closed || added === undefined) return null;
  const [entry] = added;
  if (entry) {
    return (
      <Link component={RouterLink} to={`/knowledge?q=${encodeURIComponent(entry.question)}`}>
        {t('knowledge.fromCaseAdded')} · {t('knowledge.fromCaseView')}
      </Link>
    );
  }
  const open = async () => {
    setInitial((await knowledgeCaseDraft(db, item.id)) ?? null);
  };
  return (
    <>
      <Button variant="outlined" onClick={() => void open()}>
        {t('knowledge.fromCaseButton')}
      </Button>
      {initial ? (
        <KnowledgeDialog
          mode={{ type: 'fromCase', caseId: item.id }}
          initial={initial}
          onClose={() => setInitial(null)}
        />
      ) : null}
    </>
  );
}
