/**
 * Failures of bridge requests: the codes live in the contract (shared/platform/bridge.ts); the main
 * process never sends prose, the renderer words each code (STYLE.md section 7).
 */
import {
  BRIDGE_FAILURE_REASONS,
  type BridgeFailure,
  type BridgeFailureReason,
} from '@shared/platform/bridge';

export { BRIDGE_FAILURE_REASONS, type BridgeFailure, type BridgeFailureReason };

export function bridgeFailure(reason: BridgeFailureReason): BridgeFailure {
  return { status: 'failed', reason };
}

/**
 * Rejects a request whose result type has no `failed` variant (openExternal resolves to void):
 * the renderer's promise rejects with the code in the message.
 */
export class BridgeRefusedError extends Error {
  constructor(readonly reason: BridgeFailureReason) {
    super(`desk-bridge:${reason}`);
    this.name = 'BridgeRefusedError';
  }
}

/** The failure code for a file-system error, from its Node error code. */
export function writeFailureReason(error: unknown): BridgeFailureReason {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EBUSY':
    case 'EROFS':
      return 'write-denied';
    case 'ENOSPC':
    case 'EDQUOT':
      return 'disk-full';
    default:
      return 'write-failed';
  }
}
