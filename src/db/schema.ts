import type { Generated } from 'kysely';

/**
 * Kysely table types. Instants are ISO-8601 UTC strings and flags are 0/1 integers so that the
 * same queries read the same values on SQLite and PostgreSQL.
 */
export interface OrganizationTable {
  id: string;
  name: string;
  default_time_zone: string;
  created_at: string;
}

export interface PersonTable {
  id: string;
  /** Stored lower-cased; unique across Cairn (one account, many organizations). */
  email: string;
  name: string;
  password_hash: string | null;
  time_zone: string;
  /** JSON array of BCP 47 language tags. */
  languages: string;
  bio: string;
  created_at: string;
}

export interface MembershipTable {
  org_id: string;
  person_id: string;
  title: string;
  department: string;
  /** The person's manager inside this organization: the reporting line. */
  manager_person_id: string | null;
  status: 'active' | 'deactivated';
  deactivated_at: string | null;
  created_at: string;
  /** lower(name) of the person, so the directory's pages come off an index; kept by the members service. */
  sort_name: string;
}

/** Members per organization and status (migration 0009): kept by triggers on memberships, never written by Cairn. */
export interface MemberCountTable {
  org_id: string;
  status: 'active' | 'deactivated';
  members: number;
}

/**
 * What the directory searches, per membership (migration 0009), kept by triggers. This is its
 * PostgreSQL shape (searched with a pg_trgm index); on SQLite it is an FTS5 trigram table whose
 * rowid is the membership's rowid. Queried only by the members service.
 */
export interface MemberSearchTable {
  org_id: string;
  person_id: string;
  document: string;
}

export interface MembershipRoleTable {
  org_id: string;
  person_id: string;
  role: string;
}

export interface AuthSessionTable {
  /** SHA-256 of the cookie token: a stolen database does not yield live sessions. */
  id: string;
  person_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
}

export interface InvitationTable {
  id: string;
  org_id: string;
  email: string;
  /** JSON array of roles granted on acceptance. */
  roles: string;
  token_hash: string;
  invited_by_person_id: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_person_id: string | null;
  revoked_at: string | null;
}

