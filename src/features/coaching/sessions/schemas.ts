import { Type } from '@sinclair/typebox';
import { MAX_SESSION_MINUTES, MIN_SESSION_MINUTES } from '../../../domain/coaching/session-rules.ts';
import { TimeZoneSchema, Uuid } from '../../../platform/http/schemas.ts';
import { NOT_BLANK } from '../../../platform/http/validation.ts';
import { ActionItemSchema } from '../action-items/schemas.ts';
import { PersonRef } from '../schemas.ts';

/** Text that must say something: not empty, not only white space. */
const Text = (maxLength: number, description?: string) => Type.String({ minLength: 1, maxLength, pattern: NOT_BLANK, ...(description ? { description } : {}) });

export const SessionStatusSchema = Type.Union([Type.Literal('scheduled'), Type.Literal('held'), Type.Literal('cancelled'), Type.Literal('late_cancelled'), Type.Literal('no_show')], {
  description: 'scheduled, held, cancelled (24 hours or more ahead), late_cancelled (less than 24 hours ahead) or no_show',
});
const Instant = Type.String({ format: 'date-time', description: 'An instant, ISO 8601 with a UTC offset, e.g. 2026-05-04T09:00:00Z' });
const Minutes = Type.Integer({ minimum: MIN_SESSION_MINUTES, maximum: MAX_SESSION_MINUTES, description: `Length in minutes, ${MIN_SESSION_MINUTES}–${MAX_SESSION_MINUTES}` });
const Location = Type.String({ maxLength: 500, description: 'A place, or a video link' });
const SessionActionSchema = Type.Union([Type.Literal('reschedule'), Type.Literal('cancel'), Type.Literal('record_attendance'), Type.Literal('set_focus'), Type.Literal('rate')]);

const NoteKindSchema = Type.Union([Type.Literal('note'), Type.Literal('observation'), Type.Literal('question')]);

export const SessionParams = Type.Object({ orgId: Uuid, sessionId: Uuid });
export const PrivateNoteParams = Type.Object({ orgId: Uuid, noteId: Uuid });

export const SessionSchema = Type.Object({
  id: Uuid, engagementId: Uuid, coach: PersonRef, client: PersonRef,
  startsAt: Instant, endsAt: Instant, durationMinutes: Type.Integer(),
  timeZone: Type.String({ description: 'The time zone the session was booked in' }), location: Type.String(), status: SessionStatusSchema,
  focus: Type.Union([Type.String(), Type.Null()], { description: 'What the client chose to work on; set by the client, seen by the coach in advance' }),
  focusSetAt: Type.Union([Instant, Type.Null()]),
  cancellation: Type.Union([Type.Null(), Type.Object({ by: Type.Union([PersonRef, Type.Null()]), at: Instant, reason: Type.String(), late: Type.Boolean() })]),
  rating: Type.Union([Type.Null(), Type.Object({ rating: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.String(), ratedAt: Type.String() })]),
  createdAt: Instant,
  availableActions: Type.Array(SessionActionSchema, { description: 'The moves you may make on this session now' }),
}, { $id: 'CoachingSession' });

export const SharedNoteSchema = Type.Object({
  id: Uuid, sessionId: Uuid, kind: NoteKindSchema, body: Type.String(), author: PersonRef, createdAt: Instant,
}, { $id: 'SessionNote' });

export const SessionDetailSchema = Type.Object({
  ...SessionSchema.properties,
  previousSessionId: Type.Union([Uuid, Type.Null()]),
  notes: Type.Array(Type.Ref('SessionNote'), { description: 'The shared record; the coach’s private notes are never part of it' }),
  actionItemReview: Type.Array(ActionItemSchema, { description: 'Open action items, and those done or dropped since the previous session' }),
  actionItemsFromSession: Type.Array(ActionItemSchema),
}, { $id: 'CoachingSessionDetail' });

export const AttendanceSchema = Type.Object({
  items: Type.Array(Type.Object({ sessionId: Uuid, startsAt: Instant, durationMinutes: Type.Integer(), status: SessionStatusSchema })),
}, { description: 'Session dates and attendance only' });

export const PrivateNoteSchema = Type.Object({ id: Uuid, sessionId: Uuid, body: Type.String(), createdAt: Instant, updatedAt: Instant }, { $id: 'PrivateNote' });
export const PrivateNoteReceiptSchema = Type.Object({ id: Uuid, sessionId: Uuid, createdAt: Instant, updatedAt: Instant }, {
  $id: 'PrivateNoteReceipt', description: 'A stored private note, without its text',
});

export const ScheduleBody = Type.Object({
  startsAt: Instant, durationMinutes: Minutes,
  timeZone: Type.Optional(TimeZoneSchema), location: Type.Optional(Location),
}, { additionalProperties: false });

export const RescheduleBody = Type.Object({
  startsAt: Instant, durationMinutes: Type.Optional(Minutes), timeZone: Type.Optional(TimeZoneSchema), location: Type.Optional(Location),
}, { additionalProperties: false });

export const CancelBody = Type.Object({ reason: Text(2000) }, { additionalProperties: false });
export const AttendanceBody = Type.Object({ status: Type.Union([Type.Literal('held'), Type.Literal('no_show')]) }, { additionalProperties: false });
export const FocusBody = Type.Object({ focus: Text(2000, 'What you want to work on in this session') }, { additionalProperties: false });
export const RatingBody = Type.Object({
  rating: Type.Integer({ minimum: 1, maximum: 5 }), comment: Type.Optional(Type.String({ maxLength: 2000 })),
}, { additionalProperties: false });
export const NoteBody = Type.Object({
  kind: Type.Union([Type.Literal('note'), Type.Literal('observation'), Type.Literal('question')], { description: 'note (coach or client); observation or question (coach only)' }),
  body: Text(10000),
}, { additionalProperties: false });
export const PrivateNoteBody = Type.Object({ body: Text(20000) }, { additionalProperties: false });
