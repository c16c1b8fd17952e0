import type { Fen } from '../../../shared/brand';
import { yuanFromFen } from '../../../shared/brand';

export { formatDateTime } from '../vocabulary/date-time';

export function formatYuan(fen: Fen): string {
  return yuanFromFen(fen).toLocaleString('zh-CN', { minimumFractionDigits: 2 });
}
