import { Type, type Static, type TSchema } from '@sinclair/typebox';
import { MEASURE_LIMIT } from '../../../domain/coaching/goal-tracking.ts';
import { Uuid } from '../../../platform/http/schemas.ts';
import { NOT_BLANK } from '../../../platform/http/validation.ts';
import { DateSchema, EngagementStateSchema, PersonRef } from '../schemas.ts';

/** What the goal routes accept and answer; every body refuses unknown fields. */

const Text = (maxLength: number, description?: string) => Type.String({ minLength: 1, maxLength, pattern: NOT_BLANK, ...(description ? { description } : {}) });
const FreeText = (maxLength: number, description?: string) => Type.String({ maxLength, ...(description ? { description } : {}) });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);

export const MeasureValue = Type.Number({
  minimum: -MEASURE_LIMIT, maximum: MEASURE_LIMIT, description: `A measured value (finite, within ±${MEASURE_LIMIT})`,
});

export const GoalParams = Type.Object({ orgId: Uuid, engagementId: Uuid, goalId: Uuid });
export const MilestoneParams = Type.Object({ orgId: Uuid, engagementId: Uuid, goalId: Uuid, milestoneId: Uuid });
export const ProgressParams = Type.Object({ orgId: Uuid, engagementId: Uuid, goalId: Uuid, progressId: Uuid });
export const ObstacleParams = Type.Object({ orgId: Uuid, engagementId: Uuid, goalId: Uuid, obstacleId: Uuid });

const goalFields = {
  statement: Text(500, 'The goal, stated specifically: what will be different'),
  measure: Text(1000, 'How it is measured'),
  baselineValue: MeasureValue,
  targetValue: MeasureValue,
  unit: Type.Optional(FreeText(40, 'The unit of the measure, e.g. "per month" or "%"')),
  whyItMatters: Type.Optional(FreeText(2000, 'Why the goal matters to the client')),
  dueDate: Type.Optional(Nullable(DateSchema)),
};

export const NewGoalBody = Type.Object(goalFields, { additionalProperties: false });
export type NewGoal = Static<typeof NewGoalBody>;

export const GoalChangesBody = Type.Object({
  statement: Type.Optional(goalFields.statement),
  measure: Type.Optional(goalFields.measure),
  baselineValue: Type.Optional(MeasureValue),
  targetValue: Type.Optional(MeasureValue),
  unit: goalFields.unit,
  whyItMatters: goalFields.whyItMatters,
  dueDate: goalFields.dueDate,
}, { additionalProperties: false, minProperties: 1 });
export type GoalChanges = Static<typeof GoalChangesBody>;

export const NewMilestoneBody = Type.Object({ title: Text(300), dueDate: DateSchema }, { additionalProperties: false });
export const MilestoneChangesBody = Type.Object({
  title: Type.Optional(Text(300)), dueDate: Type.Optional(DateSchema),
}, { additionalProperties: false, minProperties: 1 });

export const NewProgressBody = Type.Object({
  value: MeasureValue,
  recordedOn: Type.String({ format: 'date', description: 'The date the value was measured, YYYY-MM-DD; at most one day after today (UTC)' }),
  note: Type.Optional(FreeText(2000)),
}, { additionalProperties: false });

export const GrowBody = Type.Object({
  goal: FreeText(5000, 'G: what the client wants'),
  reality: FreeText(5000, 'R: where things stand now'),
  options: FreeText(5000, 'O: what the client could do'),
  will: FreeText(5000, 'W: what the client will do, and by when'),
}, { additionalProperties: false, description: 'A new revision of the GROW worksheet; at least one part must be written' });

export const NewObstacleBody = Type.Object({ description: Text(2000) }, { additionalProperties: false });
export const ResolveObstacleBody = Type.Object({ resolution: Text(2000, 'How the obstacle was dealt with') }, { additionalProperties: false });

export const MilestoneSchema = Type.Object({
  id: Uuid, title: Type.String(), dueDate: Type.String(), doneAt: Nullable(Type.String()), createdAt: Type.String(),
});

export const ProgressSchema = Type.Object({
  id: Uuid, value: Type.Number(), recordedOn: Type.String(),
  note: Nullable(Type.String({ description: 'null for the sponsor: notes are coaching content' })),
  recordedBy: PersonRef, createdAt: Type.String(),
});

export const GrowRevisionSchema = Type.Object({
  id: Uuid, revision: Type.Integer({ description: '1 for the first worksheet, then one more each time it is revisited' }),
  goal: Type.String(), reality: Type.String(), options: Type.String(), will: Type.String(), writtenBy: PersonRef, createdAt: Type.String(),
});

