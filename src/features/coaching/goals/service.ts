import type { Kysely } from 'kysely';
import type { Database, GoalProgressTable, GoalTable, GrowWorksheetTable, ObstacleTable } from '../../../db/schema.ts';
import type { SponsorVisibility } from '../../../domain/coaching/agreement.ts';
import { utcDateOf } from '../../../domain/coaching/calendar-dates.ts';
import { OPEN_STATES, type EngagementState } from '../../../domain/coaching/engagement-lifecycle.ts';
import { mayInEngagement } from '../../../domain/coaching/engagement-permissions.ts';
import { goalTimeline } from '../../../domain/coaching/goal-timeline.ts';
import { compareProgress, currentValue, GOAL_LIMITS, progressDateProblem, type ProgressEntry } from '../../../domain/coaching/goal-tracking.ts';
import {
  COACHING_CONTENT_ONLY, goalAccess, GOALS_HIDDEN_FROM_ADMIN, seesCoachingContent, type GoalView as Visibility,
} from '../../../domain/coaching/goal-visibility.ts';
import { attainment, goalMet, goalProgress } from '../../../domain/coaching/goals.ts';
import { conflict, forbidden, invalidField, notFound } from '../../../platform/http/problem.ts';
import { newId, nowIso } from '../../../platform/ids.ts';
import { loadEngagement, type EngagementInView, type Viewer } from '../engagement-access.ts';
import type { GoalChanges, GoalTimelineView, GoalView, NewGoal } from './schemas.ts';

/*
 * Goals of a coaching engagement: SMART goals with baseline and target, milestones, progress
 * updates (the latest by measured date is the goal's current value, which the engagement's
 * attainment and closure proposal read), GROW worksheets kept as revisions, and obstacles.
 * Who sees what is decided in src/domain/coaching/goal-visibility.ts; every read and write here
 * starts by asking it (through `openForReading` / `openForChanges`).
 */

type Db = Kysely<Database>;

const stateWords = (state: EngagementState) => state.replace('_', ' ');

// ---------------------------------------------------------------------------------------------
// Access

async function currentSponsorVisibility(db: Db, engagementId: string): Promise<SponsorVisibility | null> {
  const row = await db.selectFrom('agreements').select('sponsor_visibility').where('engagement_id', '=', engagementId)
    .orderBy('version', 'desc').limit(1).executeTakeFirst();
  return (row?.sponsor_visibility as SponsorVisibility | undefined) ?? null;
}

interface Reading {
  engagement: EngagementInView;
  view: Visibility;
}

/** Opens an engagement's goals for reading, as the viewer's part allows: 404 for non-parties, 403 with the reason otherwise. */
async function openForReading(db: Db, orgId: string, engagementId: string, viewer: Viewer, needs: 'goals' | 'coachingContent' = 'goals'): Promise<Reading> {
  const engagement = await loadEngagement(db, orgId, engagementId, viewer);
  const current = engagement.actors.includes('sponsor') ? await currentSponsorVisibility(db, engagementId) : null;
  const access = goalAccess(engagement.actors, { accepted: engagement.acceptedVisibility, current });
  if (!access.ok) throw forbidden(access.reason);
  if (needs === 'coachingContent' && !seesCoachingContent(access.view)) throw forbidden(COACHING_CONTENT_ONLY);
  return { engagement, view: access.view };
}

/**
 * Opens an engagement for a change to its goals: only the coach and the client write, and only
 * while it is open (proposed, agreed or active); the engagement row is locked for the transaction.
 */
