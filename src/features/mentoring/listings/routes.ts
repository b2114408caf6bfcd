import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { AppContext } from '../../../platform/context.ts';
import { OkSchema, problemResponses, Uuid } from '../../../platform/http/schemas.ts';
import { mentoringPolicy } from '../policy.ts';
import { mentoringViewerOf } from '../viewer.ts';
import { getListing, listMentors, removeListing, saveListing } from './service.ts';

const MentorSchema = Type.Object({
  personId: Uuid, name: Type.String(), title: Type.String(), department: Type.String(), timeZone: Type.String(), languages: Type.Array(Type.String()),
  expertise: Type.Array(Type.String()), askMeAbout: Type.String(), availability: Type.String(), capacity: Type.Integer(), paused: Type.Boolean(),
  activeMentees: Type.Integer(), openPlaces: Type.Integer(),
}, { $id: 'MentorListing' });

export const listingRoutes = (context: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  app.addSchema(MentorSchema);
  const { db } = context;

  app.get('/api/orgs/:orgId/mentoring/mentors', {
    config: { access: mentoringPolicy.access('participate') },
    schema: {
      tags: ['mentoring'], summary: 'Mentors who offer to mentor outside programs: expertise, “ask me about”, availability and room',
      params: Type.Object({ orgId: Uuid }),
      querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 200 })), expertise: Type.Optional(Type.String({ maxLength: 100 })), withRoom: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
      response: { 200: Type.Object({ items: Type.Array(Type.Ref('MentorListing')) }), ...problemResponses },
    },
  }, async (request) => ({ items: await listMentors(db, request.params.orgId, request.query) }));

  app.put('/api/orgs/:orgId/mentoring/mentor-listing', {
    config: { access: mentoringPolicy.access('mentor') },
    schema: {
      tags: ['mentoring'], summary: 'Offer yourself as a mentor (or update your offer): expertise, what to ask you about, availability, capacity, pause',
      params: Type.Object({ orgId: Uuid }),
      body: Type.Object({
        expertise: Type.Array(Type.String({ minLength: 1, maxLength: 80 }), { maxItems: 20 }), askMeAbout: Type.String({ maxLength: 2000 }),
        availability: Type.String({ maxLength: 300 }), capacity: Type.Integer({ minimum: 0, maximum: 20 }), paused: Type.Optional(Type.Boolean()),
      }, { additionalProperties: false }),
      response: { 200: Type.Ref('MentorListing'), ...problemResponses },
    },
  }, async (request) => {
    const { personId } = mentoringViewerOf(request);
    await db.transaction().execute((trx) => saveListing(trx, request.params.orgId, personId, request.body));
    return getListing(db, request.params.orgId, personId);
  });

  app.delete('/api/orgs/:orgId/mentoring/mentor-listing', {
    config: { access: mentoringPolicy.access('mentor') },
    schema: { tags: ['mentoring'], summary: 'Stop offering to mentor (existing relationships go on)', params: Type.Object({ orgId: Uuid }), response: { 200: OkSchema, ...problemResponses } },
  }, async (request) => {
    await removeListing(db, request.params.orgId, mentoringViewerOf(request).personId);
    return { ok: true as const };
  });
};
