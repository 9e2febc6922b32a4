/**
 * One typed function per API route the UI uses, so views never spell paths or guess reply shapes.
 */
import type {
  AccountResponse,
  ApiCaseStatus,
  ApiRingStatus,
  CaseDetailResponse,
  CaseListResponse,
  CaseResponse,
  JobListResponse,
  JobResponse,
  NeighbourhoodResponse,
  NoteResponse,
  RingDetailResponse,
  RingGraphResponse,
  RingListResponse,
  RunListResponse,
  SearchResponse,
} from '../../../server/api-types';
import { api, apiUrl, seg } from './client';

export interface RingFilters {
  status?: ApiRingStatus | '';
  minScore?: number | null;
  newSince?: string | null;
  sort?: 'score' | 'size';
  cursor?: string | null;
  limit?: number;
}

/** PII reveal: both fields go to the server, which audits the reason. */
export interface Reveal {
  reason: string;
}

const revealQuery = (reveal?: Reveal) => (reveal ? { reveal: true, reason: reveal.reason } : {});

export const endpoints = {
  rings: (filters: RingFilters) => api.get<RingListResponse>('rings', { ...filters }),
  ring: (ringId: string, reveal?: Reveal) =>
    api.get<RingDetailResponse>(`rings/${seg(ringId)}`, revealQuery(reveal)),
  ringGraph: (ringId: string, limit = 2000) =>
    api.get<RingGraphResponse>(`rings/${seg(ringId)}/graph`, { limit }),
  runs: (limit = 20) => api.get<RunListResponse>('runs', { limit }),
  account: (userId: string, reveal?: Reveal) =>
    api.get<AccountResponse>(`accounts/${seg(userId)}`, revealQuery(reveal)),
  neighbourhood: (userId: string, depth = 1, limit = 200) =>
    api.get<NeighbourhoodResponse>(`accounts/${seg(userId)}/neighborhood`, { depth, limit }),
  search: (q: string) => api.get<SearchResponse>('search', { q, limit: 20 }),
  cases: (query: { status?: ApiCaseStatus | ''; assignee?: string; cursor?: string | null }) =>
    api.get<CaseListResponse>('cases', { ...query, limit: 50 }),
  caseDetail: (caseId: string, reveal?: Reveal) =>
    api.get<CaseDetailResponse>(`cases/${seg(caseId)}`, revealQuery(reveal)),
  openCaseFromRing: (ringId: string, title: string) =>
    api.post<CaseResponse>('cases', { ringId, title }),
  updateCase: (
    caseId: string,
    patch: { status?: ApiCaseStatus; assignee?: string | null; decisionNote?: string | null },
  ) => api.patch<CaseResponse>(`cases/${seg(caseId)}`, patch),
  addNote: (caseId: string, text: string) =>
    api.post<NoteResponse>(`cases/${seg(caseId)}/notes`, { text }),
  /** A plain URL (the browser downloads it with the session cookie). */
  caseExportUrl: (caseId: string, format: 'csv' | 'json' | 'html') =>
    apiUrl(`cases/${seg(caseId)}/export`, { format }),
  jobs: () => api.get<JobListResponse>('jobs'),
  runDetection: () => api.post<JobResponse>('jobs/detect', {}),
};
