import { BRIDGE_GLOBAL, type DeskBridge } from '@shared/platform/bridge';
import { browserBridgeCreate } from './browser-bridge';

declare global {
  interface Window {
    [BRIDGE_GLOBAL]?: DeskBridge;
  }
}

/** The Electron preload's bridge when there is one, else the browser implementation. */
export function bridgeResolve(): DeskBridge {
  return (
    window[BRIDGE_GLOBAL] ??
    browserBridgeCreate({
      document,
      print: () => window.print(),
      open: (url, target, features) => window.open(url, target, features),
      version: import.meta.env.VITE_APP_VERSION ?? '0.1.0',
      window,
      userActivated: () => navigator.userActivation?.isActive === true,
    })
  );
}
