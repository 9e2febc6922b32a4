const GMAIL_DOMAINS = new Set(['gmail.com', 'googlemail.com']);

function isSpace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13) || code === 160;
}

/**
 * Canonical form of an email address, or null when it has no usable `local@domain`.
 *
 * Lower case; spaces removed; a `Name <addr>` wrapper and a `mailto:` prefix dropped; the
 * `+tag` of the local part dropped (every provider that matters delivers `a+x@` to `a@`);
 * for Gmail, dots in the local part dropped and `googlemail.com` folded into `gmail.com`,
 * because Gmail delivers all of them to one mailbox and fraudsters rely on that.
 */
export function normalizeEmail(raw: string): string | null {
  let s = raw;
  const lt = s.indexOf('<');
  if (lt !== -1) {
    const gt = s.indexOf('>', lt + 1);
    s = gt === -1 ? s.slice(lt + 1) : s.slice(lt + 1, gt);
  }
  s = s.toLowerCase();
  let hasSpace = false;
  for (let i = 0; i < s.length; i++) {
    if (isSpace(s.charCodeAt(i))) {
      hasSpace = true;
      break;
    }
  }
  if (hasSpace) s = s.split(/\s+/).join('');
  if (s.startsWith('mailto:')) s = s.slice(7);
  const at = s.lastIndexOf('@');
  if (at <= 0 || at === s.length - 1) return null;
  let local = s.slice(0, at);
  let domain = s.slice(at + 1);
  if (domain.charCodeAt(domain.length - 1) === 46) domain = domain.slice(0, -1);
  if (domain.length === 0 || domain.indexOf('@') !== -1) return null;
  const plus = local.indexOf('+');
  if (plus === 0) return null;
  if (plus > 0) local = local.slice(0, plus);
  if (GMAIL_DOMAINS.has(domain)) {
    domain = 'gmail.com';
    if (local.indexOf('.') !== -1) local = local.split('.').join('');
    if (local.length === 0) return null;
  }
  return `${local}@${domain}`;
}