export const ObstacleSchema = Type.Object({
  id: Uuid, description: Type.String(), loggedBy: PersonRef, createdAt: Type.String(),
  resolvedAt: Nullable(Type.String()), resolution: Nullable(Type.String()),
});

export const GoalSchema = Type.Object({
  id: Uuid, engagementId: Uuid, statement: Type.String(), measure: Type.String(),
  baselineValue: Type.Number(), targetValue: Type.Number(), currentValue: Type.Number({ description: 'The latest progress update’s value (by measured date), else the baseline' }),
  finalValue: Nullable(Type.Number({ description: 'Written by the coach at closure' })),
  unit: Type.String(), whyItMatters: Nullable(Type.String({ description: 'null for the sponsor' })), dueDate: Nullable(Type.String()),
  position: Type.Integer(), createdAt: Type.String(),
  met: Type.Boolean({ description: 'The current value has reached the target' }),
  progressShare: Type.Number({ description: 'Share of the way from baseline to target, 0..1' }),
  milestones: Type.Array(MilestoneSchema),
  progress: Type.Array(ProgressSchema, { description: 'Every update, oldest first' }),
  grow: Nullable(Type.Object({ latest: Nullable(GrowRevisionSchema), revisions: Type.Integer() }, { description: 'null for the sponsor' })),
  obstacles: Nullable(Type.Array(ObstacleSchema, { description: 'null for the sponsor' })),
}, { $id: 'CoachingGoal' });
export type GoalView = Static<typeof GoalSchema>;

export const GoalListSchema = Type.Object({
  engagementId: Uuid, state: EngagementStateSchema,
  view: Type.Union([Type.Literal('full'), Type.Literal('sponsor')], { description: 'full: coach and client; sponsor: goals and progress only' }),
  mayEdit: Type.Boolean({ description: 'You may write goals, milestones, GROW worksheets and obstacles now' }),
  mayRecordProgress: Type.Boolean(),
  attainment: Type.Object({ goals: Type.Integer(), met: Type.Integer(), meanProgress: Nullable(Type.Number()), allMet: Type.Boolean() }),
  closureProposed: Type.Boolean({ description: 'Every goal has reached its target while active: Cairn proposes closing the engagement' }),
  items: Type.Array(Type.Ref('CoachingGoal')),
}, { $id: 'CoachingGoalList' });

const DatedValueSchema = Type.Object({ date: Type.String(), value: Type.Number() });

export const GoalTimelineSchema = Type.Object({
  engagementId: Uuid,
  startDate: Type.String({ description: 'From the current agreement' }),
  plannedEndDate: Type.String({ description: 'From the current agreement' }),
  today: Type.String({ description: 'Today’s date (UTC), for the “now” line' }),
  goals: Type.Array(Type.Object({
    goalId: Uuid, statement: Type.String(), unit: Type.String(), baseline: Type.Number(), target: Type.Number(), current: Type.Number(),
    met: Type.Boolean(), progressShare: Type.Number(), dueDate: Nullable(Type.String()),
    targetDate: Type.String({ description: 'The goal’s due date, else the engagement’s planned end' }),
    points: Type.Array(DatedValueSchema, { description: 'Progress, one point per measured date, oldest first' }),
    plannedPath: Type.Array(DatedValueSchema, { description: 'From the baseline at the start to the target at the target date' }),
    milestones: Type.Array(Type.Object({
      id: Uuid, title: Type.String(), dueDate: Type.String(), doneAt: Nullable(Type.String()),
      status: Type.Union([Type.Literal('done'), Type.Literal('overdue'), Type.Literal('upcoming')]),
      withinEngagement: Type.Boolean({ description: 'Due between the engagement’s start and planned end' }),
    })),
  })),
}, { $id: 'GoalTimeline' });
export type GoalTimelineView = Static<typeof GoalTimelineSchema>;

export const GrowHistorySchema = Type.Object({
  goalId: Uuid,
  latest: Nullable(GrowRevisionSchema),
  revisions: Type.Array(GrowRevisionSchema, { description: 'Every revision, newest first' }),
}, { $id: 'GrowHistory' });

export const ProgressListSchema = Type.Object({ goalId: Uuid, items: Type.Array(ProgressSchema) });
export const ObstacleListSchema = Type.Object({ goalId: Uuid, items: Type.Array(ObstacleSchema) });
