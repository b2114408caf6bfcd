import { Type } from '@sinclair/typebox';
import { SPONSOR_VISIBILITY, CADENCES } from '../../domain/coaching/agreement.ts';
import { ENGAGEMENT_STATES } from '../../domain/coaching/engagement-lifecycle.ts';
import { Uuid } from '../../platform/http/schemas.ts';

/** Schemas shared by the coaching routes. */
export const DateSchema = Type.String({ format: 'date', description: 'A calendar date, YYYY-MM-DD' });
export const EngagementStateSchema = Type.Union(ENGAGEMENT_STATES.map((s) => Type.Literal(s)));
export const SponsorVisibilitySchema = Type.Union(SPONSOR_VISIBILITY.map((s) => Type.Literal(s)), {
  description: 'What the sponsor may see: nothing / goals and progress / goals, progress and attendance',
});
export const CadenceSchema = Type.Union(CADENCES.map((c) => Type.Literal(c)));
export const EngagementParams = Type.Object({ orgId: Uuid, engagementId: Uuid });
export const PersonRef = Type.Object({ personId: Uuid, name: Type.String() });
export const LongText = (maxLength = 5000) => Type.String({ maxLength });
export const RequiredText = (maxLength = 5000) => Type.String({ minLength: 1, maxLength });
