import { Stack, TextField } from '@mui/material';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseId } from '@shared/kernel/brand';
import type { KnowledgeEntity } from '@shared/model/entities';
import {
  knowledgeCheck,
  type KnowledgeDraft,
  type KnowledgeError,
  type KnowledgeField,
} from '@shared/intake/knowledge';
import { rulesKind, rulesLabel } from '@shared/rules/rules-query';
import {
  knowledgeAdd,
  knowledgeAddFromCase,
  knowledgeUpdate,
  type KnowledgeRefusal,
} from '../../db/repos/knowledge';
import { ChangeRefusedError } from '../../db/repos/refused';
import { useDeskState } from '../../desk/desk-state';
import { useDeskSession } from '../../desk/desk-session';
import { useErrorMessage } from '../../desk/useErrorMessage';
import { FormDialog } from '../../ui/FormDialog';
import { useSubmit } from '../../ui/useSubmit';
import { categoryOptions } from '../../ui/categoryOptions';

/** What the dialog saves: a new entry, an edit, or the answer of a closed case. */
export type KnowledgeDialogMode =
  | { readonly type: 'add' }
  | { readonly type: 'edit'; readonly entry: KnowledgeEntity }
  | { readonly type: 'fromCase'; readonly caseId: CaseId };

export interface KnowledgeDialogProps {
  readonly mode: KnowledgeDialogMode;
  readonly initial: KnowledgeDraft;
  readonly onClose: (saved?: KnowledgeEntity) => void;
}

/** The form of one knowledge base entry: question, standard answer, and what it applies to. */
export function KnowledgeDialog({ mode, initial, onClose }: Readonly<KnowledgeDialogProps>) {
  const { t } = useTranslation();
  const { rules, locale } = useDeskState();
  const session = useDeskSession();
  const errorMessage = useErrorMessage();
  const [draft, setDraft] = useState<KnowledgeDraft>(initial);
  const [errors, setErrors] = useState<readonly KnowledgeError[]>([]);
  const label = (text: Parameters<typeof rulesLabel>[0]) => rulesLabel(text, locale);
  const kind = rulesKind(rules, draft.kindId);

  const errorFor = (field: KnowledgeField) => {
    const error = errors.find((e) => e.field === field);
    return error ? t(`knowledge.errors.${error.code}`, { max: error.max }) : undefined;
  };

  const submit = useSubmit(
    async (checked: KnowledgeDraft) => {
      const saved =
        mode.type === 'add'
          ? await knowledgeAdd(session, checked)
          : mode.type === 'edit'
            ? await knowledgeUpdate(session, mode.entry.id, { draft: checked })
            : await knowledgeAddFromCase(session, mode.caseId, checked);
      onClose(saved);
    },
    {
      failureOf: (error) => {
        const problems =
          error instanceof ChangeRefusedError
            ? (error as ChangeRefusedError<KnowledgeRefusal>).problems
            : [];
        setErrors(problems.filter((p): p is KnowledgeError => 'field' in p));
        const other = problems.find((p) => !('field' in p));
        if (other) return t(`knowledge.errors.${other.code}`);
        if (problems.length === 0) return t('knowledge.failed', { reason: errorMessage(error) });
        return undefined;
      },
    },
  );

  const save = async () => {
    const found = knowledgeCheck(draft);
    setErrors(found);
    submit.setFailure(null);
    if (found.length > 0) return;
    await submit.run(draft);
  };

  const title =
    mode.type === 'add'
      ? t('knowledge.addTitle')
      : mode.type === 'edit'
        ? t('knowledge.editTitle')
        : t('knowledge.fromCaseTitle');
  const native = { select: { native: true }, inputLabel: { shrink: true } } as const;
  return (
    <FormDialog
      title={title}
      labels={{
        cancel: t('knowledge.cancel'),
        submit: t('knowledge.save'),
        pending: t('knowledge.saving'),
      }}
      onClose={() => onClose()}
      onSubmit={save}
      pending={submit.pending}
      failure={submit.failure}
      intro={mode.type === 'fromCase' ? t('knowledge.fromCaseHelp') : null}
      maxWidth="md"
    >
      <TextField
        label={t('knowledge.question')}
        value={draft.question}
        onChange={(e) => setDraft({ ...draft, question: e.target.value })}
        error={Boolean(errorFor('question'))}
        helperText={errorFor('question')}
        required
        autoFocus
      />
      <TextField
        label={t('knowledge.answer')}
        value={draft.answer}
        onChange={(e) => setDraft({ ...draft, answer: e.target.value })}
        error={Boolean(errorFor('answer'))}
        helperText={errorFor('answer')}
        required
        multiline
        minRows={4}
      />
      <Stack direction="row" spacing={2}>
        <TextField
          select
          label={t('knowledge.kind')}
          value={draft.kindId}
          // A category belongs to a kind: changing the kind clears it.
          onChange={(e) => setDraft({ ...draft, kindId: e.target.value, categoryId: '' })}
          slotProps={native}
          sx={{ flex: 1 }}
        >
          <option value="">{t('knowledge.kindAny')}</option>
          {rules.kinds.map((k) => (
            <option key={k.id} value={k.id}>
              {label(k.label)}
            </option>
          ))}
        </TextField>
        <TextField
          select
          label={t('knowledge.category')}
          value={draft.categoryId}
          onChange={(e) => setDraft({ ...draft, categoryId: e.target.value })}
          disabled={!kind}
          slotProps={native}
          sx={{ flex: 1 }}
        >
          <option value="">{t('knowledge.categoryAny')}</option>
          {categoryOptions(kind, locale)}
        </TextField>
      </Stack>
    </FormDialog>
  );
}
