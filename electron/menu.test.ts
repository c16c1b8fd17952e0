import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, menuLocaleFor, type MenuTemplateOptions } from './menu';

const windows: MenuTemplateOptions = {
  isPackaged: true,
  appName: '投诉受理台',
  platform: 'win32',
};

function submenuOf(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return Array.isArray(item?.submenu) ? item.submenu : [];
}

function find(
  template: MenuItemConstructorOptions[],
  id: string,
): MenuItemConstructorOptions | undefined {
  for (const item of template) {
    if (item.id === id) return item;
    const inside = find(submenuOf(item), id);
    if (inside) return inside;
  }
  return undefined;
}

/** The menu as a clerk reads it: titles, then each menu's items (separators as ---). */
function outline(template: MenuItemConstructorOptions[]): Record<string, string[]> {
  return Object.fromEntries(
    template.map((menu) => [
      menu.label ?? '',
      submenuOf(menu).map((item) => (item.type === 'separator' ? '---' : (item.label ?? ''))),
    ]),
  );
}

describe('buildMenuTemplate', () => {
  it('builds the zh-CN menu of a packaged Windows desk', () => {
    expect(outline(buildMenuTemplate(windows))).toEqual({
      '文件(&F)': ['打印…', '---', '退出'],
      '编辑(&E)': ['撤销', '重做', '---', '剪切', '复制', '粘贴', '---', '全选'],
      '视图(&V)': ['重新加载', '---', '实际大小', '放大', '缩小', '---', '全屏'],
      '窗口(&W)': ['最小化', '关闭'],
      '帮助(&H)': ['关于投诉受理台'],
    });
  });

  it('uses Electron roles for editing, view and window items', () => {
    const template = buildMenuTemplate(windows);
    expect(submenuOf(find(template, 'edit')).map((item) => item.role ?? '---')).toEqual([
      'undo',
      'redo',
      '---',
      'cut',
      'copy',
      'paste',
      '---',
      'selectAll',
    ]);
    expect(find(template, 'quit')?.role).toBe('quit');
    expect(find(template, 'about')?.role).toBe('about');
    expect(find(template, 'togglefullscreen')?.role).toBe('togglefullscreen');
  });

  it('offers developer tools only when not packaged', () => {
    expect(find(buildMenuTemplate(windows), 'toggleDevTools')).toBeUndefined();
    const development = buildMenuTemplate({ ...windows, isPackaged: false });
    expect(find(development, 'toggleDevTools')).toMatchObject({
      role: 'toggleDevTools',
      label: '开发者工具',
    });
  });

  it('prints through the callback, with Ctrl+P', () => {
    const onPrint = vi.fn();
    const print = find(buildMenuTemplate({ ...windows, onPrint }), 'print');

    expect(print?.accelerator).toBe('CmdOrCtrl+P');
    (print?.click as () => void)();
    expect(onPrint).toHaveBeenCalledTimes(1);
  });

  it('builds the English variant', () => {
    expect(outline(buildMenuTemplate({ ...windows, platform: 'linux', locale: 'en' }))).toEqual({
      '&File': ['Print…', '---', 'Quit'],
      '&Edit': ['Undo', 'Redo', '---', 'Cut', 'Copy', 'Paste', '---', 'Select All'],
      '&View': ['Reload', '---', 'Actual Size', 'Zoom In', 'Zoom Out', '---', 'Full Screen'],
      '&Window': ['Minimize', 'Close'],
      '&Help': ['About 投诉受理台'],
    });
  });

  it('follows macOS conventions: an application menu, no Alt-key letters', () => {
    const template = buildMenuTemplate({ ...windows, platform: 'darwin' });
    expect(outline(template)).toEqual({
      投诉受理台: [
        '关于投诉受理台',
        '---',
        '隐藏投诉受理台',
        '隐藏其他',
        '全部显示',
        '---',
        '退出投诉受理台',
      ],
      文件: ['打印…'],
      编辑: ['撤销', '重做', '---', '剪切', '复制', '粘贴', '---', '全选'],
      视图: ['重新加载', '---', '实际大小', '放大', '缩小', '---', '全屏'],
      窗口: ['最小化', '关闭'],
      帮助: [],
    });
  });
});

describe('menuLocaleFor', () => {
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh-TW', 'zh-CN'],
    ['en-US', 'en'],
    ['en', 'en'],
    ['fr-FR', 'zh-CN'],
    ['', 'zh-CN'],
  ])('%j → %s', (system, locale) => {
    expect(menuLocaleFor(system)).toBe(locale);
  });
});
