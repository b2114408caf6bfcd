import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MAX_TOPICS, mayLogCheckIn } from '../../../domain/mentoring/check-ins.ts';
import type { AppContext } from '../../../platform/context.ts';
import { conflict } from '../../../platform/http/problem.ts';
import { problemResponses, Uuid } from '../../../platform/http/schemas.ts';
import { NOT_BLANK } from '../../../platform/http/validation.ts';
import { mentoringPolicy } from '../policy.ts';
import { loadRelationship } from '../relationship-access.ts';
import { mentoringViewerOf } from '../viewer.ts';
import { listOwnReflections, writeReflection } from './reflections.ts';
import { editCheckIn, getCheckIn, listCheckIns, logCheckIn } from './service.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const CheckInSchema = Type.Object({
  id: Uuid, relationshipId: Uuid, metOn: Type.String({ format: 'date' }), topics: Type.Array(Type.String()), sharedNotes: Type.String(),
  loggedBy: Type.Object({ personId: Uuid, name: Type.String() }), createdAt: Type.String(), editedAt: Nullable(Type.String()),
}, { $id: 'MentoringCheckIn' });

/** Shared with the closing routes; added once for all of mentoring (../routes.ts). */
export const ReflectionReceiptSchema = Type.Object({
  id: Uuid, relationshipId: Uuid, checkInId: Nullable(Uuid), kind: Type.Union([Type.Literal('check_in'), Type.Literal('closing')]), createdAt: Type.String(),
}, { $id: 'MentoringReflectionReceipt', description: 'A reflection as written: its text is not echoed; only its author reads it, through the audited list' });

const CheckInFields = {
  metOn: Type.String({ format: 'date', description: 'The day you met (YYYY-MM-DD), not in the future' }),
  topics: Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { maxItems: MAX_TOPICS, description: 'What you talked about, as short tags' }),
  sharedNotes: Type.String({ maxLength: 10_000, description: 'Notes both of you read' }),
};

const RelationshipParams = Type.Object({ orgId: Uuid, relationshipId: Uuid });
const CheckInParams = Type.Object({ orgId: Uuid, relationshipId: Uuid, checkInId: Uuid });

export const checkInRoutes = (context: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  app.addSchema(CheckInSchema);
  const { db } = context;
  const base = '/api/orgs/:orgId/mentoring/relationships/:relationshipId';

  app.post(`${base}/check-ins`, {
    config: { access: mentoringPolicy.access('participate') },
    schema: {
      tags: ['mentoring'], summary: 'Log a check-in: the day you met, the topics, and notes you both read (mentor or mentee of a running relationship)',
      params: RelationshipParams,
      body: Type.Object({ metOn: CheckInFields.metOn, topics: CheckInFields.topics, sharedNotes: Type.Optional(CheckInFields.sharedNotes) }, { additionalProperties: false }),
      response: { 201: Type.Ref('MentoringCheckIn'), ...problemResponses },
    },
  }, async (request, reply) => {
    const viewer = mentoringViewerOf(request);
    const { orgId, relationshipId } = request.params;
    const id = await db.transaction().execute((trx) => logCheckIn(trx, orgId, relationshipId, viewer, request.body));
    return reply.status(201).send(await getCheckIn(db, orgId, relationshipId, id, viewer));
  });

  app.get(`${base}/check-ins`, {
    config: { access: mentoringPolicy.access('participate') },
    schema: {
      tags: ['mentoring'], summary: 'The relationship’s check-ins, newest first (its mentor and mentee only; the admin sees health and counts)',
      params: RelationshipParams, response: { 200: Type.Object({ items: Type.Array(Type.Ref('MentoringCheckIn')) }), ...problemResponses },
    },
  }, async (request) => ({ items: await listCheckIns(db, request.params.orgId, request.params.relationshipId, mentoringViewerOf(request)) }));

  app.get(`${base}/check-ins/:checkInId`, {
    config: { access: mentoringPolicy.access('participate') },
    schema: { tags: ['mentoring'], summary: 'One check-in', params: CheckInParams, response: { 200: Type.Ref('MentoringCheckIn'), ...problemResponses } },
  }, async (request) => getCheckIn(db, request.params.orgId, request.params.relationshipId, request.params.checkInId, mentoringViewerOf(request)));

  app.patch(`${base}/check-ins/:checkInId`, {
    config: { access: mentoringPolicy.access('participate') },
    schema: {
      tags: ['mentoring'], summary: 'Correct a check-in you logged', params: CheckInParams,
      body: Type.Partial(Type.Object(CheckInFields), { additionalProperties: false, minProperties: 1 }),
      response: { 200: Type.Ref('MentoringCheckIn'), ...problemResponses },
    },
  }, async (request) => {
    const viewer = mentoringViewerOf(request);
    const { orgId, relationshipId, checkInId } = request.params;
    await db.transaction().execute((trx) => editCheckIn(trx, orgId, relationshipId, checkInId, viewer, request.body));
    return getCheckIn(db, orgId, relationshipId, checkInId, viewer);
  });

  app.post(`${base}/reflections`, {
    config: { access: mentoringPolicy.access('participate') },
    schema: {
      tags: ['mentoring'], summary: 'Write a private reflection, on a check-in or on its own: nobody but you can ever read it',
      params: RelationshipParams,
      body: Type.Object({
        body: Type.String({ minLength: 1, maxLength: 10_000, pattern: NOT_BLANK }),
        checkInId: Type.Optional(Nullable(Uuid)),
      }, { additionalProperties: false }),
      response: { 201: Type.Ref('MentoringReflectionReceipt'), ...problemResponses },
    },
  }, async (request, reply) => {
    const viewer = mentoringViewerOf(request);
    const { orgId, relationshipId } = request.params;
    const receipt = await db.transaction().execute(async (trx) => {
      const relationship = await loadRelationship(trx, orgId, relationshipId, viewer, { partiesOnly: true });
      const allowed = mayLogCheckIn(relationship.state);
      if (!allowed.ok) throw conflict(`${allowed.reason} After it concludes, leave a closing reflection instead.`);
      return writeReflection(trx, orgId, relationshipId, viewer, { body: request.body.body, kind: 'check_in', checkInId: request.body.checkInId ?? null });
    });
    return reply.status(201).send(receipt);
  });

  app.get(`${base}/reflections`, {
    config: { access: mentoringPolicy.access('participate') },
    schema: {
      tags: ['mentoring'], summary: 'Your own private reflections in this relationship (closing one included); each read is written to the audit log',
      params: RelationshipParams,
      response: {
        200: Type.Object({
          items: Type.Array(Type.Object({ id: Uuid, relationshipId: Uuid, checkInId: Nullable(Uuid), kind: Type.Union([Type.Literal('check_in'), Type.Literal('closing')]), body: Type.String(), createdAt: Type.String() })),
        }),
        ...problemResponses,
      },
    },
  }, async (request) => {
    const viewer = mentoringViewerOf(request);
    const { orgId, relationshipId } = request.params;
    return db.transaction().execute(async (trx) => {
      await loadRelationship(trx, orgId, relationshipId, viewer, { partiesOnly: true });
      return { items: await listOwnReflections(trx, orgId, relationshipId, viewer) };
    });
  });
};
