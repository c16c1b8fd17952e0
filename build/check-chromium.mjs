// The end-to-end suite runs in Debian's Chromium; it must never be skipped silently.
import { accessSync, constants } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
try {
  accessSync(path, constants.X_OK);
} catch {
  console.error(
    `No Chromium at ${path}. The end-to-end tests need it: install Debian's packages with\n` +
      '  apt-get install -y chromium fonts-noto-cjk poppler-utils\n' +
      'or set CHROMIUM_PATH to a Chromium executable.',
  );
  process.exit(1);
}
