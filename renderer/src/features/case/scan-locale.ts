import { featureLocale } from '../../vocabulary/locale-kit';

/** The words of the top bar's box that opens a case by its number (mounted as `caseScan`). */
export const caseScanLocale = featureLocale(
  {
    label: '扫码或输入编号',
    placeholder: 'Ctrl+K',
    help: '扫描纸质表格上的条码或二维码，或输入编号后按 Enter 打开登记；交办单打开后直接填写办结回复。',
    notFound: '没有编号为 {{number}} 的登记，请核对编号。',
    replyNotOffered: '这是交办单的条码，但此登记当前状态（{{status}}）不能填写办结回复。',
  },
  {
    label: 'Scan or type a number',
    placeholder: 'Ctrl+K',
    help: 'Scan the barcode or QR code of a paper form, or type a number and press Enter to open the case; a dispatch sheet opens at the reply.',
    notFound: 'No case has the number {{number}}: check the number.',
    replyNotOffered:
      'This is a dispatch sheet’s code, but the case’s status ({{status}}) does not allow a reply now.',
  },
);