async function openForChanges(db: Db, orgId: string, engagementId: string, viewer: Viewer, permission: 'editGoals' | 'recordProgress'): Promise<EngagementInView> {
  const engagement = await loadEngagement(db, orgId, engagementId, viewer, 'viewOverview', { forUpdate: true });
  if (!mayInEngagement(engagement.actors, permission)) {
    if (engagement.actors.includes('sponsor')) throw forbidden('Only the coach and the client write goals and progress; the sponsor follows them as the agreement allows.');
    throw forbidden(GOALS_HIDDEN_FROM_ADMIN);
  }
  if (!OPEN_STATES.includes(engagement.state)) {
    throw conflict(`This engagement is ${stateWords(engagement.state)}: its goals stay as they were when it ended.`);
  }
  return engagement;
}

async function findGoal(db: Db, orgId: string, engagementId: string, goalId: string): Promise<GoalTable> {
  const goal = await db.selectFrom('goals').selectAll().where('org_id', '=', orgId).where('engagement_id', '=', engagementId).where('id', '=', goalId).executeTakeFirst();
  if (!goal) throw notFound('Goal');
  return goal;
}

async function countOf(db: Db, table: 'goal_milestones' | 'goal_progress' | 'grow_worksheets' | 'obstacles', goalId: string): Promise<number> {
  const { n } = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('goal_id', '=', goalId).executeTakeFirstOrThrow();
  return Number(n);
}

function assertBelow(count: number, limit: number, what: string): void {
  if (count >= limit) throw conflict(`A goal holds at most ${limit} ${what}.`);
}

// ---------------------------------------------------------------------------------------------
// Goals

export async function createGoal(db: Db, orgId: string, engagementId: string, viewer: Viewer, input: NewGoal): Promise<string> {
  await openForChanges(db, orgId, engagementId, viewer, 'editGoals');
  const { n, last } = await db.selectFrom('goals')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('position').as('last')])
    .where('engagement_id', '=', engagementId).executeTakeFirstOrThrow();
  if (Number(n) >= GOAL_LIMITS.goalsPerEngagement) throw conflict(`An engagement holds at most ${GOAL_LIMITS.goalsPerEngagement} goals.`);
  const id = newId();
  await db.insertInto('goals').values({
    id, org_id: orgId, engagement_id: engagementId, statement: input.statement.trim(), measure: input.measure.trim(),
    baseline_value: input.baselineValue, target_value: input.targetValue, current_value: input.baselineValue, final_value: null,
    unit: input.unit?.trim() ?? '', why_it_matters: input.whyItMatters?.trim() ?? '', due_date: input.dueDate ?? null,
    position: last === null ? 1 : Number(last) + 1, created_at: nowIso(),
  }).execute();
  return id;
}

/** Keeps `goals.current_value` true: the latest update by measured date, or the baseline before any. */
async function refreshCurrentValue(db: Db, goalId: string): Promise<void> {
  const goal = await db.selectFrom('goals').select('baseline_value').where('id', '=', goalId).executeTakeFirstOrThrow();
  const entries = await progressEntries(db, [goalId]);
  await db.updateTable('goals').set({ current_value: currentValue(goal.baseline_value, entries) }).where('id', '=', goalId).execute();
}

async function progressEntries(db: Db, goalIds: string[]): Promise<(ProgressEntry & { goalId: string })[]> {
  if (goalIds.length === 0) return [];
  const rows = await db.selectFrom('goal_progress').select(['id', 'goal_id', 'value', 'recorded_on', 'created_at']).where('goal_id', 'in', goalIds).execute();
  return rows.map((row) => ({ id: row.id, goalId: row.goal_id, value: row.value, recordedOn: row.recorded_on, createdAt: row.created_at }));
}

