import { Type } from '@sinclair/typebox';
import { INSTRUMENT_ID_PATTERN } from '../../domain/assessments/instrument.ts';
import { Uuid } from '../../platform/http/schemas.ts';

/** Schemas of the assessment routes; shared with the 360 feedback routes (same instruments). */
export const InstrumentId = Type.String({ pattern: INSTRUMENT_ID_PATTERN, maxLength: 80, description: 'An instrument id, e.g. wheel-of-life' });
export const ITEM_ID_PATTERN = '^[a-z0-9_]{1,40}$';
export const DateSchema = Type.String({ format: 'date', description: 'A calendar date, YYYY-MM-DD' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const BandSchema = Type.Object({ from: Type.Number(), label: Type.String(), description: Type.String() });
const BandResult = Nullable(Type.Object({ label: Type.String(), description: Type.String() }));
const ChartSchema = Type.Union([Type.Literal('bars'), Type.Literal('radar'), Type.Literal('wheel')], { description: 'How results are best drawn: bars, a radar, or a wheel (wheel of life)' });
const ScaleSchema = Type.Object({
  min: Type.Integer(), max: Type.Integer(), labels: Type.Array(Type.Object({ value: Type.Integer(), label: Type.String() }), { description: 'Labels for some points of the scale' }),
});

const SummaryFields = {
  id: Type.String(), version: Type.Integer(), name: Type.String(), description: Type.String(), chart: ChartSchema,
  itemCount: Type.Integer(), minutes: Type.Integer({ description: 'Rough minutes to complete' }),
  customizableItemLabels: Type.Boolean({ description: 'The person may rename the items (the areas of a wheel of life)' }),
  usableIn360: Type.Boolean({ description: 'Can be the competency set of a 360 feedback round' }),
  source: Type.Object({ citation: Type.String(), license: Type.String(), url: Nullable(Type.String()) }),
};

export const InstrumentSummarySchema = Type.Object({
  ...SummaryFields,
  subscales: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
}, { $id: 'InstrumentSummary' });

export const InstrumentSchema = Type.Object({
  ...SummaryFields,
  instructions: Type.String(),
  scale: ScaleSchema,
  items: Type.Array(Type.Object({ id: Type.String(), text: Type.String(), subscale: Type.String() })),
  subscales: Type.Array(Type.Object({
    id: Type.String(), name: Type.String(), description: Type.String(), scoring: Type.Union([Type.Literal('sum'), Type.Literal('mean')]), bands: Type.Array(BandSchema),
  })),
  total: Nullable(Type.Object({ name: Type.String(), scoring: Type.Union([Type.Literal('sum'), Type.Literal('mean')]), bands: Type.Array(BandSchema) })),
}, { $id: 'Instrument', description: 'An instrument as data: items, scale, subscales with their interpretation bands' });

const ScoreFields = {
  name: Type.String(),
  score: Nullable(Type.Number()),
  min: Type.Number({ description: 'Lowest possible score' }),
  max: Type.Number({ description: 'Highest possible score' }),
  answered: Type.Integer(), items: Type.Integer(),
  band: BandResult,
};
export const ScoresSchema = Type.Object({
  instrumentId: Type.String(), version: Type.Integer(),
  subscales: Type.Array(Type.Object({ id: Type.String(), ...ScoreFields })),
  total: Nullable(Type.Object(ScoreFields)),
}, { $id: 'AssessmentScores' });

const PersonRef = Type.Object({ personId: Uuid, name: Type.String() });

export const AttemptSchema = Type.Object({
  id: Uuid,
  instrument: Type.Object({ id: Type.String(), version: Type.Integer(), name: Type.String(), chart: ChartSchema }),
  person: PersonRef,
  status: Type.Union([Type.Literal('in_progress'), Type.Literal('completed')]),
  engagementId: Nullable(Uuid), assignmentId: Nullable(Uuid),
  startedAt: Type.String(), updatedAt: Type.String(), completedAt: Nullable(Type.String()),
  progress: Type.Object({ answered: Type.Integer(), total: Type.Integer() }),
  answers: Nullable(Type.Record(Type.String(), Type.Integer(), { description: 'Item id → answer; only for the person who took it' })),
  itemLabels: Type.Record(Type.String(), Type.String(), { description: 'The person’s own names for items (wheel of life areas)' }),
  scores: Nullable(Type.Ref('AssessmentScores')),
  sharedWith: Nullable(Type.Array(PersonRef, { description: 'Only for the person who took it' })),
  yourAccess: Type.Union([Type.Literal('owner'), Type.Literal('coach'), Type.Literal('shared')], {
    description: 'owner: you took it; coach: taken within your engagement (scores, not answers); shared: its owner shared the result with you',
  }),
}, { $id: 'AssessmentAttempt' });

export const AssignmentSchema = Type.Object({
  id: Uuid, engagementId: Uuid,
  instrument: Type.Object({ id: Type.String(), name: Type.String(), chart: Type.String() }),
  client: PersonRef, assignedBy: PersonRef,
  note: Type.String(), dueOn: Nullable(Type.String()), createdAt: Type.String(),
  status: Type.Union([Type.Literal('not_started'), Type.Literal('in_progress'), Type.Literal('completed')]),
  attemptId: Nullable(Uuid),
}, { $id: 'AssessmentAssignment' });

export const HistorySchema = Type.Object({
  instrument: Type.Ref('InstrumentSummary'),
  scale: Type.Object({ min: Type.Integer(), max: Type.Integer() }),
  attempts: Type.Integer(),
  series: Type.Array(Type.Object({
    subscaleId: Type.String(), name: Type.String(),
    points: Type.Array(Type.Object({ attemptId: Uuid, completedAt: Type.String(), version: Type.Integer(), score: Nullable(Type.Number()) })),
  }), { description: 'One line per subscale, oldest attempt first: ready for a chart' }),
  changes: Type.Array(Type.Object({
    subscaleId: Type.String(), name: Type.String(), first: Type.Number(), latest: Type.Number(), delta: Type.Number(),
    direction: Type.Union([Type.Literal('up'), Type.Literal('down'), Type.Literal('same')]),
  }), { description: 'From the first to the latest attempt, per subscale' }),
}, { $id: 'AssessmentHistory' });

export const AnswersBody = Type.Record(Type.String({ pattern: ITEM_ID_PATTERN }), Type.Union([Type.Integer({ minimum: -100, maximum: 100 }), Type.Null()]), {
  additionalProperties: false, maxProperties: 200, description: 'Item id → answer on the instrument’s scale; null clears an answer',
});
