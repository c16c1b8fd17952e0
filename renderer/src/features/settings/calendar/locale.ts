import { featureLocale } from '../../../vocabulary/locale-kit';

/** The words of the working-calendar settings, mounted under `calendarSettings`. */
export const calendarSettingsLocale = featureLocale(
  {
    nav: '工作日历',
    title: '工作日历',
    intro:
      '处理期限按工作日计算：扣除周末和法定节假日，调休上班日照常计算。没有官方数据的年份，期限只扣除周末并显示警告。',
    timeZone: '时区：{{zone}}',
    saved: '已保存。',
    saveFailed: '未能保存：{{reason}}',
    hours: {
      title: '办公时间',
      help: '“N个工作日”的期限到最后一天下班为止；工作小时只计算办公时间。',
      start: '第 {{n}} 段开始',
      end: '第 {{n}} 段结束',
      add: '增加一段',
      remove: '删除第 {{n}} 段',
      save: '保存办公时间',
      errors: {
        invalidTime: '请填写 时:分，例如 08:30',
        endBeforeStart: '结束时间须晚于开始时间',
        overlap: '与另一段重叠',
        none: '至少要有一段办公时间',
      },
    },
    years: {
      title: '节假日数据',
      official: '随软件提供的官方数据：{{years}} 年',
      added: '管理员补充的年份',
      addedNone: '尚未补充任何年份。',
      addedLine: '{{year}} 年：节假日 {{holidays}} 天，调休上班 {{workdays}} 天',
      remove: '删除 {{year}} 年的补充数据',
    },
    add: {
      title: '补充一年的节假日',
      help: '国务院办公厅公布下一年的放假安排后，在此录入。日期格式 2027-10-01；连续的日期可写成 2027-10-01~2027-10-07；每行一项，或用逗号、顿号分隔。',
      year: '年份',
      holidays: '放假日期',
      workdays: '调休上班日期',
      save: '保存该年节假日',
      errors: {
        invalidYear: '请填写 2000 至 2100 之间的四位年份',
        officialYear: '该年已有官方数据，无需补充',
        noHolidays: '请至少填写一个放假日期',
        invalidDate: '“{{text}}”不是有效日期',
        rangeTooLong: '“{{text}}”范围过长（不超过 60 天）',
        wrongYear: '{{date}} 不在所填年份内',
        holidayAndWorkday: '{{date}} 不能既放假又上班',
      },
    },
    recompute: {
      title: '重新计算期限',
      help: '修改工作日历或期限规则后，重新计算所有未结案件的处理期限。每件期限有变化的案件都会在办理记录中留下一条“调整期限”记录。',
      preview: '按当前的日历和规则，{{open}} 件未结案件中有 {{changes}} 件的期限会改变。',
      previewNone: '按当前的日历和规则，{{open}} 件未结案件的期限都不需要改变。',
      action: '重新计算未结案件的期限',
      running: '正在重新计算……',
      done: '已重新计算 {{open}} 件未结案件，其中 {{changed}} 件期限已改变：',
      doneNone: '已重新计算 {{open}} 件未结案件，期限均无变化。',
      reason: '工作日历或期限规则已修改，期限由 {{from}} 重新计算为 {{to}}',
      reasonWarning: '工作日历已补充，期限 {{to}} 已按节假日核实',
      failed: '重新计算中断：{{reason}}。已改变的案件已保存，可再次执行以完成其余案件。',
    },
  },
  {
    nav: 'Working calendar',
    title: 'Working calendar',
    intro:
      'Deadlines are counted in working days: weekends and statutory holidays are skipped, make-up working days count. In a year without official data only weekends are skipped, and the deadline shows a warning.',
    timeZone: 'Time zone: {{zone}}',
    saved: 'Saved.',
    saveFailed: 'Not saved: {{reason}}',
    hours: {
      title: 'Business hours',
      help: '“N working days” ends at the close of business on the last day; working hours count business hours only.',
      start: 'Period {{n}} starts',
      end: 'Period {{n}} ends',
      add: 'Add a period',
      remove: 'Remove period {{n}}',
      save: 'Save business hours',
      errors: {
        invalidTime: 'Enter hours:minutes, e.g. 08:30',
        endBeforeStart: 'The end must be after the start',
        overlap: 'Overlaps another period',
        none: 'Keep at least one period',
      },
    },
    years: {
      title: 'Holiday data',
      official: 'Official data shipped with the application: {{years}}',
      added: 'Years added by an administrator',
      addedNone: 'No year added yet.',
      addedLine: '{{year}}: {{holidays}} holidays, {{workdays}} make-up working days',
      remove: 'Remove the data added for {{year}}',
    },
    add: {
      title: 'Add a year’s holidays',
      help: 'Enter the holiday arrangements once the State Council has published them. Dates as 2027-10-01; a run of dates as 2027-10-01~2027-10-07; one per line, or separated by commas.',
      year: 'Year',
      holidays: 'Holidays',
      workdays: 'Make-up working days',
      save: 'Save the year’s holidays',
      errors: {
        invalidYear: 'Enter a four-digit year from 2000 to 2100',
        officialYear: 'That year has official data already',
        noHolidays: 'Enter at least one holiday',
        invalidDate: '“{{text}}” is not a date',
        rangeTooLong: '“{{text}}” is too long a range (60 days at most)',
        wrongYear: '{{date}} is not in that year',
        holidayAndWorkday: '{{date}} cannot be both a holiday and a working day',
      },
    },
    recompute: {
      title: 'Recompute deadlines',
      help: 'After the working calendar or the deadline rules change, recompute the handling deadline of every open case. Each case whose deadline changes gets a “Deadline changed” entry in its history.',
      preview:
        'With the current calendar and rules, {{changes}} of {{open}} open cases would get a new deadline.',
      previewNone:
        'With the current calendar and rules, none of the {{open}} open cases needs a new deadline.',
      action: 'Recompute open deadlines',
      running: 'Recomputing…',
      done: 'Recomputed {{open}} open cases; {{changed}} deadlines changed:',
      doneNone: 'Recomputed {{open}} open cases; no deadline changed.',
      reason:
        'The working calendar or the deadline rules changed: the deadline was recomputed from {{from}} to {{to}}',
      reasonWarning:
        'The working calendar was completed: the deadline {{to}} is now checked against the holidays',
      failed:
        'Recomputing stopped: {{reason}}. The cases already changed are saved; run it again to finish the rest.',
    },
  },
);
