/**
 * The route table of `/api`: method, path, who may call it, the zod schemas of its input (the
 * OpenAPI document is generated from them) and its handler. HTTP concerns live in `server/http/`;
 * handlers in `server/handlers/` are plain functions of `(context, input)`.
 */
import { defineRoute, type RouteDef } from './http/handler-types';
import { idParams } from './schemas/common';
import { ringGraphQuery, ringListQuery, ringQuery, runListQuery } from './schemas/ring-schemas';
import { accountQuery, neighbourhoodQuery, searchQuery } from './schemas/account-schemas';
import {
  caseListQuery,
  caseQuery,
  createCaseBody,
  exportQuery,
  noteBody,
  updateCaseBody,
} from './schemas/case-schemas';
import {
  auditQuery,
  detectJobBody,
  jobListQuery,
  jobParams,
  loginBody,
} from './schemas/admin-schemas';
import { health } from './handlers/health';
import { sessionCreate } from './handlers/session-create';
import { sessionGet } from './handlers/session-get';
import { sessionDelete } from './handlers/session-delete';
import { ringsList } from './handlers/rings-list';
import { ringGet } from './handlers/ring-get';
import { ringGraph } from './handlers/ring-graph';
import { runsList } from './handlers/runs-list';
import { accountGet } from './handlers/account-get';
import { accountNeighbourhood } from './handlers/account-neighbourhood';
import { search } from './handlers/search';
import { caseCreate } from './handlers/case-create';
import { casesList } from './handlers/cases-list';
import { caseGet } from './handlers/case-get';
import { caseUpdate } from './handlers/case-update';
import { caseNoteAdd } from './handlers/case-note-add';
import { caseExport } from './handlers/case-export';
import { jobsDetect } from './handlers/jobs-detect';
import { jobsList } from './handlers/jobs-list';
import { jobGet } from './handlers/job-get';
import { auditList } from './handlers/audit-list';

const notFound = (what: string) => ({ 404: `${what} not found` });

export const ROUTES: RouteDef[] = [
  defineRoute({
    method: 'get',
    path: '/health',
    access: 'public',
    summary: 'Liveness',
    responses: { 200: 'HealthResponse' },
    handler: health,
  }),
  defineRoute({
    method: 'post',
    path: '/session',
    access: 'public',
    summary: 'Log in with name and password; sets an httpOnly SameSite=Strict session cookie',
    body: loginBody,
    responses: { 201: 'SessionResponse', 401: 'wrong name or password', 429: 'too many attempts' },
    handler: sessionCreate,
  }),
  defineRoute({
    method: 'get',
    path: '/session',
    access: 'user',
    summary: 'The current caller and CSRF token',
    responses: { 200: 'SessionResponse' },
    handler: sessionGet,
  }),
  defineRoute({
    method: 'delete',
    path: '/session',
    access: 'user',
    summary: 'Log out',
    responses: { 204: 'logged out' },
    handler: sessionDelete,
  }),
  defineRoute({
    method: 'get',
    path: '/rings',
    access: 'user',
    summary: 'Rings of a run',
    query: ringListQuery,
    responses: { 200: 'RingListResponse', ...notFound('run') },
    handler: ringsList,
  }),
  defineRoute({
    method: 'get',
    path: '/rings/:id',
    access: 'user',
    summary: 'One ring with members, features, evidence and lineage',
    params: idParams,
    query: ringQuery,
    responses: { 200: 'RingDetailResponse', ...notFound('ring') },
    handler: ringGet,
  }),
  defineRoute({
    method: 'get',
    path: '/rings/:id/graph',
    access: 'user',
    summary: 'A ring as Cytoscape elements',
    params: idParams,
    query: ringGraphQuery,
    responses: { 200: 'RingGraphResponse', ...notFound('ring') },
    handler: ringGraph,
  }),
  defineRoute({
    method: 'get',
    path: '/runs',
    access: 'user',
    summary: 'Detection runs, newest first',
    query: runListQuery,
    responses: { 200: 'RunListResponse' },
    handler: runsList,
  }),
  defineRoute({
    method: 'get',
    path: '/accounts/:id',
    access: 'user',
    summary: 'One account',
    params: idParams,
    query: accountQuery,
    responses: { 200: 'AccountResponse', ...notFound('account') },
    handler: accountGet,
  }),
  defineRoute({
    method: 'get',
    path: '/accounts/:id/neighborhood',
    access: 'user',
    summary: "An account's neighbourhood as Cytoscape elements",
    params: idParams,
    query: neighbourhoodQuery,
    responses: { 200: 'NeighbourhoodResponse', ...notFound('account') },
    handler: accountNeighbourhood,
  }),
  defineRoute({
    method: 'get',
    path: '/search',
    access: 'user',
    summary: 'Find accounts by id, email, phone, device, card or IP',
    query: searchQuery,
    responses: { 200: 'SearchResponse' },
    handler: search,
  }),
  defineRoute({
    method: 'post',
    path: '/cases',
    access: 'user',
    summary: 'Open a case on a ring or on accounts',
    body: createCaseBody,
    responses: { 201: 'CaseResponse', ...notFound('ring') },
    handler: caseCreate,
  }),
  defineRoute({
    method: 'get',
    path: '/cases',
    access: 'user',
    summary: 'Cases, newest first',
    query: caseListQuery,
    responses: { 200: 'CaseListResponse' },
    handler: casesList,
  }),
  defineRoute({
    method: 'get',
    path: '/cases/:id',
    access: 'user',
    summary: 'One case with notes and accounts',
    params: idParams,
    query: caseQuery,
    responses: { 200: 'CaseDetailResponse', ...notFound('case') },
    handler: caseGet,
  }),
  defineRoute({
    method: 'patch',
    path: '/cases/:id',
    access: 'user',
    summary: 'Change status, assignee or decision note',
    params: idParams,
    body: updateCaseBody,
    responses: { 200: 'CaseResponse', ...notFound('case'), 409: 'case already decided' },
    handler: caseUpdate,
  }),
  defineRoute({
    method: 'post',
    path: '/cases/:id/notes',
    access: 'user',
    summary: 'Add a note',
    params: idParams,
    body: noteBody,
    responses: { 201: 'NoteResponse', ...notFound('case') },
    handler: caseNoteAdd,
  }),
  defineRoute({
    method: 'get',
    path: '/cases/:id/export',
    access: 'user',
    summary: 'Case export file (csv, json or html)',
    params: idParams,
    query: exportQuery,
    responses: { 200: 'the export file', ...notFound('case') },
    handler: caseExport,
  }),
  defineRoute({
    method: 'post',
    path: '/jobs/detect',
    access: 'admin',
    summary: 'Enqueue a detection run',
    body: detectJobBody,
    responses: { 202: 'JobResponse' },
    handler: jobsDetect,
  }),
  defineRoute({
    method: 'get',
    path: '/jobs',
    access: 'admin',
    summary: 'Recent jobs',
    query: jobListQuery,
    responses: { 200: 'JobListResponse' },
    handler: jobsList,
  }),
  defineRoute({
    method: 'get',
    path: '/jobs/:id',
    access: 'admin',
    summary: 'One job',
    params: jobParams,
    responses: { 200: 'JobResponse', ...notFound('job') },
    handler: jobGet,
  }),
  defineRoute({
    method: 'get',
    path: '/audit',
    access: 'admin',
    summary: 'The audit log, newest first',
    query: auditQuery,
    responses: { 200: 'AuditListResponse' },
    handler: auditList,
  }),
];
