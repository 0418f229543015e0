import type { ColumnType, Generated } from 'kysely';

/** Table types of migration 0012 (lessons, selection, micro-lessons, study items, exams, trainings). */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type DateCol = ColumnType<string, string, string>;
/** numeric columns come back as strings (exact decimals); numbers are accepted on write. */
type Numeric = ColumnType<string, number | string, number | string>;
type Json = ColumnType<unknown, string, string>;

export interface StudyLessonsTable {
  id: Generated<string>;
  org_id: string;
  held_on: DateCol;
  title: string;
  lecturer_member_id: string | null;
  lecturer_name: string;
  lecturer_post: string | null;
  lecturer_is_leader: Generated<boolean>;
  attendees: Generated<number>;
  materials: string | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface StudySelectionRoundsTable {
  id: Generated<string>;
  org_id: string;
  kind: string;
  title: string;
  committee: string[];
  closed: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface StudySelectionItemsTable {
  id: Generated<string>;
  round_id: string;
  org_id: string;
  lesson_id: string | null;
  nominee: string;
  note: string | null;
}

export interface StudySelectionScoresTable {
  id: Generated<string>;
  item_id: string;
  org_id: string;
  user_id: string;
  score: number;
  created_at: Generated<Date>;
}

export interface StudyMicroLessonsTable {
  id: Generated<string>;
  org_id: string;
  member_id: string | null;
  submitted_by: string;
  submitter_name: string;
  title: string;
  description: string | null;
  link: string | null;
  file_name: string | null;
  file_type: string | null;
  file_size: number | null;
  file_data: Buffer | null;
  status: Generated<string>;
  reject_reason: string | null;
  reviewed_by: string | null;
  reviewed_at: Timestamp | null;
  created_at: Generated<Date>;
}

export interface StudyVoteRoundsTable {
  id: Generated<string>;
  org_id: string;
  title: string;
  closed: Generated<boolean>;
  created_at: Generated<Date>;
}

export interface StudyVotesTable {
  id: Generated<string>;
  round_id: string;
  micro_lesson_id: string;
  org_id: string;
  user_id: string;
  created_at: Generated<Date>;
}

export interface StudyItemsTable {
  id: Generated<string>;
  org_id: string;
  title: string;
  content: Generated<string>;
  link: string | null;
  due_on: DateCol | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface StudyItemReadsTable {
  item_id: string;
  member_id: string;
  org_id: string;
  first_read_at: Timestamp;
  last_read_at: Timestamp;
  read_count: Generated<number>;
}

export interface ExamQuestionsTable {
  id: Generated<string>;
  org_id: string;
  type: string;
  stem: string;
  options: Json;
  answer: number[];
  explanation: string | null;
  tags: Generated<string[]>;
  created_at: Generated<Date>;
}

export interface ExamsTable {
  id: Generated<string>;
  org_id: string;
  title: string;
  time_limit_minutes: number;
  pass_score: number;
  single_count: Generated<number>;
  multiple_count: Generated<number>;
  judge_count: Generated<number>;
  single_points: Generated<number>;
  multiple_points: Generated<number>;
  judge_points: Generated<number>;
  opens_at: Timestamp | null;
  closes_at: Timestamp | null;
  created_by: string | null;
  created_at: Generated<Date>;
}

export interface ExamSittingsTable {
  id: Generated<string>;
  exam_id: string;
  org_id: string;
  user_id: string;
  member_id: string | null;
  taker_name: string;
  question_ids: string[];
  started_at: Timestamp;
  deadline_at: Timestamp;
  submitted_at: Timestamp | null;
  answers: Json | null;
  score: number | null;
  correct_count: number | null;
}

export interface TrainingsTable {
  id: Generated<string>;
  org_id: string;
  title: string;
  description: string | null;
  required_hours: Numeric;
  created_at: Generated<Date>;
}

export interface TrainingSessionsTable {
  id: Generated<string>;
  training_id: string;
  org_id: string;
  held_on: DateCol;
  title: string;
  hours: Numeric;
}

export interface TrainingEnrolmentsTable {
  training_id: string;
  member_id: string;
  org_id: string;
}

export interface TrainingAttendanceTable {
  session_id: string;
  member_id: string;
  org_id: string;
}

export interface StudyExamsTables {
  study_lessons: StudyLessonsTable;
  study_selection_rounds: StudySelectionRoundsTable;
  study_selection_items: StudySelectionItemsTable;
  study_selection_scores: StudySelectionScoresTable;
  study_micro_lessons: StudyMicroLessonsTable;
  study_vote_rounds: StudyVoteRoundsTable;
  study_votes: StudyVotesTable;
  study_items: StudyItemsTable;
  study_item_reads: StudyItemReadsTable;
  exam_questions: ExamQuestionsTable;
  exams: ExamsTable;
  exam_sittings: ExamSittingsTable;
  trainings: TrainingsTable;
  training_sessions: TrainingSessionsTable;
  training_enrolments: TrainingEnrolmentsTable;
  training_attendance: TrainingAttendanceTable;
}
