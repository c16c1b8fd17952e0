/**
 * The application menu as a pure function of the platform, the build and the language, so it is
 * tested without Electron (menu.test.ts). main.ts turns it into a Menu.
 */
import type { MenuItemConstructorOptions } from 'electron';

export type MenuLocale = 'zh-CN' | 'en';

export interface MenuTemplateOptions {
  /** Packaged builds have no developer tools item. */
  readonly isPackaged: boolean;
  readonly appName: string;
  readonly platform: NodeJS.Platform;
  /** zh-CN unless the system asks for English (`menuLocaleFor`). */
  readonly locale?: MenuLocale;
  /**
   * 打印…: asks the page to print itself (main.ts calls `window.print()` in the focused
   * window), so the page's print stylesheet decides the layout, as in the browser build.
   */
  readonly onPrint?: () => void;
}

interface MenuLabels {
  readonly file: string;
  readonly print: string;
  readonly quit: string;
  /** macOS names the application in its Quit item. */
  readonly quitApp: (appName: string) => string;
  readonly edit: string;
  readonly undo: string;
  readonly redo: string;
  readonly cut: string;
  readonly copy: string;
  readonly paste: string;
  readonly selectAll: string;
  readonly view: string;
  readonly reload: string;
  readonly resetZoom: string;
  readonly zoomIn: string;
  readonly zoomOut: string;
  readonly fullScreen: string;
  readonly devTools: string;
  readonly window: string;
  readonly minimize: string;
  readonly close: string;
  readonly help: string;
  readonly about: (appName: string) => string;
  readonly hide: (appName: string) => string;
  readonly hideOthers: string;
  readonly showAll: string;
  /** Windows and Linux menu-bar titles with their Alt-key letter. */
  readonly mnemonic: (title: string, letter: string) => string;
}

const LABELS: Readonly<Record<MenuLocale, MenuLabels>> = {
  'zh-CN': {
    file: '文件',
    print: '打印…',
    quit: '退出',
    quitApp: (appName) => `退出${appName}`,
    edit: '编辑',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    view: '视图',
    reload: '重新加载',
    resetZoom: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    fullScreen: '全屏',
    devTools: '开发者工具',
    window: '窗口',
    minimize: '最小化',
    close: '关闭',
    help: '帮助',
    about: (appName) => `关于${appName}`,
    hide: (appName) => `隐藏${appName}`,
    hideOthers: '隐藏其他',
    showAll: '全部显示',
    // The Chinese convention puts the letter after the title: 文件(&F).
    mnemonic: (title, letter) => `${title}(&${letter})`,
  },
  en: {
    file: 'File',
    print: 'Print…',
    quit: 'Quit',
    quitApp: (appName) => `Quit ${appName}`,
    edit: 'Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: 'View',
    reload: 'Reload',
    resetZoom: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    fullScreen: 'Full Screen',
    devTools: 'Developer Tools',
    window: 'Window',
    minimize: 'Minimize',
    close: 'Close',
    help: 'Help',
    about: (appName) => `About ${appName}`,
    hide: (appName) => `Hide ${appName}`,
    hideOthers: 'Hide Others',
    showAll: 'Show All',
    mnemonic: (title, letter) => title.replace(new RegExp(letter, 'i'), (found) => `&${found}`),
  },
};

/** English when the system locale is English, Chinese otherwise (Chinese first). */
export function menuLocaleFor(systemLocale: string): MenuLocale {
  return /^en\b/i.test(systemLocale) ? 'en' : 'zh-CN';
}

const separator: MenuItemConstructorOptions = { type: 'separator' };

export function buildMenuTemplate(options: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const t = LABELS[options.locale ?? 'zh-CN'];
  const isMac = options.platform === 'darwin';
  // macOS has no Alt-key letters in its menu bar.
  const title = (text: string, letter: string) => (isMac ? text : t.mnemonic(text, letter));

  const about: MenuItemConstructorOptions = {
    id: 'about',
    role: 'about',
    label: t.about(options.appName),
  };
  const quit: MenuItemConstructorOptions = {
    id: 'quit',
    role: 'quit',
    label: isMac ? t.quitApp(options.appName) : t.quit,
  };

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          id: 'app',
          label: options.appName,
          submenu: [
            about,
            separator,
            { id: 'hide', role: 'hide', label: t.hide(options.appName) },
            { id: 'hideOthers', role: 'hideOthers', label: t.hideOthers },
            { id: 'unhide', role: 'unhide', label: t.showAll },
            separator,
            quit,
          ],
        },
      ]
    : [];

  const file: MenuItemConstructorOptions = {
    id: 'file',
    label: title(t.file, 'F'),
    submenu: [
      {
        id: 'print',
        label: t.print,
        accelerator: 'CmdOrCtrl+P',
        click: () => options.onPrint?.(),
      },
      ...(isMac ? [] : [separator, quit]),
    ],
  };

  const edit: MenuItemConstructorOptions = {
    id: 'edit',
    label: title(t.edit, 'E'),
    submenu: [
      { id: 'undo', role: 'undo', label: t.undo },
      { id: 'redo', role: 'redo', label: t.redo },
      separator,
      { id: 'cut', role: 'cut', label: t.cut },
      { id: 'copy', role: 'copy', label: t.copy },
      { id: 'paste', role: 'paste', label: t.paste },
      separator,
      { id: 'selectAll', role: 'selectAll', label: t.selectAll },
    ],
  };

  const view: MenuItemConstructorOptions = {
    id: 'view',
    label: title(t.view, 'V'),
    submenu: [
      { id: 'reload', role: 'reload', label: t.reload },
      separator,
      { id: 'resetZoom', role: 'resetZoom', label: t.resetZoom },
      { id: 'zoomIn', role: 'zoomIn', label: t.zoomIn },
      { id: 'zoomOut', role: 'zoomOut', label: t.zoomOut },
      separator,
      { id: 'togglefullscreen', role: 'togglefullscreen', label: t.fullScreen },
      ...(options.isPackaged
        ? []
        : [
            separator,
            { id: 'toggleDevTools', role: 'toggleDevTools', label: t.devTools } as const,
          ]),
    ],
  };

  const windowMenu: MenuItemConstructorOptions = {
    id: 'window',
    label: title(t.window, 'W'),
    submenu: [
      { id: 'minimize', role: 'minimize', label: t.minimize },
      { id: 'close', role: 'close', label: t.close },
    ],
  };

  const help: MenuItemConstructorOptions = {
    id: 'help',
    role: 'help',
    label: title(t.help, 'H'),
    submenu: isMac ? [] : [about],
  };

  return [...appMenu, file, edit, view, windowMenu, help];
}
