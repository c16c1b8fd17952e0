/**
 * The web hosts an administrator allows the desk to open in the system browser (设置 · 安全).
 * The desk opens an address outside itself only when a clerk clicks a link to one of these hosts:
 * never on a navigation, a redirect or `window.open` (electron/security.ts), never to anything
 * else. Pure: the settings page checks what was typed with `externalHostsParse`, and both bridges
 * decide with `externalHostAllowed`.
 */

/** At most this many hosts: an allow-list, not a copy of the web. */
export const EXTERNAL_HOSTS_MAX = 100;

/** The longest host name DNS allows. */
const HOST_MAX_LENGTH = 253;

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export type ExternalHostErrorCode =
  /** `https://`, a path, a port, user info or a space: only the host name is wanted. */
  | 'notAHost'
  /** Letters outside ASCII: type the `xn--` form the browser shows. */
  | 'notAscii'
  /** `*` anywhere but a leading `*.`, or a wildcard over a top-level domain (`*.cn`). */
  | 'badWildcard'
  | 'tooMany';

export interface ExternalHostError {
  /** 1-based line of the text, 0 for the list as a whole. */
  readonly line: number;
  readonly value: string;
  readonly code: ExternalHostErrorCode;
}

export type ExternalHostsParse =
  | { readonly ok: true; readonly hosts: readonly string[] }
  | { readonly ok: false; readonly errors: readonly ExternalHostError[] };

/** One host as stored: lower case, without a trailing dot; undefined with the reason otherwise. */
export function externalHostNormalise(
  typed: string,
): { host: string } | { code: Exclude<ExternalHostErrorCode, 'tooMany'> } {
  const value = typed.trim().toLowerCase().replace(/\.$/, '');
  // eslint-disable-next-line no-control-regex -- every non-ASCII character is refused
  if (/[^\x00-\x7f]/.test(value)) return { code: 'notAscii' };
  if (value === '' || value.length > HOST_MAX_LENGTH || /[\s/:@?#\\]/.test(value)) {
    return { code: 'notAHost' };
  }
  const wildcard = value.startsWith('*.');
  const rest = wildcard ? value.slice(2) : value;
  if (rest.includes('*')) return { code: 'badWildcard' };
  if (IPV4.test(rest)) return wildcard ? { code: 'badWildcard' } : { host: rest };
  const labels = rest.split('.');
  if (!labels.every((label) => LABEL.test(label))) return { code: 'notAHost' };
  // `*.cn` would allow a whole country; a wildcard needs at least a registrable name under it.
  if (wildcard && labels.length < 2) return { code: 'badWildcard' };
  return { host: wildcard ? `*.${rest}` : rest };
}

/**
 * The allow-list as typed in the settings page: one host per line (commas and spaces also
 * separate), `*.example.gov.cn` for every host under a domain. Blank lines and repeats are
 * dropped; every bad line is reported with its number.
 */
export function externalHostsParse(text: string): ExternalHostsParse {
  const hosts: string[] = [];
  const errors: ExternalHostError[] = [];
  text.split(/\r?\n/).forEach((line, index) => {
    for (const item of line.split(/[,，\s]+/)) {
      if (item.trim() === '') continue;
      const result = externalHostNormalise(item);
      if ('code' in result) errors.push({ line: index + 1, value: item.trim(), code: result.code });
      else if (!hosts.includes(result.host)) hosts.push(result.host);
    }
  });
  if (hosts.length > EXTERNAL_HOSTS_MAX) {
    errors.push({ line: 0, value: String(hosts.length), code: 'tooMany' });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, hosts };
}

/**
 * Whether `hostname` (as the URL parser gives it: lower case, IDN in `xn--` form) is on the list:
 * equal to an entry, or strictly under a `*.` entry (`*.example.cn` allows `www.example.cn`, not
 * `example.cn` and not `badexample.cn`).
 */
export function externalHostAllowed(hostname: string, allowed: readonly string[]): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  if (host === '') return false;
  return allowed.some((entry) =>
    entry.startsWith('*.') ? host.endsWith(entry.slice(1)) : host === entry,
  );
}

/**
 * The host a web or mail address would reach: its host name, or the domain of a mailto with one
 * recipient ('' for several: each would need checking, and the desk never writes such links).
 */
export function externalTargetHost(url: {
  readonly protocol: string;
  readonly hostname: string;
  readonly pathname: string;
}): string {
  if (url.protocol !== 'mailto:') return url.hostname;
  let address: string;
  try {
    address = decodeURIComponent(url.pathname);
  } catch {
    return ''; // A malformed escape reaches no host.
  }
  const at = address.lastIndexOf('@');
  return at < 0 || address.includes(',') ? '' : address.slice(at + 1);
}

/** Why an address was not opened, or that it was. */
export type ExternalOpenDecision = 'open' | 'not-activated' | 'unsafe-url' | 'host-not-allowed';

/**
 * The one decision both bridges make before opening an address outside the desk: only on a
 * clerk's click (`userActivated`, read from the page's user activation by the preload or the
 * browser bridge), only a safe web or mail address (`safe`), and only to an allowed host.
 */
export function externalOpenDecision(input: {
  readonly userActivated: boolean;
  readonly safe: boolean;
  readonly host: string;
  readonly allowedHosts: readonly string[];
}): ExternalOpenDecision {
  if (!input.userActivated) return 'not-activated';
  if (!input.safe) return 'unsafe-url';
  return externalHostAllowed(input.host, input.allowedHosts) ? 'open' : 'host-not-allowed';
}
