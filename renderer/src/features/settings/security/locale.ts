import { featureLocale } from '../../../vocabulary/locale-kit';

/**
 * The words of the security settings (外部链接白名单, 离线更新) and of the update offer shown at
 * start, under `securitySettings`.
 */
export const securitySettingsLocale = featureLocale(
  {
    title: '安全',
    intro: '受理台可以打开哪些外部网站，以及从哪个共享文件夹安装新版本。只有管理员可以修改。',
    hosts: {
      title: '外部链接白名单',
      intro:
        '受理台只在工作人员点击链接时打开外部网址，并且只打开下列网站；网页跳转和弹出窗口一律不打开。',
      label: '允许打开的网站',
      help: '每行一个网站域名，如 www.12345.gov.cn；*.example.gov.cn 表示该域名下的所有网站。留空则不打开任何外部网址。',
      save: '保存白名单',
      saved: '白名单已保存（{{count}} 个网站）。',
      errors: {
        notAHost: '第 {{line}} 行「{{value}}」不是网站域名：只填域名，不要 https://、路径或端口',
        notAscii:
          '第 {{line}} 行「{{value}}」含中文等非英文字符：请填写浏览器地址栏中显示的 xn-- 形式',
        badWildcard:
          '第 {{line}} 行「{{value}}」：* 只能写在开头，如 *.example.gov.cn，且不能用于顶级域名',
        tooMany: '网站太多（{{value}} 个），最多 {{max}} 个',
      },
    },
    update: {
      title: '离线更新',
      intro:
        '无法连接互联网的单位：把新版本安装程序（如 投诉受理台-0.2.0-x64-nsis.exe）放到共享文件夹，受理台每次启动时会检查并提示安装。受理台不会从互联网下载任何内容。',
      label: '更新文件夹',
      help: '完整路径，如 \\\\fileserver\\受理台更新 或 D:\\安装包；留空则不检查。该文件夹应只有管理员可以写入。',
      save: '保存文件夹',
      saved: '更新文件夹已保存。',
      check: '立即检查',
      checking: '正在检查……',
      notAbsolute: '请填写完整路径，如 \\\\fileserver\\受理台更新 或 D:\\安装包',
      tooLong: '路径太长',
      browser:
        '浏览器版不适用：浏览器版的页面由服务器提供，更新时由服务器管理员替换网页文件，各台电脑无需安装。',
      none: '没有比当前版本 {{running}} 更新的安装程序。',
      unreadable: '无法读取该文件夹：请检查路径是否正确、共享是否可访问。',
      noFolder: '尚未设置更新文件夹。',
    },
    offer: {
      text: '更新文件夹中有新版本 {{version}}（当前 {{running}}）。',
      install: '安装并重启',
      later: '稍后',
      installing: '正在启动安装程序……',
      gone: '安装程序已不在更新文件夹中，请重新检查。',
    },
  },
  {
    title: 'Security',
    intro:
      'Which outside websites the desk may open, and from which shared folder it installs new versions. Only an administrator can change them.',
    hosts: {
      title: 'Allowed external links',
      intro:
        'The desk opens an outside address only when a clerk clicks a link, and only to the websites below; page redirects and pop-ups are never opened.',
      label: 'Websites that may be opened',
      help: 'One host name per line, e.g. www.12345.gov.cn; *.example.gov.cn allows every site under that domain. Empty: no outside address is opened.',
      save: 'Save the list',
      saved: 'The list is saved ({{count}} websites).',
      errors: {
        notAHost:
          'Line {{line}} “{{value}}” is not a host name: only the host, without https://, a path or a port',
        notAscii:
          'Line {{line}} “{{value}}” has non-ASCII letters: type the xn-- form the browser’s address bar shows',
        badWildcard:
          'Line {{line}} “{{value}}”: * only at the start, as in *.example.gov.cn, and not over a top-level domain',
        tooMany: 'Too many websites ({{value}}); at most {{max}}',
      },
    },
    update: {
      title: 'Offline update',
      intro:
        'For organisations without internet access: put the new installer (e.g. 投诉受理台-0.2.0-x64-nsis.exe) in a shared folder; the desk checks it at every start and offers to install. The desk downloads nothing from the internet.',
      label: 'Update folder',
      help: 'The full path, e.g. \\\\fileserver\\desk-updates or D:\\installers; empty: no check. Only administrators should be able to write to it.',
      save: 'Save the folder',
      saved: 'The update folder is saved.',
      check: 'Check now',
      checking: 'Checking…',
      notAbsolute: 'Type the full path, e.g. \\\\fileserver\\desk-updates or D:\\installers',
      tooLong: 'The path is too long',
      browser:
        'Not applicable to the browser build: its pages come from the server, which its administrator updates by replacing the files; nothing is installed on each computer.',
      none: 'No installer newer than the running version {{running}}.',
      unreadable: 'The folder cannot be read: check the path and that the share is reachable.',
      noFolder: 'No update folder is set.',
    },
    offer: {
      text: 'A new version {{version}} is in the update folder (running {{running}}).',
      install: 'Install and restart',
      later: 'Later',
      installing: 'Starting the installer…',
      gone: 'The installer is no longer in the update folder; check again.',
    },
  },
);
