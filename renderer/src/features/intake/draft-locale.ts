import { featureLocale } from '../../vocabulary/locale-kit';

/** The words of the intake form's draft (mounted under `intakeDraft`). */
export const intakeDraftLocale = featureLocale(
  {
    restored: '已恢复 {{time}} 未保存的受理单，请核对后保存。',
    discard: '丢弃草稿',
    fallback: '数据库暂时不能写入，草稿已保存在本窗口的备用存储中。',
    failed: '草稿无法保存：离开或关闭本页将丢失所填内容。',
  },
  {
    restored: 'The unsaved intake form of {{time}} was restored: check it, then save.',
    discard: 'Discard the draft',
    fallback:
      'The database cannot be written now; the draft is kept in this window’s spare storage.',
    failed: 'The draft cannot be kept: leaving or closing this page loses what you typed.',
  },
);
