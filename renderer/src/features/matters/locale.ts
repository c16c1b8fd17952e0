import { featureLocale } from '../../vocabulary/locale-kit';

/** The words of linked cases (mounted under `matters`). */
export const mattersLocale = featureLocale(
  {
    title: '同一事项',
    alone: '未与其他登记关联。同一事项被多次反映或多人反映时，请关联为同一事项，统计时只计一次。',
    together: '与以下 {{count}} 件登记为同一事项，统计时只计一次：',
    listLabel: '同一事项的其他登记',
    link: '关联其他登记',
    unlink: '取消关联',
    unlinked: '已取消关联',
    linked: '已关联为同一事项',
    masked: '保密案件',
    dialog: {
      title: '关联为同一事项',
      intro: '把编号 {{number}} 与另一件反映同一事项的登记关联。',
      search: '查找登记',
      searchHelp: '输入编号或主题、内容、客户、电话',
      results: '查找结果',
      noResults: '没有找到可关联的登记。',
      choose: '关联',
      cancel: '取消',
    },
    errors: {
      selfLink: '不能把一件登记与它自己关联。',
      alreadyLinked: '这两件登记已经是同一事项。',
      notLinked: '这件登记没有与其他登记关联。',
    },
  },
  {
    title: 'One matter',
    alone:
      'Not linked with other cases. When one matter is reported several times or by several people, link the reports: statistics count the matter once.',
    together: 'One matter with these {{count}} cases, counted once in statistics:',
    listLabel: 'Other cases of the same matter',
    link: 'Link another case',
    unlink: 'Unlink',
    unlinked: 'Unlinked',
    linked: 'Linked as one matter',
    masked: 'Confidential case',
    dialog: {
      title: 'Link as one matter',
      intro: 'Link case {{number}} with another case that reports the same matter.',
      search: 'Find a case',
      searchHelp: 'Number, or words of the subject, content, customer or phone',
      results: 'Cases found',
      noResults: 'No case to link was found.',
      choose: 'Link',
      cancel: 'Cancel',
    },
    errors: {
      selfLink: 'A case cannot be linked with itself.',
      alreadyLinked: 'These two cases are already one matter.',
      notLinked: 'This case is not linked with any other case.',
    },
  },
);
