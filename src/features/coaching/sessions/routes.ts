import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../platform/context.ts';
import { problemResponses } from '../../../platform/http/schemas.ts';
import { coachingPolicy } from '../policy.ts';
import { EngagementParams } from '../schemas.ts';
import { viewerOf } from '../viewer.ts';
import { addSharedNote, sharedNotesOf } from './notes.ts';
import { getPrivateNote, listPrivateNotes, updatePrivateNote, writePrivateNote } from './private-notes.ts';
import {
  AttendanceBody, AttendanceSchema, CancelBody, FocusBody, NoteBody, PrivateNoteBody, PrivateNoteParams, PrivateNoteReceiptSchema, PrivateNoteSchema,
  RatingBody, RescheduleBody, ScheduleBody, SessionDetailSchema, SessionParams, SessionSchema, SharedNoteSchema,
} from './schemas.ts';
import {
  attendance, cancelSession, listSessions, rateSession, recordAttendance, rescheduleSession, scheduleSession, sessionDetail, setFocus,
} from './service.ts';

const access = coachingPolicy.access('participate');
const tags = ['coaching'];

/**
 * Sessions of an engagement, their shared record, and the coach's private notes. Who may do what
 * follows from the caller's part in the engagement (engagement-permissions.ts); people with no
 * part in it are told the session does not exist.
 */
