import { Type } from '@sinclair/typebox';
import { Uuid } from '../../../platform/http/schemas.ts';
import { NOT_BLANK } from '../../../platform/http/validation.ts';
import { DateSchema, PersonRef } from '../schemas.ts';

export const ActionItemStatusSchema = Type.Union([Type.Literal('open'), Type.Literal('done'), Type.Literal('dropped')], { description: 'open, done or dropped' });

/** One action item as it leaves the server (inlined, not a shared $ref: sessions and action items both answer with it). */
export const ActionItemSchema = Type.Object({
  id: Uuid,
  engagementId: Uuid,
  sessionId: Type.Union([Uuid, Type.Null()], { description: 'The session it came out of' }),
  title: Type.String(),
  owner: PersonRef,
  dueDate: Type.Union([Type.String(), Type.Null()]),
  status: ActionItemStatusSchema,
  completedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], { description: 'When it was marked done or dropped' }),
  createdAt: Type.String({ format: 'date-time' }),
});

export const ActionItemTitle = Type.String({ minLength: 1, maxLength: 500, pattern: NOT_BLANK });
export const ActionItemParams = Type.Object({ orgId: Uuid, itemId: Uuid });

export const NewActionItemBody = Type.Object({
  title: ActionItemTitle,
  ownerPersonId: Type.String({ format: 'uuid', description: 'The client or the coach of the engagement' }),
  dueDate: Type.Optional(Type.Union([DateSchema, Type.Null()])),
  sessionId: Type.Optional(Type.Union([Uuid, Type.Null()], { description: 'The session it came out of, in this engagement' })),
}, { additionalProperties: false });

export const ActionItemPatchBody = Type.Object({
  title: Type.Optional(ActionItemTitle),
  ownerPersonId: Type.Optional(Uuid),
  dueDate: Type.Optional(Type.Union([DateSchema, Type.Null()])),
}, { additionalProperties: false, minProperties: 1 });
