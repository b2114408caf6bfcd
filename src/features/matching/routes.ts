import { Type, type TOptional } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CRITERIA, MAX_WEIGHT } from '../../domain/matching/index.ts';
import type { AppContext } from '../../platform/context.ts';
import { OkSchema, problemResponses, Uuid } from '../../platform/http/schemas.ts';
import { programRow } from '../mentoring/programs/service.ts';
import { mentoringViewerOf } from '../mentoring/viewer.ts';
import { matchingPolicy } from './policy.ts';
import {
  addExclusion, latestProposal, listExclusions, myInclusionChoice, mySuggestions, previewMatching, proposalView, publishProposal, removeExclusion, removePair,
  runMatching, setInclusionChoice, setPairLock, swapPair,
} from './service.ts';
import { DEFAULT_SETTINGS, loadSettings, saveSettings } from './settings.ts';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

const CriterionSchema = literals(CRITERIA);
const DepartmentPreference = literals(['same', 'different', 'none'] as const);
const Objective = literals(['max_total', 'max_min'] as const);
const Weight = Type.Number({ minimum: 0, maximum: MAX_WEIGHT, description: `Points, 0 (off) to ${MAX_WEIGHT}` });
const Years = Type.Number({ minimum: -50, maximum: 60 });

const SettingsSchema = Type.Object({
  weights: Type.Object(Object.fromEntries(CRITERIA.map((c) => [c, Weight])) as Record<(typeof CRITERIA)[number], typeof Weight>),
  departmentPreference: DepartmentPreference,
  experienceGap: Type.Object({ min: Type.Number(), max: Type.Number() }, { description: 'How many more years the mentor should have than the mentee' }),
  requiredLanguage: Nullable(Type.String()),
  objective: Objective,
}, { $id: 'MatchingSettings' });

const SettingsInput = Type.Object({
  weights: Type.Optional(Type.Object(Object.fromEntries(CRITERIA.map((c) => [c, Type.Optional(Weight)])) as Record<(typeof CRITERIA)[number], TOptional<typeof Weight>>, {
    additionalProperties: false, description: 'Points per criterion; criteria left out take the defaults',
  })),
  departmentPreference: Type.Optional(DepartmentPreference),
  experienceGap: Type.Optional(Type.Object({ min: Years, max: Years }, { additionalProperties: false })),
  requiredLanguage: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 35, description: 'A language every pair must share: ISO 639-1 code ("pt") or its name' }))),
  objective: Type.Optional(Objective),
}, { additionalProperties: false });

const PersonRef = Type.Object({ personId: Uuid, name: Type.String(), title: Type.String(), department: Type.String() });
const ContributionSchema = Type.Object({
  criterion: CriterionSchema, value: Type.Number({ description: 'How well the pair meets the criterion, 0–1' }), weight: Type.Number(), points: Type.Number(),
  text: Nullable(Type.String()),
});
const BlockerSchema = Nullable(Type.String({ description: 'What would keep the pair from being proposed: self, paused, full, excluded, declined, reporting_line, program_language, mentee_language, no_common_ground, below_minimum' }));

const PairSchema = Type.Object({
  id: Uuid, mentee: PersonRef, mentor: PersonRef, score: Type.Number(), fit: Type.Number({ description: 'The score as a share of the best possible, 0–1' }),
  locked: Type.Boolean(), source: literals(['proposed', 'locked', 'swapped'] as const), contributions: Type.Array(ContributionSchema),
  reasons: Type.Array(Type.String()), explanation: Type.String(), relationshipId: Nullable(Uuid),
}, { $id: 'MatchingPair' });

const UnmatchedSchema = Type.Object({
  personId: Uuid, name: Type.String(), side: literals(['mentee', 'mentor'] as const),
  reason: Type.String({ description: 'no_mentors, no_mentees, paused, no_capacity, taken, blocked, or removed (by an admin)' }), explanation: Type.String(),
});