export const sessionRoutes = (context: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  app.addSchema(SessionSchema);
  app.addSchema(SharedNoteSchema);
  app.addSchema(SessionDetailSchema);
  app.addSchema(PrivateNoteSchema);
  app.addSchema(PrivateNoteReceiptSchema);
  const { db } = context;
  const detail = (orgId: string, sessionId: string, request: Parameters<typeof viewerOf>[0]) => sessionDetail(db, orgId, sessionId, viewerOf(request));
  const sessionAnswer = { 200: Type.Ref('CoachingSessionDetail'), ...problemResponses };

  app.post('/api/orgs/:orgId/engagements/:engagementId/sessions', {
    config: { access },
    schema: {
      tags, summary: 'Schedule a session (coach or client), once the agreement holds',
      description: 'The time zone defaults to yours. Starts may lie up to 90 days back (to record a session after the fact) and two years ahead.',
      params: EngagementParams, body: ScheduleBody, response: { 201: Type.Ref('CoachingSessionDetail'), ...problemResponses },
    },
  }, async (request, reply) => {
    const { orgId, engagementId } = request.params;
    const id = await db.transaction().execute((trx) => scheduleSession(trx, orgId, engagementId, viewerOf(request), request.body));
    return reply.status(201).send(await detail(orgId, id, request));
  });

  app.get('/api/orgs/:orgId/engagements/:engagementId/sessions', {
    config: { access },
    schema: {
      tags, summary: 'The engagement’s sessions, for its coach and client: upcoming (soonest first), past (latest first) or all',
      params: EngagementParams,
      querystring: Type.Object({ when: Type.Optional(Type.Union([Type.Literal('upcoming'), Type.Literal('past')])) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Type.Ref('CoachingSession')) }), ...problemResponses },
    },
  }, async (request) => ({ items: await listSessions(db, request.params.orgId, request.params.engagementId, viewerOf(request), request.query.when) }));

  app.get('/api/orgs/:orgId/engagements/:engagementId/attendance', {
    config: { access },
    schema: {
      tags, summary: 'Session dates and attendance, never their content',
      description: 'For the coach and the client, and for the sponsor when the accepted agreement shares attendance.',
      params: EngagementParams, response: { 200: AttendanceSchema, ...problemResponses },
    },
  }, async (request) => ({ items: await attendance(db, request.params.orgId, request.params.engagementId, viewerOf(request)) }));

  app.get('/api/orgs/:orgId/sessions/:sessionId', {
    config: { access },
    schema: {
      tags, summary: 'One session with its focus, shared notes and the review of action items (coach and client)',
      params: SessionParams, response: sessionAnswer,
    },
  }, async (request) => detail(request.params.orgId, request.params.sessionId, request));

  app.post('/api/orgs/:orgId/sessions/:sessionId/reschedule', {
    config: { access },
    schema: { tags, summary: 'Move a scheduled session (coach or client)', params: SessionParams, body: RescheduleBody, response: sessionAnswer },
  }, async (request) => {
    await db.transaction().execute((trx) => rescheduleSession(trx, request.params.orgId, request.params.sessionId, viewerOf(request), request.body));
    return detail(request.params.orgId, request.params.sessionId, request);
  });

  app.post('/api/orgs/:orgId/sessions/:sessionId/cancel', {
    config: { access },
    schema: {
      tags, summary: 'Cancel a scheduled session with a reason (coach or client)',
      description: 'Less than 24 hours before the start, it is recorded as a late cancellation.',
      params: SessionParams, body: CancelBody, response: sessionAnswer,
    },
  }, async (request) => {
    await db.transaction().execute((trx) => cancelSession(trx, request.params.orgId, request.params.sessionId, viewerOf(request), request.body.reason));
    return detail(request.params.orgId, request.params.sessionId, request);
  });

  app.post('/api/orgs/:orgId/sessions/:sessionId/attendance', {
    config: { access },
    schema: { tags, summary: 'Record a started session as held or as a no-show (coach)', params: SessionParams, body: AttendanceBody, response: sessionAnswer },
  }, async (request) => {
    await db.transaction().execute((trx) => recordAttendance(trx, request.params.orgId, request.params.sessionId, viewerOf(request), request.body.status));
    return detail(request.params.orgId, request.params.sessionId, request);
  });

  app.put('/api/orgs/:orgId/sessions/:sessionId/focus', {
    config: { access },
    schema: { tags, summary: 'Set or change the session’s focus (client), until the session ends', params: SessionParams, body: FocusBody, response: sessionAnswer },
  }, async (request) => {
    await db.transaction().execute((trx) => setFocus(trx, request.params.orgId, request.params.sessionId, viewerOf(request), request.body.focus));
    return detail(request.params.orgId, request.params.sessionId, request);
  });

  app.put('/api/orgs/:orgId/sessions/:sessionId/rating', {
    config: { access },
    schema: { tags, summary: 'Rate a held session 1–5 with a comment (client); rating again replaces it', params: SessionParams, body: RatingBody, response: sessionAnswer },
  }, async (request) => {
    await db.transaction().execute((trx) => rateSession(trx, request.params.orgId, request.params.sessionId, viewerOf(request), request.body));
    return detail(request.params.orgId, request.params.sessionId, request);
  });

  app.post('/api/orgs/:orgId/sessions/:sessionId/notes', {
    config: { access },
    schema: {
      tags, summary: 'Add to the shared record: a note (coach or client), an observation or a question (coach)',
      params: SessionParams, body: NoteBody, response: { 201: Type.Ref('SessionNote'), ...problemResponses },
    },
  }, async (request, reply) => {
    const { orgId, sessionId } = request.params;
    const id = await db.transaction().execute((trx) => addSharedNote(trx, orgId, sessionId, viewerOf(request), request.body));
    const notes = await sharedNotesOf(db, orgId, sessionId, viewerOf(request));
    return reply.status(201).send(notes.find((note) => note.id === id)!);
  });

  app.get('/api/orgs/:orgId/sessions/:sessionId/notes', {
    config: { access },
    schema: {
      tags, summary: 'The session’s shared record (coach and client)',
      params: SessionParams, response: { 200: Type.Object({ items: Type.Array(Type.Ref('SessionNote')) }), ...problemResponses },
    },
  }, async (request) => ({ items: await sharedNotesOf(db, request.params.orgId, request.params.sessionId, viewerOf(request)) }));

  // The coach's private notes: readable by their author only; every read is audited.
  app.post('/api/orgs/:orgId/sessions/:sessionId/private-notes', {
    config: { access },
    schema: {
      tags, summary: 'Write a private note on a session (its coach); only you will ever read it',
      description: 'The answer carries no text: reading it back is an audited read.',
      params: SessionParams, body: PrivateNoteBody, response: { 201: Type.Ref('PrivateNoteReceipt'), ...problemResponses },
    },
  }, async (request, reply) => {
    const written = await db.transaction().execute((trx) => writePrivateNote(trx, request.params.orgId, request.params.sessionId, viewerOf(request), request.body.body));
    return reply.status(201).send(written);
  });

  app.get('/api/orgs/:orgId/sessions/:sessionId/private-notes', {
    config: { access },
    schema: {
      tags, summary: 'Your private notes on a session (their author only); the read is written to the audit log',
      params: SessionParams, response: { 200: Type.Object({ items: Type.Array(Type.Ref('PrivateNote')) }), ...problemResponses },
    },
  }, async (request) => ({
    items: await db.transaction().execute((trx) => listPrivateNotes(trx, request.params.orgId, request.params.sessionId, viewerOf(request))),
  }));

  app.get('/api/orgs/:orgId/private-notes/:noteId', {
    config: { access },
    schema: {
      tags, summary: 'One of your private notes (its author only); the read is written to the audit log',
      params: PrivateNoteParams, response: { 200: Type.Ref('PrivateNote'), ...problemResponses },
    },
  }, async (request) => db.transaction().execute((trx) => getPrivateNote(trx, request.params.orgId, request.params.noteId, viewerOf(request))));

  app.put('/api/orgs/:orgId/private-notes/:noteId', {
    config: { access },
    schema: {
      tags, summary: 'Rewrite one of your private notes (its author only)',
      params: PrivateNoteParams, body: PrivateNoteBody, response: { 200: Type.Ref('PrivateNoteReceipt'), ...problemResponses },
    },
  }, async (request) => db.transaction().execute((trx) => updatePrivateNote(trx, request.params.orgId, request.params.noteId, viewerOf(request), request.body.body)));
};
