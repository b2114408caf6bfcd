import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import {
  CRITERIA, DEFAULT_CONFIG, DEFAULT_WEIGHTS, type Criterion, type DepartmentPreference, type MatchingObjective, type ProgramMatchingConfig,
} from '../../domain/matching/index.ts';
import { nowIso } from '../../platform/ids.ts';
import { invalidField } from '../../platform/http/problem.ts';

/** A program's matching settings, every part filled in (the engine's defaults where none was chosen). */
export interface MatchingSettings {
  weights: Record<Criterion, number>;
  departmentPreference: DepartmentPreference;
  experienceGap: { min: number; max: number };
  requiredLanguage: string | null;
  objective: MatchingObjective;
}

/** What an admin sends: any part may be left out, and takes the default. */
export interface MatchingSettingsInput {
  weights?: Partial<Record<Criterion, number>>;
  departmentPreference?: DepartmentPreference;
  experienceGap?: { min: number; max: number };
  requiredLanguage?: string | null;
  objective?: MatchingObjective;
}

export const DEFAULT_SETTINGS: MatchingSettings = {
  weights: { ...DEFAULT_WEIGHTS },
  departmentPreference: DEFAULT_CONFIG.departmentPreference,
  experienceGap: { min: DEFAULT_CONFIG.experienceGap.min, max: DEFAULT_CONFIG.experienceGap.max },
  requiredLanguage: null,
  objective: DEFAULT_CONFIG.objective,
};

/** Fills the gaps with defaults and checks what a schema cannot (the gap's order). */
export function completeSettings(input: MatchingSettingsInput = {}): MatchingSettings {
  const weights = { ...DEFAULT_WEIGHTS } as Record<Criterion, number>;
  for (const criterion of CRITERIA) if (input.weights?.[criterion] !== undefined) weights[criterion] = input.weights[criterion]!;
  const gap = input.experienceGap ?? DEFAULT_SETTINGS.experienceGap;
  if (gap.max < gap.min) throw invalidField('experienceGap.max', 'must not be below experienceGap.min');
  const language = input.requiredLanguage?.trim() || null;
  return {
    weights, departmentPreference: input.departmentPreference ?? DEFAULT_SETTINGS.departmentPreference, experienceGap: { min: gap.min, max: gap.max },
    requiredLanguage: language, objective: input.objective ?? DEFAULT_SETTINGS.objective,
  };
}

/** The engine's configuration for a program under these settings. */
export function engineConfig(settings: MatchingSettings, defaultCapacity: number): ProgramMatchingConfig {
  return {
    weights: settings.weights, departmentPreference: settings.departmentPreference,
    experienceGap: { ...settings.experienceGap, tolerance: DEFAULT_CONFIG.experienceGap.tolerance },
    requiredLanguage: settings.requiredLanguage, objective: settings.objective, defaultCapacity,
  };
}

export async function loadSettings(db: Kysely<Database>, programId: string): Promise<MatchingSettings & { updatedAt: string | null }> {
  const row = await db.selectFrom('matching_settings').selectAll().where('program_id', '=', programId).executeTakeFirst();
  if (!row) return { ...DEFAULT_SETTINGS, weights: { ...DEFAULT_SETTINGS.weights }, updatedAt: null };
  return {
    ...completeSettings({
      weights: JSON.parse(row.weights) as Partial<Record<Criterion, number>>, departmentPreference: row.department_preference,
      experienceGap: { min: row.experience_min, max: row.experience_max }, requiredLanguage: row.required_language, objective: row.objective,
    }),
    updatedAt: row.updated_at,
  };
}

export async function saveSettings(db: Kysely<Database>, orgId: string, programId: string, personId: string, input: MatchingSettingsInput): Promise<void> {
  const settings = completeSettings(input);
  const values = {
    weights: JSON.stringify(settings.weights), department_preference: settings.departmentPreference, experience_min: settings.experienceGap.min,
    experience_max: settings.experienceGap.max, required_language: settings.requiredLanguage, objective: settings.objective,
    updated_by_person_id: personId, updated_at: nowIso(),
  };
  await db.insertInto('matching_settings').values({ program_id: programId, org_id: orgId, ...values })
    .onConflict((oc) => oc.column('program_id').doUpdateSet(values)).execute();
}