const ProposalSchema = Type.Object({
  id: Uuid, programId: Uuid, status: literals(['draft', 'superseded', 'published'] as const), createdAt: Type.String(),
  createdBy: Nullable(Type.Object({ personId: Uuid, name: Type.String() })), publishedAt: Nullable(Type.String()),
  settings: Type.Ref('MatchingSettings'),
  objective: Type.Object({ kind: Objective, matched: Type.Integer(), totalScore: Type.Number(), minScore: Nullable(Type.Number()) }),
  counts: Type.Object({
    mentees: Type.Integer(), mentors: Type.Integer(), alreadyPaired: Type.Integer({ description: 'Mentees in running pairs, left as they are' }),
    pendingEnrollments: Type.Integer(), pairs: Type.Integer(), locked: Type.Integer(), unmatchedMentees: Type.Integer(), unmatchedMentors: Type.Integer(),
  }),
  pairs: Type.Array(Type.Ref('MatchingPair')),
  unmatchedMentees: Type.Array(UnmatchedSchema),
  unmatchedMentors: Type.Array(UnmatchedSchema),
  warnings: Type.Array(Type.String()),
  distribution: Type.Object({
    buckets: Type.Array(Type.Object({ from: Type.Integer(), to: Type.Integer(), count: Type.Integer() }), { description: 'Pairs per tenth of fit, in percent' }),
    min: Nullable(Type.Integer()), median: Nullable(Type.Integer()), mean: Nullable(Type.Integer()), max: Nullable(Type.Integer()),
  }),
  proof: Type.Object({ certified: Type.Boolean(), allowedPairs: Type.Integer(), rounds: Type.Integer() }, { description: 'How the engine checked that the assignment is optimal' }),
}, { $id: 'MatchingProposal', description: 'A run of the matching engine under review (draft), replaced (superseded) or published' });

const ScoredSchema = Type.Object({
  mentor: PersonRef, score: Type.Number(), fit: Type.Number(), contributions: Type.Array(ContributionSchema), reasons: Type.Array(Type.String()), explanation: Type.String(),
  blocker: BlockerSchema, blockerText: Nullable(Type.String()),
});

const InclusionSchema = Type.Object({
  optedIn: Type.Boolean({ description: 'Your self-identification counts as an inclusion preference in matching' }),
  hasSelfIdentification: Type.Boolean({ description: 'You gave self-identification answers (with consent) in this program' }),
});

const ProgramParams = Type.Object({ orgId: Uuid, programId: Uuid });
const PairParams = Type.Object({ orgId: Uuid, programId: Uuid, pairId: Uuid });
const base = '/api/orgs/:orgId/mentoring/programs/:programId/matching';
const tags = ['matching'];

