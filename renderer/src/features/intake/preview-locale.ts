import { featureLocale } from '../../vocabulary/locale-kit';

/** The words of the intake form's level suggestion and deadline preview (mounted as `intakePreview`). */
export const intakePreviewLocale = featureLocale(
  {
    label: '时限预览',
    adopt: '采用「{{level}}」',
    handling: '处理期限',
    dispatch: '派单时限',
    interim: '临时措施时限',
    none: '本类型无处理期限',
    levelNote: '按所选级别「{{level}}」计算',
  },
  {
    label: 'Deadlines',
    adopt: 'Use “{{level}}”',
    handling: 'Reply deadline',
    dispatch: 'Dispatch deadline',
    interim: 'Temporary measure deadline',
    none: 'No reply deadline for this kind',
    levelNote: 'Counted for the chosen level “{{level}}”',
  },
);