export async function updateGoal(db: Db, orgId: string, engagementId: string, viewer: Viewer, goalId: string, changes: GoalChanges): Promise<void> {
  await openForChanges(db, orgId, engagementId, viewer, 'editGoals');
  await findGoal(db, orgId, engagementId, goalId);
  await db.updateTable('goals').set({
    ...(changes.statement !== undefined ? { statement: changes.statement.trim() } : {}),
    ...(changes.measure !== undefined ? { measure: changes.measure.trim() } : {}),
    ...(changes.baselineValue !== undefined ? { baseline_value: changes.baselineValue } : {}),
    ...(changes.targetValue !== undefined ? { target_value: changes.targetValue } : {}),
    ...(changes.unit !== undefined ? { unit: changes.unit.trim() } : {}),
    ...(changes.whyItMatters !== undefined ? { why_it_matters: changes.whyItMatters.trim() } : {}),
    ...(changes.dueDate !== undefined ? { due_date: changes.dueDate } : {}),
  }).where('id', '=', goalId).execute();
  // Before any update, the current value is the baseline, so a corrected baseline moves it too.
  if (changes.baselineValue !== undefined) await refreshCurrentValue(db, goalId);
}

/** A goal is deleted only while nothing was measured against it; after that, it is part of the record. */
export async function deleteGoal(db: Db, orgId: string, engagementId: string, viewer: Viewer, goalId: string): Promise<void> {
  await openForChanges(db, orgId, engagementId, viewer, 'editGoals');
  await findGoal(db, orgId, engagementId, goalId);
  const updates = await countOf(db, 'goal_progress', goalId);
  if (updates > 0) {
    throw conflict(`This goal has ${updates} progress update${updates === 1 ? '' : 's'}, so it stays part of the engagement’s record. Keep it, and reword it or change its target instead.`);
  }
  for (const table of ['goal_milestones', 'grow_worksheets', 'obstacles'] as const) await db.deleteFrom(table).where('goal_id', '=', goalId).execute();
  await db.deleteFrom('goals').where('id', '=', goalId).execute();
}

// ---------------------------------------------------------------------------------------------
// Milestones

async function findMilestone(db: Db, goalId: string, milestoneId: string) {
  const milestone = await db.selectFrom('goal_milestones').selectAll().where('goal_id', '=', goalId).where('id', '=', milestoneId).executeTakeFirst();
  if (!milestone) throw notFound('Milestone');
  return milestone;
}

export async function addMilestone(db: Db, orgId: string, engagementId: string, viewer: Viewer, goalId: string, input: { title: string; dueDate: string }): Promise<void> {
  await openForChanges(db, orgId, engagementId, viewer, 'editGoals');
  await findGoal(db, orgId, engagementId, goalId);
  assertBelow(await countOf(db, 'goal_milestones', goalId), GOAL_LIMITS.milestonesPerGoal, 'milestones');
  await db.insertInto('goal_milestones').values({
    id: newId(), org_id: orgId, goal_id: goalId, title: input.title.trim(), due_date: input.dueDate, done_at: null, created_at: nowIso(),
  }).execute();
}

export type MilestoneChange = { title?: string; dueDate?: string } | { done: boolean } | { delete: true };

/** Edits, ticks off, reopens or deletes a milestone. Ticking off a done one keeps its first date. */
export async function changeMilestone(
  db: Db, orgId: string, engagementId: string, viewer: Viewer, goalId: string, milestoneId: string, change: MilestoneChange,
): Promise<void> {
  await openForChanges(db, orgId, engagementId, viewer, 'editGoals');
  await findGoal(db, orgId, engagementId, goalId);
  const milestone = await findMilestone(db, goalId, milestoneId);
  const where = db.updateTable('goal_milestones').where('id', '=', milestone.id);
  if ('delete' in change) {
    await db.deleteFrom('goal_milestones').where('id', '=', milestone.id).execute();
  } else if ('done' in change) {
    if (change.done && !milestone.done_at) await where.set({ done_at: nowIso() }).execute();
    if (!change.done && milestone.done_at) await where.set({ done_at: null }).execute();
  } else {
    await where.set({
      ...(change.title !== undefined ? { title: change.title.trim() } : {}),
      ...(change.dueDate !== undefined ? { due_date: change.dueDate } : {}),
    }).execute();
  }
}

// ---------------------------------------------------------------------------------------------
// Progress