export const matchingRoutes = (context: AppContext): FastifyPluginAsyncTypebox => async (app) => {
  app.addSchema(SettingsSchema);
  app.addSchema(PairSchema);
  app.addSchema(ProposalSchema);
  const { db, mailer } = context;
  const admin = { access: matchingPolicy.access('administer') };
  const self = { access: matchingPolicy.access('selfMatch') };

  app.get(`${base}/settings`, {
    config: admin,
    schema: {
      tags, summary: 'The program’s matching settings, with the engine’s defaults beside them (admin)', params: ProgramParams,
      response: {
        200: Type.Object({ settings: Type.Ref('MatchingSettings'), defaults: Type.Ref('MatchingSettings'), criteria: Type.Array(CriterionSchema), updatedAt: Nullable(Type.String()) }),
        ...problemResponses,
      },
    },
  }, async (request) => {
    const { orgId, programId } = request.params;
    await programRow(db, orgId, programId);
    const { updatedAt, ...settings } = await loadSettings(db, programId);
    return { settings, defaults: DEFAULT_SETTINGS, criteria: [...CRITERIA], updatedAt };
  });

  app.put(`${base}/settings`, {
    config: admin,
    schema: {
      tags, summary: 'Save the program’s matching settings (admin); parts left out take the defaults', params: ProgramParams, body: SettingsInput,
      response: { 200: Type.Object({ settings: Type.Ref('MatchingSettings'), updatedAt: Nullable(Type.String()) }), ...problemResponses },
    },
  }, async (request) => {
    const { orgId, programId } = request.params;
    await db.transaction().execute(async (trx) => {
      await programRow(trx, orgId, programId);
      await saveSettings(trx, orgId, programId, mentoringViewerOf(request).personId, request.body);
    });
    const { updatedAt, ...settings } = await loadSettings(db, programId);
    return { settings, updatedAt };
  });

  app.post(`${base}/preview`, {
    config: admin,
    schema: {
      tags, summary: 'Live preview under draft settings, nothing saved (admin): one pair scored and explained, or a mentee’s top candidates',
      description: 'With mentorPersonId: that pair, and what (if anything) would keep it from being proposed. Without: the mentee’s best mentors with room.',
      params: ProgramParams,
      body: Type.Object({
        settings: Type.Optional(SettingsInput), menteePersonId: Uuid, mentorPersonId: Type.Optional(Uuid), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 20 })),
      }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          settings: Type.Ref('MatchingSettings'), mentee: PersonRef, pair: Nullable(ScoredSchema), candidates: Type.Array(ScoredSchema), shortfall: Nullable(Type.String()),
        }),
        ...problemResponses,
      },
    },
  }, async (request) => previewMatching(db, request.params.orgId, request.params.programId, request.body));

  app.get(`${base}/exclusions`, {
    config: admin,
    schema: {
      tags, summary: 'Pairs an admin ruled out of matching in this program', params: ProgramParams,
      response: {
        200: Type.Object({ items: Type.Array(Type.Object({ id: Uuid, mentee: Type.Object({ personId: Uuid, name: Type.String() }), mentor: Type.Object({ personId: Uuid, name: Type.String() }), createdAt: Type.String() })) }),
        ...problemResponses,
      },
    },
  }, async (request) => ({ items: await listExclusions(db, request.params.orgId, request.params.programId) }));

  app.post(`${base}/exclusions`, {
    config: admin,
    schema: {
      tags, summary: 'Rule a pair out of matching (admin)', params: ProgramParams,
      body: Type.Object({ menteePersonId: Uuid, mentorPersonId: Uuid }, { additionalProperties: false }),
      response: { 201: Type.Object({ id: Uuid }), ...problemResponses },
    },
  }, async (request, reply) => {
    const { orgId, programId } = request.params;
    const id = await db.transaction().execute((trx) => addExclusion(trx, orgId, programId, mentoringViewerOf(request).personId, request.body));
    return reply.status(201).send({ id });
  });

  app.delete(`${base}/exclusions/:exclusionId`, {
    config: admin,
    schema: { tags, summary: 'Allow an excluded pair again (admin)', params: Type.Object({ orgId: Uuid, programId: Uuid, exclusionId: Uuid }), response: { 200: OkSchema, ...problemResponses } },
  }, async (request) => {
    const { orgId, programId, exclusionId } = request.params;
    await db.transaction().execute((trx) => removeExclusion(trx, orgId, programId, exclusionId));
    return { ok: true as const };
  });

  app.post(`${base}/runs`, {
    config: admin,
    schema: {
      tags, summary: 'Run matching over the program and store the result as the proposal under review (admin); nothing is published',
      description: 'Approved enrollments are matched; running pairs stay and use their mentor’s capacity; pairs declined or concluded before, excluded pairs, paused mentors and the reporting line are respected. keepLocks (default true) keeps the locked pairs of the proposal under review.',
      params: ProgramParams,
      body: Type.Optional(Type.Object({ keepLocks: Type.Optional(Type.Boolean()) }, { additionalProperties: false })),
      response: { 201: Type.Ref('MatchingProposal'), ...problemResponses },
    },
  }, async (request, reply) => {
    const { orgId, programId } = request.params;
    const viewer = mentoringViewerOf(request);
    const { proposalId } = await db.transaction().execute((trx) => runMatching(trx, orgId, programId, viewer.personId, { keepLocks: request.body?.keepLocks ?? true }));
    return reply.status(201).send(await proposalView(db, orgId, proposalId!));
  });

  app.get(`${base}/proposal`, {
    config: admin,
    schema: {
      tags, summary: 'The proposal under review, or else the last published one (admin)',
      description: 'Pairs with score, per-criterion contributions and explanation; unmatched people with the reason; the score distribution; warnings.',
      params: ProgramParams, response: { 200: Type.Ref('MatchingProposal'), ...problemResponses },
    },
  }, async (request) => latestProposal(db, request.params.orgId, request.params.programId));

  app.post(`${base}/proposal/rerun`, {
    config: admin,
    schema: {
      tags, summary: 'Re-run the proposal under review (admin): locked pairs stay, removed pairs are not proposed again, everyone else still unmatched is matched anew',
      params: ProgramParams, response: { 201: Type.Ref('MatchingProposal'), ...problemResponses },
    },
  }, async (request, reply) => {
    const { orgId, programId } = request.params;
    const viewer = mentoringViewerOf(request);
    const { proposalId } = await db.transaction().execute((trx) => runMatching(trx, orgId, programId, viewer.personId, { keepLocks: true, requireDraft: true }));
    return reply.status(201).send(await proposalView(db, orgId, proposalId!));
  });

  for (const [verb, locked] of [['lock', true], ['unlock', false]] as const) {
    app.post(`${base}/proposal/pairs/:pairId/${verb}`, {
      config: admin,
      schema: {
        tags, summary: locked ? 'Lock a proposed pair: re-runs keep it (admin)' : 'Unlock a proposed pair: re-runs may change it (admin)',
        params: PairParams, response: { 200: Type.Ref('MatchingProposal'), ...problemResponses },
      },
    }, async (request) => {
      const { orgId, programId, pairId } = request.params;
      const proposalId = await db.transaction().execute((trx) => setPairLock(trx, orgId, programId, pairId, locked));
      return proposalView(db, orgId, proposalId);
    });
  }

  app.post(`${base}/proposal/pairs/:pairId/swap`, {
    config: admin,
    schema: {
      tags, summary: 'Give a proposed pair’s mentee another mentor (admin); checked against the hard constraints and capacity, and locked',
      params: PairParams, body: Type.Object({ mentorPersonId: Uuid }, { additionalProperties: false }),
      response: { 200: Type.Ref('MatchingProposal'), ...problemResponses },
    },
  }, async (request) => {
    const { orgId, programId, pairId } = request.params;
    const proposalId = await db.transaction().execute((trx) => swapPair(trx, orgId, programId, pairId, request.body.mentorPersonId));
    return proposalView(db, orgId, proposalId);
  });

  app.delete(`${base}/proposal/pairs/:pairId`, {
    config: admin,
    schema: {
      tags, summary: 'Remove a pair from the proposal (admin): the mentee is listed as unmatched and re-runs do not propose the pair again',
      params: PairParams, response: { 200: Type.Ref('MatchingProposal'), ...problemResponses },
    },
  }, async (request) => {
    const { orgId, programId, pairId } = request.params;
    const proposalId = await db.transaction().execute((trx) => removePair(trx, orgId, programId, pairId));
    return proposalView(db, orgId, proposalId);
  });

  app.post(`${base}/proposal/publish`, {
    config: admin,
    schema: {
      tags, summary: 'Publish the proposal under review (admin): a relationship for every pair, both people told; all or nothing',
      params: ProgramParams, body: Type.Object({ proposalId: Uuid }, { additionalProperties: false }),
      response: { 200: Type.Object({ relationships: Type.Integer(), proposal: Type.Ref('MatchingProposal') }), ...problemResponses },
    },
  }, async (request) => {
    const { orgId, programId } = request.params;
    const viewer = mentoringViewerOf(request);
    const { relationships } = await db.transaction().execute((trx) => publishProposal(trx, mailer, orgId, programId, viewer, request.body.proposalId));
    void mailer.deliverPending();
    return { relationships, proposal: await proposalView(db, orgId, request.body.proposalId) };
  });

  app.get(`${base}/my-suggestions`, {
    config: self,
    schema: {
      tags, summary: 'Your five best mentors with room in a program where mentees choose, with the reasons; ask one through POST /mentoring/requests with programId',
      params: ProgramParams,
      response: {
        200: Type.Object({
          programId: Uuid, programName: Type.String(),
          suggestions: Type.Array(Type.Object({
            mentor: PersonRef, fit: Type.Number(), reasons: Type.Array(Type.String()), explanation: Type.String(),
            requested: Type.Boolean({ description: 'You already have an open request to this mentor' }),
          })),
          shortfall: Nullable(Type.String({ description: 'Why there are fewer than five' })),
          inclusion: InclusionSchema,
        }),
        ...problemResponses,
      },
    },
  }, async (request) => mySuggestions(db, request.params.orgId, request.params.programId, mentoringViewerOf(request)));

  app.get(`${base}/my-inclusion`, {
    config: self,
    schema: { tags, summary: 'Whether your self-identification counts as an inclusion preference in this program’s matching', params: ProgramParams, response: { 200: InclusionSchema, ...problemResponses } },
  }, async (request) => myInclusionChoice(db, request.params.orgId, request.params.programId, mentoringViewerOf(request)));

  app.put(`${base}/my-inclusion`, {
    config: self,
    schema: {
      tags, summary: 'Opt in (or out): mentors who gave the same self-identification score higher for you',
      description: 'Your answers are never shown to anyone; explanations say only that a preference you opted into is met.',
      params: ProgramParams, body: Type.Object({ optIn: Type.Boolean() }, { additionalProperties: false }), response: { 200: InclusionSchema, ...problemResponses },
    },
  }, async (request) => {
    const { orgId, programId } = request.params;
    return db.transaction().execute((trx) => setInclusionChoice(trx, orgId, programId, mentoringViewerOf(request), request.body.optIn));
  });
};
