import { createTheme } from '@mui/material/styles';
import { zhCN as muiZhCN, enUS as muiEnUS } from '@mui/material/locale';
import type { Locale } from '@shared/rules/rules';

/**
 * Chinese first: a font stack that has CJK glyphs on Windows (Microsoft YaHei, SimSun) and
 * Linux (Noto CJK), so nothing falls back to boxes.
 */
export const CJK_FONT_STACK = [
  '"Microsoft YaHei"',
  '"PingFang SC"',
  '"Noto Sans CJK SC"',
  '"Noto Sans SC"',
  '"Source Han Sans SC"',
  'SimSun',
  '"WenQuanYi Micro Hei"',
  'sans-serif',
].join(', ');

/**
 * In English, Latin fonts come first: a CJK font would set curly quotes and apostrophes as
 * full-width characters ("desk’ s"); Chinese names in English screens still fall back to CJK.
 */
const LATIN_FIRST_FONT_STACK = [
  '"Segoe UI"',
  'Roboto',
  '"Helvetica Neue"',
  'Arial',
  CJK_FONT_STACK,
].join(', ');

export function themeCreate(locale: Locale) {
  return createTheme(
    {
      palette: {
        primary: { main: '#1f5f99' },
        secondary: { main: '#8a4b08' },
        background: { default: '#f4f6f8' },
      },
      typography: {
        fontFamily: locale === 'zh-CN' ? CJK_FONT_STACK : LATIN_FIRST_FONT_STACK,
        fontSize: 14,
      },
      components: {
        MuiTextField: { defaultProps: { size: 'small', fullWidth: true } },
        MuiButton: { defaultProps: { disableElevation: true } },
        MuiTableCell: { styleOverrides: { head: { fontWeight: 700, whiteSpace: 'nowrap' } } },
      },
    },
    locale === 'zh-CN' ? muiZhCN : muiEnUS,
  );
}