export async function recordProgress(
  db: Db, orgId: string, engagementId: string, viewer: Viewer, goalId: string, input: { value: number; recordedOn: string; note?: string }, now = new Date(),
): Promise<void> {
  await openForChanges(db, orgId, engagementId, viewer, 'recordProgress');
  await findGoal(db, orgId, engagementId, goalId);
  const dateProblem = progressDateProblem(input.recordedOn, now);
  if (dateProblem) throw invalidField('recordedOn', dateProblem);
  assertBelow(await countOf(db, 'goal_progress', goalId), GOAL_LIMITS.progressUpdatesPerGoal, 'progress updates');
  await db.insertInto('goal_progress').values({
    id: newId(), org_id: orgId, goal_id: goalId, value: input.value, recorded_on: input.recordedOn, note: input.note?.trim() ?? '',
    recorded_by_person_id: viewer.personId, created_at: nowIso(),
  }).execute();
  await refreshCurrentValue(db, goalId);
}

/** Removes an update entered by mistake; the goal's current value follows. */
export async function deleteProgress(db: Db, orgId: string, engagementId: string, viewer: Viewer, goalId: string, progressId: string): Promise<void> {
  await openForChanges(db, orgId, engagementId, viewer, 'recordProgress');
  await findGoal(db, orgId, engagementId, goalId);
  const removed = await db.deleteFrom('goal_progress').where('goal_id', '=', goalId).where('id', '=', progressId).executeTakeFirst();
  if (Number(removed.numDeletedRows) === 0) throw notFound('Progress update');
  await refreshCurrentValue(db, goalId);
}

// ---------------------------------------------------------------------------------------------
// GROW worksheets and obstacles

export interface GrowInput { goal: string; reality: string; options: string; will: string }

/** Revisiting the worksheet writes a new revision; earlier ones are kept as its history. */
export async function addGrowRevision(db: Db, orgId: string, engagementId: string, viewer: Viewer, goalId: string, input: GrowInput): Promise<void> {
  await openForChanges(db, orgId, engagementId, viewer, 'editGoals');
  await findGoal(db, orgId, engagementId, goalId);
  const parts = { goal: input.goal.trim(), reality: input.reality.trim(), options: input.options.trim(), will: input.will.trim() };
  if (Object.values(parts).every((part) => part === '')) {
    throw invalidField('body', 'must have at least one part of the worksheet written: goal, reality, options or will');
  }
  assertBelow(await countOf(db, 'grow_worksheets', goalId), GOAL_LIMITS.growRevisionsPerGoal, 'GROW worksheet revisions');
  await db.insertInto('grow_worksheets').values({
    id: newId(), org_id: orgId, goal_id: goalId, goal_text: parts.goal, reality: parts.reality, options: parts.options, will: parts.will,
    written_by_person_id: viewer.personId, created_at: nowIso(),
  }).execute();
}

export async function logObstacle(db: Db, orgId: string, engagementId: string, viewer: Viewer, goalId: string, description: string): Promise<void> {
  await openForChanges(db, orgId, engagementId, viewer, 'editGoals');
  await findGoal(db, orgId, engagementId, goalId);
  assertBelow(await countOf(db, 'obstacles', goalId), GOAL_LIMITS.obstaclesPerGoal, 'obstacles');
  await db.insertInto('obstacles').values({
    id: newId(), org_id: orgId, goal_id: goalId, description: description.trim(), logged_by_person_id: viewer.personId,
    created_at: nowIso(), resolved_at: null, resolution: null,
  }).execute();
}

