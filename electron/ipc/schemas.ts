/**
 * What the main process accepts from the renderer, per bridge method (zod). The types in
 * shared/platform/bridge.ts say what a well-behaved renderer sends; these schemas check that it did.
 */
import { syncOriginOf } from '@shared/sync/desk-sync';
import { z } from 'zod';
import { EXTERNAL_HOSTS_MAX, externalHostNormalise } from '@shared/platform/external-hosts';
import { isSafeExternalUrl } from '../trusted-url';
import { isAbsoluteFolder } from './update';

/** The largest file the renderer may hand over for saving. */
export const MAX_SAVE_BYTES = 200 * 1024 * 1024;

/** Longest suggested file name and print title, in characters. */
export const MAX_NAME_LENGTH = 200;

/** Widest page margin accepted, in millimetres. */
export const MAX_MARGIN_MM = 50;

// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;

/** A bare file name: no directory part, nothing that means "this folder" or "the parent". */
export function isPlainFileName(name: string): boolean {
  return !/[/\\]/.test(name) && !CONTROL_CHARACTERS.test(name) && name !== '.' && name !== '..';
}

const fileName = z
  .string()
  .min(1)
  .max(MAX_NAME_LENGTH)
  .refine(isPlainFileName, 'a file name without a folder');

const mimeType = z
  .string()
  .max(255)
  .regex(/^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i, 'a MIME type');

const fileData = z
  .instanceof(Uint8Array)
  .refine((data) => data.byteLength <= MAX_SAVE_BYTES, 'at most 200 MB');

const millimetres = z.number().min(0).max(MAX_MARGIN_MM);

const printRequest = z.object({
  landscape: z.boolean(),
  pageSize: z.enum(['A4', 'A3']).optional(),
  margins: z.object({
    top: millimetres,
    right: millimetres,
    bottom: millimetres,
    left: millimetres,
  }),
  title: z.string().max(MAX_NAME_LENGTH),
});

/** A host of the allow-list exactly as the settings page stores it (already normalised). */
const externalHost = z
  .string()
  .max(253)
  .refine((host) => {
    const normalised = externalHostNormalise(host);
    return 'host' in normalised && normalised.host === host;
  }, 'a host name or *.domain');

/** An absolute folder, without control characters (they never name a real share). */
function isUpdateFolder(folder: string): boolean {
  return isAbsoluteFolder(folder) && !CONTROL_CHARACTERS.test(folder);
}

/** The argument lists (`...args` after the event) of each channel. */
export const BRIDGE_ARGUMENTS = {
  appInfo: z.tuple([]),
  saveFile: z.tuple([z.object({ suggestedName: fileName, mimeType, data: fileData })]),
  printPage: z.tuple([printRequest]),
  printToPdf: z.tuple([printRequest]),
  // The second argument is the page's user activation, read by the preload (not the page).
  openExternal: z.tuple([
    z.string().max(2048).refine(isSafeExternalUrl, 'an http(s) or mailto URL'),
    z.boolean(),
  ]),
  setExternalHosts: z.tuple([z.array(externalHost).max(EXTERNAL_HOSTS_MAX)]),
  // Exactly an http(s) origin: a typo cannot widen connect-src to a scheme or a wildcard.
  setSyncServer: z.tuple([
    z
      .string()
      .max(300)
      .refine((origin) => syncOriginOf(origin) === origin, 'an http(s) origin')
      .nullable(),
  ]),
  updateCheck: z.tuple([
    z.string().min(1).max(1024).refine(isUpdateFolder, 'an absolute folder path'),
  ]),
  updateInstall: z.tuple([]),
} as const;
