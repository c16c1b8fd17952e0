import type { Fen } from '@shared/kernel/brand';
import { yuanFromFen } from '@shared/kernel/brand';

export { formatDateTime } from './date-time';

export function formatYuan(fen: Fen): string {
  return yuanFromFen(fen).toLocaleString('zh-CN', { minimumFractionDigits: 2 });
}
