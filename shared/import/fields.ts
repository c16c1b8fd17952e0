/**
 * Which column of an imported register holds what: the fields an import understands, the
 * header words that name them (the register's own two-level header in every preset's words,
 * plus the usual variants clerks type), and the automatic recognition of a sheet's header.
 */
import { PRESETS } from '../rules/presets';
import { REGISTER_COLUMNS, registerGroupLabel, type RegisterColumnId } from '../register/columns';
import type { DeskRules } from '../rules/rules';

/** The register's columns (but its row index), the case number, and two optional extras. */
export type ImportFieldId = Exclude<RegisterColumnId, 'index'> | 'number' | 'level' | 'finalCause';

export const IMPORT_FIELDS: readonly ImportFieldId[] = [
  'number',
  'customerName',
  'room',
  'phone',
  'subject',
  'receiver',
  'receivedDate',
  'receivedTime',
  'kind',
  'complaintCategory',
  'requestCategory',
  'level',
  'handling',
  'handler',
  'acceptedDate',
  'acceptedTime',
  'repliedDate',
  'repliedTime',
  'followUpBy',
  'followUpDate',
  'followUpTime',
  'satisfaction',
  'finalCause',
];

/** Which column each field is read from (0-based); a field without a column is left empty. */
export type ImportMapping = Partial<Record<ImportFieldId, number>>;

export interface ImportHeader {
  /** Rows above the data (the title rows and the one or two header rows). */
  readonly dataStartRow: number;
  /** The header text of each column, `受理时间/日期` for the second level under a group. */
  readonly columns: readonly string[];
  readonly mapping: ImportMapping;
}

/** Header text without spaces, with ASCII brackets and lower case, for comparison. */
export function headerNormalize(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .toLowerCase();
}

/** Variants clerks write besides the register's own words. */
const EXTRA_WORDS: Readonly<Partial<Record<ImportFieldId, readonly string[]>>> = {
  number: ['编号', '工单编号', '案件编号', '单据联号', '单号', 'number', 'caseno.'],
  customerName: ['姓名', '客户', '业主姓名', '来电人', '投诉人'],
  room: ['房号', '地址', '住址', '房间号', '业主房号'],
  phone: ['联系电话', '电话', '手机', '联系方式'],
  subject: ['事项', '投诉事项', '需求事项', '诉求', '诉求内容', '主题', '内容'],
  receiver: ['接待人', '登记人'],
  // `受理时间` alone (one column of date and time) is read as the received date and time.
  receivedDate: ['受理日期', '受理时间', '来电时间', '日期'],
  receivedTime: [],
  kind: ['类型', '类别'],
  level: ['级别', '等级', 'level'],
  handling: ['处理情况', '处理结果', '单据联号'],
  handler: ['处理人', '接单人', '承办单位', '责任部门', '责任科室'],
  // A one-level header's 接单时间 holds the date and time in one column.
  acceptedDate: ['接单日期', '接单时间'],
  repliedDate: ['返单日期', '返单时间', '完成时间', '办结时间'],
  followUpBy: ['回访人员'],
  followUpDate: ['回访日期', '回访时间'],
  satisfaction: ['满意度', '回访结果'],
  finalCause: ['最终原因', '原因', 'finalcause'],
};

/** The header words of each field: every preset's register labels in both languages. */
function wordsOf(field: ImportFieldId, presets: readonly DeskRules[]): Set<string> {
  const words = new Set<string>();
  const column = REGISTER_COLUMNS.find((c) => c.id === field);
  for (const rules of presets) {
    if (!column) continue;
    const label = column.label(rules);
    for (const text of [label.zh, label.en]) {
      if (column.group === undefined) {
        words.add(headerNormalize(text));
      } else {
        const group = registerGroupLabel(rules, column.group);
        words.add(headerNormalize(`${group.zh}/${text}`));
        words.add(headerNormalize(`${group.en}/${text}`));
        // 投诉类型 names its column alone too; 日期 and 时间 alone could be any step's.
        if (column.kind !== 'date' && column.kind !== 'time') words.add(headerNormalize(text));
      }
    }
  }
  for (const word of EXTRA_WORDS[field] ?? []) words.add(headerNormalize(word));
  return words;
}

/**
 * Header words by field, the desk's own rules first. A word that two fields share (单据联号 names
 * both the number and the handling column) goes to the first field listed that claims it.
 */
export function importHeaderWords(rules: DeskRules): ReadonlyMap<ImportFieldId, Set<string>> {
  const presets = [rules, ...Object.values(PRESETS)];
  return new Map(IMPORT_FIELDS.map((field) => [field, wordsOf(field, presets)]));
}

/** Strings of a row, trimmed; empty for blank cells. */
export type HeaderRow = readonly string[];

/** How many of the row's cells name a field. */
function headerScore(row: HeaderRow, words: ReadonlyMap<ImportFieldId, Set<string>>): number {
  let score = 0;
  for (const cell of row) {
    const text = headerNormalize(cell);
    if (text === '') continue;
    for (const set of words.values()) {
      if (set.has(text)) {
        score += 1;
        break;
      }
    }
  }
  return score;
}

const SECOND_LEVEL = new Set(['日期', '时间', 'date', 'time', '类别', '投诉类型', '需求类型']);

/** The column texts of a one- or two-level header; a group's label is carried over its span. */
function columnTexts(top: HeaderRow, second: HeaderRow | undefined): string[] {
  const width = Math.max(top.length, second?.length ?? 0);
  const texts: string[] = [];
  let group = '';
  for (let i = 0; i < width; i++) {
    const upper = top[i]?.trim() ?? '';
    const lower = second?.[i]?.trim() ?? '';
    if (upper !== '') group = upper;
    if (second && lower !== '') {
      // Excel repeats a merged group's label in no cell but the first: carry it right.
      texts.push(`${upper || group}/${lower}`);
    } else {
      group = upper === '' ? group : upper;
      texts.push(upper);
    }
  }
  return texts;
}

function isSecondLevelRow(row: HeaderRow | undefined): boolean {
  if (!row) return false;
  const cells = row.map(headerNormalize).filter((c) => c !== '');
  return cells.length > 0 && cells.every((c) => SECOND_LEVEL.has(c) || /(类型|type)$/.test(c));
}

/**
 * Finds the header in the first rows of a sheet (a title row or two may sit above it) and maps
 * the columns it recognises; the clerk can change the mapping before checking the rows.
 * Returns undefined when no row names at least three fields.
 */
export function importHeaderRecognise(
  firstRows: readonly HeaderRow[],
  rules: DeskRules,
): ImportHeader | undefined {
  const words = importHeaderWords(rules);
  let best = -1;
  let bestScore = 2;
  firstRows.slice(0, 10).forEach((row, i) => {
    const score = headerScore(row, words);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  });
  const top = firstRows[best];
  if (!top) return undefined;
  const second = isSecondLevelRow(firstRows[best + 1]) ? firstRows[best + 1] : undefined;
  const columns = columnTexts(top, second);
  const mapping: ImportMapping = {};
  columns.forEach((text, index) => {
    const normal = headerNormalize(text);
    if (normal === '') return;
    for (const [field, set] of words) {
      if (mapping[field] === undefined && set.has(normal)) {
        mapping[field] = index;
        return;
      }
    }
  });
  return { dataStartRow: best + (second ? 2 : 1), columns, mapping };
}
