/**
 * Actions written to the audit log. Targets are `ring:<id>`, `account:<id>`, `case:<id>`,
 * `user:<id>`, `search`, `job:<id>`. Details carry ids, counts and reasons, never profile values.
 */
export const AUDIT_ACTIONS = {
  ringView: 'ring.view',
  accountView: 'account.view',
  search: 'search',
  piiReveal: 'pii.reveal',
  caseCreate: 'case.create',
  caseView: 'case.view',
  caseUpdate: 'case.update',
  caseNote: 'case.note',
  caseExport: 'case.export',
  jobEnqueue: 'job.enqueue',
  login: 'session.login',
  loginFailed: 'session.login_failed',
  logout: 'session.logout',
} as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[keyof typeof AUDIT_ACTIONS];