/** Resolves an open obstacle with how it was dealt with, or reopens a resolved one (its resolution is cleared). */
export async function changeObstacle(
  db: Db, orgId: string, engagementId: string, viewer: Viewer, goalId: string, obstacleId: string, change: { resolution: string } | { reopen: true },
): Promise<void> {
  await openForChanges(db, orgId, engagementId, viewer, 'editGoals');
  await findGoal(db, orgId, engagementId, goalId);
  const obstacle = await db.selectFrom('obstacles').select(['id', 'resolved_at']).where('goal_id', '=', goalId).where('id', '=', obstacleId).executeTakeFirst();
  if (!obstacle) throw notFound('Obstacle');
  if ('resolution' in change) {
    if (obstacle.resolved_at) throw conflict('This obstacle is already resolved; reopen it first to resolve it differently.');
    await db.updateTable('obstacles').set({ resolved_at: nowIso(), resolution: change.resolution.trim() }).where('id', '=', obstacle.id).execute();
  } else if (obstacle.resolved_at) {
    await db.updateTable('obstacles').set({ resolved_at: null, resolution: null }).where('id', '=', obstacle.id).execute();
  }
}

// ---------------------------------------------------------------------------------------------
// Reading: presenters decide what leaves the server, by view

async function namesOf(db: Db, ids: string[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Map();
  const rows = await db.selectFrom('people').select(['id', 'name']).where('id', 'in', wanted).execute();
  return new Map(rows.map((row) => [row.id, row.name]));
}

const person = (names: Map<string, string>, personId: string) => ({ personId, name: names.get(personId) ?? '' });

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const list = groups.get(key(item));
    if (list) list.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

const byCreated = (a: { created_at: string; id: string }, b: { created_at: string; id: string }) =>
  a.created_at === b.created_at ? (a.id < b.id ? -1 : 1) : a.created_at < b.created_at ? -1 : 1;

type NumberedGrow = GrowWorksheetTable & { revision: number };

/** Each goal's GROW revisions, newest first and numbered from 1 (the first worksheet), with their count. */
async function growRevisions(db: Db, goalIds: string[], options: { latestOnly: boolean }): Promise<Map<string, { revisions: number; rows: NumberedGrow[] }>> {
  const result = new Map<string, { revisions: number; rows: NumberedGrow[] }>(goalIds.map((id) => [id, { revisions: 0, rows: [] }]));
  if (goalIds.length === 0) return result;
  // Which revision is which is worked out on the light columns; only the texts needed are read.
  const light = await db.selectFrom('grow_worksheets').select(['id', 'goal_id', 'created_at']).where('goal_id', 'in', goalIds).execute();
  const numbered = new Map<string, number>();
  const wanted: string[] = [];
  for (const [goalId, rows] of groupBy(light, (row) => row.goal_id)) {
    rows.sort(byCreated).forEach((row, index) => numbered.set(row.id, index + 1));
    wanted.push(...(options.latestOnly ? [rows[rows.length - 1]!.id] : rows.map((row) => row.id)));
    result.get(goalId)!.revisions = rows.length;
  }
  const full = wanted.length ? await db.selectFrom('grow_worksheets').selectAll().where('id', 'in', wanted).execute() : [];
  for (const row of full) result.get(row.goal_id)!.rows.push({ ...row, revision: numbered.get(row.id)! });
  for (const entry of result.values()) entry.rows.sort((a, b) => b.revision - a.revision);
  return result;
}

function presentGrow(row: NumberedGrow, names: Map<string, string>) {
  return {
    id: row.id, revision: row.revision, goal: row.goal_text, reality: row.reality, options: row.options, will: row.will,
    writtenBy: person(names, row.written_by_person_id), createdAt: row.created_at,
  };
}

function presentObstacle(row: ObstacleTable, names: Map<string, string>) {
  return {
    id: row.id, description: row.description, loggedBy: person(names, row.logged_by_person_id), createdAt: row.created_at,
    resolvedAt: row.resolved_at, resolution: row.resolution,
  };
}

/** Goals with their milestones, progress and (in the full view) GROW worksheet and obstacles, loaded in a fixed number of queries. */
async function presentGoals(db: Db, goals: GoalTable[], view: Visibility): Promise<GoalView[]> {
  if (goals.length === 0) return [];
  const ids = goals.map((goal) => goal.id);
  const full = seesCoachingContent(view);
  const milestones = await db.selectFrom('goal_milestones').selectAll().where('goal_id', 'in', ids).execute();
  const progress = await db.selectFrom('goal_progress').selectAll().where('goal_id', 'in', ids).execute();
  const grow = full ? await growRevisions(db, ids, { latestOnly: true }) : new Map<string, { revisions: number; rows: NumberedGrow[] }>();
  const obstacles = full ? await db.selectFrom('obstacles').selectAll().where('goal_id', 'in', ids).execute() : [];
  const names = await namesOf(db, [
    ...progress.map((row) => row.recorded_by_person_id),
    ...[...grow.values()].flatMap((entry) => entry.rows.map((row) => row.written_by_person_id)),
    ...obstacles.map((row) => row.logged_by_person_id),
  ]);
  const milestonesOf = groupBy(milestones, (row) => row.goal_id);
  const progressOf = groupBy(progress, (row) => row.goal_id);
  const obstaclesOf = groupBy(obstacles, (row) => row.goal_id);
  return goals.map((goal) => {
    const measure = { baseline: goal.baseline_value, target: goal.target_value, current: goal.current_value };
    const growEntry = grow.get(goal.id);
    return {
      id: goal.id, engagementId: goal.engagement_id, statement: goal.statement, measure: goal.measure,
      baselineValue: goal.baseline_value, targetValue: goal.target_value, currentValue: goal.current_value, finalValue: goal.final_value,
      unit: goal.unit, whyItMatters: full ? goal.why_it_matters : null, dueDate: goal.due_date, position: goal.position, createdAt: goal.created_at,
      met: goalMet(measure), progressShare: goalProgress(measure),
      milestones: (milestonesOf.get(goal.id) ?? [])
        .sort((a, b) => (a.due_date === b.due_date ? byCreated(a, b) : a.due_date < b.due_date ? -1 : 1))
        .map((row) => ({ id: row.id, title: row.title, dueDate: row.due_date, doneAt: row.done_at, createdAt: row.created_at })),
      progress: presentProgress(progressOf.get(goal.id) ?? [], names, full),
      grow: full ? { latest: growEntry?.rows[0] ? presentGrow(growEntry.rows[0], names) : null, revisions: growEntry?.revisions ?? 0 } : null,
      obstacles: full ? (obstaclesOf.get(goal.id) ?? []).sort(byCreated).map((row) => presentObstacle(row, names)) : null,
    };
  });
}

function presentProgress(rows: GoalProgressTable[], names: Map<string, string>, full: boolean) {
  return rows
    .map((row) => ({ row, entry: { id: row.id, value: row.value, recordedOn: row.recorded_on, createdAt: row.created_at } }))
    .sort((a, b) => compareProgress(a.entry, b.entry))
    .map(({ row }) => ({
      id: row.id, value: row.value, recordedOn: row.recorded_on, note: full ? row.note : null,
      recordedBy: person(names, row.recorded_by_person_id), createdAt: row.created_at,
    }));
}

const goalsOf = (db: Db, engagementId: string) =>
  db.selectFrom('goals').selectAll().where('engagement_id', '=', engagementId).orderBy('position').orderBy('created_at').execute();

export async function listGoals(db: Db, orgId: string, engagementId: string, viewer: Viewer) {
  const { engagement, view } = await openForReading(db, orgId, engagementId, viewer);
  const goals = await goalsOf(db, engagementId);
  const att = attainment(goals.map((goal) => ({ baseline: goal.baseline_value, target: goal.target_value, current: goal.current_value })));
  const open = OPEN_STATES.includes(engagement.state);
  return {
    engagementId, state: engagement.state, view,
    mayEdit: open && mayInEngagement(engagement.actors, 'editGoals'),
    mayRecordProgress: open && mayInEngagement(engagement.actors, 'recordProgress'),
    attainment: att, closureProposed: engagement.state === 'active' && att.allMet,
    items: await presentGoals(db, goals, view),
  };
}

export async function goalDetail(db: Db, orgId: string, engagementId: string, viewer: Viewer, goalId: string): Promise<GoalView> {
  const { view } = await openForReading(db, orgId, engagementId, viewer);
  const [presented] = await presentGoals(db, [await findGoal(db, orgId, engagementId, goalId)], view);
  return presented!;
}

export async function progressOfGoal(db: Db, orgId: string, engagementId: string, viewer: Viewer, goalId: string) {
  const { view } = await openForReading(db, orgId, engagementId, viewer);
  await findGoal(db, orgId, engagementId, goalId);
  const rows = await db.selectFrom('goal_progress').selectAll().where('goal_id', '=', goalId).execute();
  const names = await namesOf(db, rows.map((row) => row.recorded_by_person_id));
  return { goalId, items: presentProgress(rows, names, seesCoachingContent(view)) };
}

export async function growHistory(db: Db, orgId: string, engagementId: string, viewer: Viewer, goalId: string) {
  await openForReading(db, orgId, engagementId, viewer, 'coachingContent');
  await findGoal(db, orgId, engagementId, goalId);
  const entry = (await growRevisions(db, [goalId], { latestOnly: false })).get(goalId)!;
  const names = await namesOf(db, entry.rows.map((row) => row.written_by_person_id));
  const revisions = entry.rows.map((row) => presentGrow(row, names));
  return { goalId, latest: revisions[0] ?? null, revisions };
}

export async function obstaclesOfGoal(db: Db, orgId: string, engagementId: string, viewer: Viewer, goalId: string) {
  await openForReading(db, orgId, engagementId, viewer, 'coachingContent');
  await findGoal(db, orgId, engagementId, goalId);
  const rows = (await db.selectFrom('obstacles').selectAll().where('goal_id', '=', goalId).execute()).sort(byCreated);
  const names = await namesOf(db, rows.map((row) => row.logged_by_person_id));
  return { goalId, items: rows.map((row) => presentObstacle(row, names)) };
}

/** What the timeline draws: milestones against the current agreement's dates, progress against the target. */
export async function goalsTimeline(db: Db, orgId: string, engagementId: string, viewer: Viewer, now = new Date()): Promise<GoalTimelineView> {
  await openForReading(db, orgId, engagementId, viewer);
  const agreement = await db.selectFrom('agreements').select(['start_date', 'planned_end_date']).where('engagement_id', '=', engagementId)
    .orderBy('version', 'desc').limit(1).executeTakeFirst();
  if (!agreement) throw conflict('This engagement has no agreement yet, so it has no dates to draw the timeline against.');
  const window = { startDate: agreement.start_date, plannedEndDate: agreement.planned_end_date };
  const goals = await goalsOf(db, engagementId);
  const ids = goals.map((goal) => goal.id);
  const progress = groupBy(await progressEntries(db, ids), (entry) => entry.goalId);
  const milestones = groupBy(ids.length ? await db.selectFrom('goal_milestones').select(['id', 'goal_id', 'title', 'due_date', 'done_at']).where('goal_id', 'in', ids).execute() : [], (row) => row.goal_id);
  const today = utcDateOf(now);
  return {
    engagementId, ...window, today,
    goals: goals.map((goal) => goalTimeline({
      id: goal.id, statement: goal.statement, unit: goal.unit, baseline: goal.baseline_value, target: goal.target_value, current: goal.current_value,
      dueDate: goal.due_date, progress: progress.get(goal.id) ?? [],
      milestones: (milestones.get(goal.id) ?? []).map((row) => ({ id: row.id, title: row.title, dueDate: row.due_date, doneAt: row.done_at })),
    }, window, today)),
  };
}
