/**
 * bridge.saveFile: a save dialog that starts in the clerk's Documents folder with the suggested
 * name, then an atomic write of the bytes where the clerk chose.
 */
import path from 'node:path';
import type { FileFilter } from 'electron';
import type { SaveFileRequest, SaveFileResult } from '@shared/platform/bridge';
import { writeFileAtomic } from './atomic-write';
import type { BridgeDeps, SenderContents } from './deps';
import { bridgeFailure, writeFailureReason, type BridgeFailure } from './failure';

const FILTER_NAMES: Readonly<Record<string, { readonly 'zh-CN': string; readonly en: string }>> = {
  xlsx: { 'zh-CN': 'Excel 工作簿', en: 'Excel workbook' },
  pdf: { 'zh-CN': 'PDF 文档', en: 'PDF document' },
  csv: { 'zh-CN': 'CSV 文件', en: 'CSV file' },
  json: { 'zh-CN': 'JSON 文件', en: 'JSON file' },
  zip: { 'zh-CN': 'ZIP 压缩包', en: 'ZIP archive' },
};

/** The dialog's file-type filter for a suggested name, by its extension. */
export function saveFiltersFor(fileName: string, locale: BridgeDeps['locale']): FileFilter[] {
  const extension = path.extname(fileName).slice(1).toLowerCase();
  if (extension === '') return [];
  const name = FILTER_NAMES[extension]?.[locale] ?? extension.toUpperCase();
  return [{ name, extensions: [extension] }];
}

/**
 * The name the save dialog opens with: characters Windows does not allow in file names, path
 * separators and control characters become `_`, so a print title such as `2026/11 登记表` is
 * one file name in Documents (the clerk can still edit it).
 */
export function dialogSafeFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.replace(/[<>:"/\\|?*\u0000-\u001f\u007f]/g, '_').trim();
}

/** Asks where to save `data` (suggesting `suggestedName` in Documents) and writes it there. */
export async function saveWithDialog(
  deps: BridgeDeps,
  sender: SenderContents,
  suggestedName: string,
  data: Uint8Array,
): Promise<SaveFileResult | BridgeFailure> {
  const choice = await deps.showSaveDialog(sender, {
    defaultPath: path.join(deps.documentsDir(), dialogSafeFileName(suggestedName)),
    filters: saveFiltersFor(suggestedName, deps.locale),
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (choice.canceled || !choice.filePath) return { status: 'cancelled' };

  try {
    await writeFileAtomic(deps.fs, choice.filePath, data);
  } catch (error) {
    deps.log(`saveFile: writing ${choice.filePath} failed`, error);
    return bridgeFailure(writeFailureReason(error));
  }
  return { status: 'saved', path: choice.filePath };
}

export function saveFile(
  deps: BridgeDeps,
  sender: SenderContents,
  request: SaveFileRequest,
): Promise<SaveFileResult | BridgeFailure> {
  return saveWithDialog(deps, sender, request.suggestedName, request.data);
}
