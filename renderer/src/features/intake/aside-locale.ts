import { featureLocale } from '../../vocabulary/locale-kit';

/** The words of the intake side panel (mounted under `intakeAside`). */
export const intakeAsideLocale = featureLocale(
  {
    label: '客户档案与重复提示',
    hint: '输入电话、房号或主题时，这里显示该客户的档案和可能重复的登记。',
    files: '客户档案',
    noFile: '没有找到档案，保存后将新建档案。',
    fileCases: '共 {{total}} 件登记，未结案 {{open}} 件',
    noCases: '还没有登记',
    duplicates: '可能重复',
    duplicatesHelp: '{{days}} 天内电话、房号相同或内容相似的登记：',
    noDuplicates: '{{days}} 天内没有发现可能重复的登记。',
    reasons: {
      samePhone: '同一电话',
      sameAddress: '同一房号',
      similarText: '内容相似',
    },
    link: '关联为同一事项',
    unlink: '不关联',
    chosen: '保存时，新登记将与这件登记关联为同一事项，统计时只计一次：',
    masked: '保密案件',
  },
  {
    label: 'Customer file and possible duplicates',
    hint: 'As you type a phone, a room or a subject, the customer’s file and possible duplicates show here.',
    files: 'Customer file',
    noFile: 'No file found: one will be opened when you save.',
    fileCases: '{{total}} cases, {{open}} not closed',
    noCases: 'No cases yet',
    duplicates: 'Possible duplicates',
    duplicatesHelp:
      'Cases of the last {{days}} days with the same phone or room, or a similar text:',
    noDuplicates: 'No possible duplicate in the last {{days}} days.',
    reasons: {
      samePhone: 'Same phone',
      sameAddress: 'Same room',
      similarText: 'Similar text',
    },
    link: 'Link as one matter',
    unlink: 'Do not link',
    chosen: 'When saved, the new case is linked with this one as one matter (counted once):',
    masked: 'Confidential case',
  },
);