export interface PasswordResetTable {
  token_hash: string;
  person_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface AuditEventTable {
  id: string;
  org_id: string | null;
  actor_person_id: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  /** JSON object with what else a reader needs; never confidential content. */
  detail: string;
  ip: string | null;
  created_at: string;
}

export interface OutboxMessageTable {
  id: string;
  org_id: string | null;
  to_email: string;
  subject: string;
  body_text: string;
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'dev';
  attempts: number;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface SignInAttemptTable {
  id: string;
  /** "account:<email>" or "address:<ip>". */
  bucket: string;
  created_at: string;
}

export interface CoachProfileTable {
  org_id: string;
  person_id: string;
  /** JSON array of specialties, e.g. ["leadership","career transitions"]. */
  specialties: string;
  approach: string;
  credentials_summary: string;
  coach_kind: 'internal' | 'external';
  /** Active clients at most (agreed and active engagements). */
  capacity: number;
  accepting_clients: number;
  updated_at: string;
}

export interface CoachingRequestTable {
  id: string;
  org_id: string;
  client_person_id: string;
  preferred_coach_person_id: string | null;
  topic: string;
  status: 'open' | 'assigned' | 'withdrawn' | 'declined';
  engagement_id: string | null;
  created_at: string;
  resolved_at: string | null;
}

export interface EngagementTable {
  id: string;
  org_id: string;
  /** 'coaching', or 'mentoring' when a mentoring relationship borrows the coaching tools. */
  kind: Generated<'coaching' | 'mentoring'>;
  coach_person_id: string;
  client_person_id: string;
  sponsor_person_id: string | null;
  state: string;
  title: string;
  created_by_person_id: string;
  ended_reason: string | null;
  ended_by_person_id: string | null;
  client_reflection: string | null;
  coach_reflection: string | null;
  client_evaluation_rating: number | null;
  client_evaluation_comment: string | null;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface EngagementTransitionTable {
  id: string;
  org_id: string;
  engagement_id: string;
  event: string;
  from_state: string;
  to_state: string;
  actor_person_id: string | null;
  note: string | null;
  created_at: string;
}

export interface AgreementTable {
  id: string;
  org_id: string;
  engagement_id: string;
  version: number;
  objectives: string;
  planned_sessions: number;
  /** Calendar dates, YYYY-MM-DD. */
  start_date: string;
  planned_end_date: string;
  cadence: string;
  sponsor_visibility: string;
  confidentiality_limits: string;
  created_by_person_id: string;
  created_at: string;
}

export interface AgreementAcceptanceTable {
  agreement_id: string;
  org_id: string;
  party: 'coach' | 'client' | 'sponsor';
  person_id: string;
  ethics_acknowledged: number;
  accepted_at: string;
}

export interface GoalTable {
  id: string;
  org_id: string;
  engagement_id: string;
  statement: string;
  measure: string;
  baseline_value: number;
  target_value: number;
  current_value: number;
  final_value: number | null;
  unit: string;
  why_it_matters: string;
  due_date: string | null;
  position: number;
  created_at: string;
}

export interface GoalMilestoneTable {
  id: string;
  org_id: string;
  goal_id: string;
  title: string;
  due_date: string;
  done_at: string | null;
  created_at: string;
}

export interface GoalProgressTable {
  id: string;
  org_id: string;
  goal_id: string;
  value: number;
  recorded_on: string;
  note: string;
  recorded_by_person_id: string;
  created_at: string;
}

export interface GrowWorksheetTable {
  id: string;
  org_id: string;
  goal_id: string;
  goal_text: string;
  reality: string;
  options: string;
  will: string;
  written_by_person_id: string;
  created_at: string;
}

export interface ObstacleTable {
  id: string;
  org_id: string;
  goal_id: string;
  description: string;
  logged_by_person_id: string;
  created_at: string;
  resolved_at: string | null;
  resolution: string | null;
}

export interface CoachingSessionTable {
  id: string;
  org_id: string;
  engagement_id: string;
  starts_at: string;
  duration_minutes: number;
  time_zone: string;
  location: string;
  status: 'scheduled' | 'held' | 'cancelled' | 'late_cancelled' | 'no_show';
  focus: string | null;
  focus_set_at: string | null;
  cancelled_by_person_id: string | null;
  cancelled_at: string | null;
  cancel_reason: string | null;
  rating: number | null;
  rating_comment: string | null;
  rated_at: string | null;
  created_at: string;
}

export interface SessionNoteTable {
  id: string;
  org_id: string;
  session_id: string;
  author_person_id: string;
  /** Shared record: a note, the coach's observation, or a question the coach asked. */
  kind: 'note' | 'observation' | 'question';
  body: string;
  created_at: string;
}

export interface PrivateSessionNoteTable {
  id: string;
  org_id: string;
  session_id: string;
  author_person_id: string;
  body: string;
  created_at: string;
  updated_at: string;
}

export interface ActionItemTable {
  id: string;
  org_id: string;
  engagement_id: string;
  session_id: string | null;
  title: string;
  owner_person_id: string;
  due_date: string | null;
  status: 'open' | 'done' | 'dropped';
  completed_at: string | null;
  created_at: string;
}

export interface CalendarFeedTable {
  token_hash: string;
  org_id: string;
  person_id: string;
  created_at: string;
  revoked_at: string | null;
}

export interface MentoringProgramTable {
  id: string;
  org_id: string;
  name: string;
  purpose: string;
  description: string;
  /** 'always' (open enrollment) or 'cohort' (between the cohort dates). */
  enrollment_window: 'always' | 'cohort';
  cohort_starts_on: string | null;
  cohort_ends_on: string | null;
  cadence_days: number;
  suggested_length_weeks: number;
  review_every_weeks: number;
  default_mentor_capacity: number;
  pairing_mode: 'mentee_choice' | 'mentor_accepts' | 'admin_assigns';
  enrollment_approval: 'automatic' | 'admin';
  status: 'active' | 'archived';
  created_by_person_id: string;
  created_at: string;
  /** Kept counts of the program's enrollments (migration 0011): recounted after every change to one (mentoring/pair-counts.ts). */
  mentors_approved: Generated<number>;
  mentors_pending: Generated<number>;
  mentees_approved: Generated<number>;
  mentees_pending: Generated<number>;
  /** Approved mentees with no running pair. */
  mentees_unmatched: Generated<number>;
}

export interface ProgramQuestionTable {
  id: string;
  org_id: string;
  program_id: string;
  position: number;
  field_type: string;
  label: string;
  asked_of: 'mentor' | 'mentee' | 'both';
  required: number;
  /** JSON array of choices, where the field type offers choices. */
  options: string;
}

export interface SkillTable {
  org_id: string;
  name: string;
  created_at: string;
}

export interface EnrollmentTable {
  id: string;
  org_id: string;
  program_id: string;
  person_id: string;
  side: 'mentor' | 'mentee';
  status: 'pending' | 'approved' | 'declined' | 'withdrawn';
  /** Mentors only: mentees at most, never above the program's cap. */
  capacity: number | null;
  paused: number;
  /** JSON object: question id → answer (never self-identification, which lives in identity_answers). */
  answers: string;
  created_at: string;
  decided_at: string | null;
  /** Running (active or paused) pairs of this person on this side of the program (migration 0007; kept by pair-counts.ts). */
  running_pairs: Generated<number>;
  /** A mentee without a running pair: when their last pairing ended (null: never paired, so since approval). */
  waiting_since: string | null;
}

export interface IdentityAnswerTable {
  id: string;
  org_id: string;
  program_id: string;
  question_id: string;
  person_id: string;
  answer: string;
  consented_at: string;
}

export interface MentorListingTable {
  org_id: string;
  person_id: string;
  /** JSON array of areas of expertise. */
  expertise: string;
  ask_me_about: string;
  availability: string;
  capacity: number;
  paused: number;
  updated_at: string;
}

export interface MentoringRelationshipTable {
  id: string;
  org_id: string;
  program_id: string | null;
  mentor_person_id: string;
  mentee_person_id: string;
  origin: 'organic' | 'program' | 'assigned' | 'matched';
  state: string;
  request_message: string | null;
  requested_by_person_id: string | null;
  request_expires_at: string | null;
  decline_reason: string | null;
  cadence_days: number;
  review_every_weeks: number;
  started_at: string | null;
  ended_at: string | null;
  ended_by_person_id: string | null;
  end_reason: string | null;
  engagement_id: string | null;
  created_at: string;
  updated_at: string;
  /** Kept by the check-in service (migration 0005): the last check-in's date, and the dates health turns on. */
  last_check_in_on: string | null;
  /** One cadence after the last contact (check-in, or the start): slipping after this day. */
  check_in_due_on: string | null;
  /** Two cadences after the last contact: stalled after this day. */
  stalled_after_on: string | null;
}

export interface RelationshipTransitionTable {
  id: string;
  org_id: string;
  relationship_id: string;
  event: string;
  from_state: string;
  to_state: string;
  actor_person_id: string | null;
  created_at: string;
}

export interface CheckInTable {
  id: string;
  org_id: string;
  relationship_id: string;
  met_on: string;
  /** JSON array of topics. */
  topics: string;
  shared_notes: string;
  logged_by_person_id: string;
  created_at: string;
  /** Set when the author corrects it (migration 0005). */
  edited_at: string | null;
}

export interface PrivateReflectionTable {
  id: string;
  org_id: string;
  relationship_id: string;
  check_in_id: string | null;
  author_person_id: string;
  kind: 'check_in' | 'closing';
  body: string;
  created_at: string;
}

export interface ContinuationReviewTable {
  id: string;
  org_id: string;
  relationship_id: string;
  due_on: string;
  outcome: 'continued' | 'concluded' | null;
  resolved_at: string | null;
  created_at: string;
}

export interface ReviewAnswerTable {
  review_id: string;
  org_id: string;
  person_id: string;
  answer: 'continue' | 'conclude';
  answered_at: string;
}

export interface AppreciationTable {
  id: string;
  org_id: string;
  relationship_id: string;
  author_person_id: string;
  body: string;
  created_at: string;
}

export interface NoticeTable {
  id: string;
  org_id: string;
  person_id: string;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  created_at: string;
  read_at: string | null;
}

export interface FitGuideResultTable {
  id: string;
  org_id: string;
  person_id: string;
  guide_version: number;
  /** The share code: the answers, nothing else (src/domain/fit-guide/share-code.ts). */
  code: string;
  recommendation: string;
  confidence: number;
  consented_at: string;
  created_at: string;
}

export interface AssessmentAssignmentTable {
  id: string;
  org_id: string;
  engagement_id: string;
  client_person_id: string;
  assigned_by_person_id: string;
  instrument_id: string;
  note: string;
  due_on: string | null;
  created_at: string;
}

export interface AssessmentAttemptTable {
  id: string;
  org_id: string;
  person_id: string;
  instrument_id: string;
  instrument_version: number;
  /** Taken within (and so visible to the coach of) this engagement. */
  engagement_id: string | null;
  assignment_id: string | null;
  status: 'in_progress' | 'completed';
  /** JSON object: item id → answer. */
  answers: string;
  /** JSON object: item id → the person's own name for it (wheel of life areas). */
  item_labels: string;
  /** JSON of the scores, written at completion. */
  scores: string | null;
  started_at: string;
  updated_at: string;
  completed_at: string | null;
}

export interface AssessmentShareTable {
  attempt_id: string;
  org_id: string;
  person_id: string;
  created_at: string;
}

export interface FeedbackSettingsTable {
  org_id: string;
  min_group_size: number;
  manager_shown_alone: number;
  updated_by_person_id: string | null;
  updated_at: string;
}

export interface FeedbackRoundTable {
  id: string;
  org_id: string;
  subject_person_id: string;
  engagement_id: string | null;
  instrument_id: string;
  instrument_version: number;
  title: string;
  closes_on: string;
  /** The end of closes_on in the subject's time zone. */
  closes_at: string;
  min_group_size: number;
  /** The organization's setting when the round started (raters were told). */
  manager_shown_alone: number;
  status: 'collecting' | 'closed';
  self_answers: string;
  self_submitted_at: string | null;
  created_by_person_id: string;
  created_at: string;
  closed_at: string | null;
}

export interface FeedbackRaterTable {
  id: string;
  org_id: string;
  round_id: string;
  email: string;
  name: string;
  relationship: string;
  token_hash: string;
  draft_answers: string;
  draft_comment: string;
  invited_at: string;
  last_reminded_at: string | null;
  reminders: number;
  responded: number;
}

/** Deliberately without a rater id or a time: see migration 0006. */
export interface FeedbackResponseTable {
  id: string;
  org_id: string;
  round_id: string;
  relationship: string;
  answers: string;
  comment: string;
}

export interface MatchingSettingsTable {
  program_id: string;
  org_id: string;
  /** JSON object: criterion → points (0–100); missing criteria take the engine's defaults. */
  weights: string;
  department_preference: 'same' | 'different' | 'none';
  experience_min: number;
  experience_max: number;
  required_language: string | null;
  objective: 'max_total' | 'max_min';
  updated_by_person_id: string | null;
  updated_at: string;
}

export interface MatchingExclusionTable {
  id: string;
  org_id: string;
  program_id: string;
  mentee_person_id: string;
  mentor_person_id: string;
  created_by_person_id: string | null;
  created_at: string;
}

export interface MatchingProposalTable {
  id: string;
  org_id: string;
  program_id: string;
  status: 'draft' | 'superseded' | 'published';
  /** JSON: the settings the run used. */
  settings: string;
  /** JSON: objective, counts, unmatched people with reasons, warnings, the engine's proof. */
  outcome: string;
  /** JSON array of {menteeId, mentorId}: pairs an admin removed, kept out of re-runs. */
  removed_pairs: string;
  created_by_person_id: string | null;
  created_at: string;
  published_by_person_id: string | null;
  published_at: string | null;
}

export interface MatchingProposalPairTable {
  id: string;
  org_id: string;
  proposal_id: string;
  mentee_person_id: string;
  mentor_person_id: string;
  source: 'proposed' | 'locked' | 'swapped';
  locked: number;
  score: number;
  fit: number;
  /** JSON array of the engine's contributions. */
  contributions: string;
  /** JSON array of strings. */
  reasons: string;
  explanation: string;
  relationship_id: string | null;
}

/** Mentees who asked that their consented self-identification count as an inclusion preference. */
export interface MatchingInclusionOptInTable {
  program_id: string;
  person_id: string;
  org_id: string;
  opted_in_at: string;
}

export interface Database {
  organizations: OrganizationTable;
  people: PersonTable;
  memberships: MembershipTable;
  membership_roles: MembershipRoleTable;
  member_counts: MemberCountTable;
  member_search: MemberSearchTable;
  auth_sessions: AuthSessionTable;
  invitations: InvitationTable;
  password_resets: PasswordResetTable;
  audit_events: AuditEventTable;
  outbox_messages: OutboxMessageTable;
  sign_in_attempts: SignInAttemptTable;
  coach_profiles: CoachProfileTable;
  coaching_requests: CoachingRequestTable;
  engagements: EngagementTable;
  engagement_transitions: EngagementTransitionTable;
  agreements: AgreementTable;
  agreement_acceptances: AgreementAcceptanceTable;
  goals: GoalTable;
  goal_milestones: GoalMilestoneTable;
  goal_progress: GoalProgressTable;
  grow_worksheets: GrowWorksheetTable;
  obstacles: ObstacleTable;
  coaching_sessions: CoachingSessionTable;
  session_notes: SessionNoteTable;
  private_session_notes: PrivateSessionNoteTable;
  action_items: ActionItemTable;
  calendar_feeds: CalendarFeedTable;
  mentoring_programs: MentoringProgramTable;
  program_questions: ProgramQuestionTable;
  skills: SkillTable;
  enrollments: EnrollmentTable;
  identity_answers: IdentityAnswerTable;
  mentor_listings: MentorListingTable;
  mentoring_relationships: MentoringRelationshipTable;
  relationship_transitions: RelationshipTransitionTable;
  check_ins: CheckInTable;
  private_reflections: PrivateReflectionTable;
  continuation_reviews: ContinuationReviewTable;
  review_answers: ReviewAnswerTable;
  appreciations: AppreciationTable;
  notices: NoticeTable;
  fit_guide_results: FitGuideResultTable;
  assessment_assignments: AssessmentAssignmentTable;
  assessment_attempts: AssessmentAttemptTable;
  assessment_shares: AssessmentShareTable;
  feedback_settings: FeedbackSettingsTable;
  feedback_rounds: FeedbackRoundTable;
  feedback_raters: FeedbackRaterTable;
  feedback_responses: FeedbackResponseTable;
  matching_settings: MatchingSettingsTable;
  matching_exclusions: MatchingExclusionTable;
  matching_proposals: MatchingProposalTable;
  matching_proposal_pairs: MatchingProposalPairTable;
  matching_inclusion_opt_ins: MatchingInclusionOptInTable;
}
