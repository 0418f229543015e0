/**
 * 发展党员 (D1) cases for the console's pipeline and list: about 3 % of a branch's roster is in
 * the pipeline at some step of the 25 (most in the early stages), plus some completed and closed
 * cases. Each active case has its steps 1…current_step-1 recorded (dev_steps, in date order) and
 * a nearest deadline (next_due_on), about one in ten overdue at TODAY.
 * Limitation: steps carry no facts (introducers, votes, notices …) and next_due_on is drawn, not
 * computed by the rule engine — enough for the list, the pipeline and the to-do list to read
 * realistic volumes; a case's detail page may show the engine's warnings about missing facts.
 */
import { memberProfile, namePinyin, type Rng } from '../../packages/db/src/fixtures/index.ts';
import { copyRows, type Cell, type CopyResult } from '../lib/copy.ts';
import type { GenContext, Step } from './steps.ts';

/** steps.ts TODAY (not imported: steps.ts imports this module). */
const TODAY = '2026-11-01';
const DAY = 86_400_000;
const TODAY_MS = Date.parse(`${TODAY}T00:00:00Z`);
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** Weights of the current step: many applicants and activists, fewer further on. */
const STEP_WEIGHTS = Array.from({ length: 25 }, (_, i) => [i + 1, i < 2 ? 8 : i < 6 ? 5 : i < 11 ? 3 : i < 18 ? 1.5 : 2] as const);
const DUE_CODES = ['talk_within_1_month', 'branch_meeting_within', 'approval_within_3_months', 'oath_within', 'probation_1_year', 'conversion_approval'];

interface Case {
  id: number; orgId: number; regionId: number; step: number; status: 'active' | 'completed' | 'closed'; applied: number; stepDays: number[];
  due: number | null; profile: ReturnType<typeof memberProfile>; keys: { pinyin: string; initials: string };
}

function* cases(ctx: GenContext): Generator<Case> {
  const rng: Rng = ctx.rngFor('development');
  const regionOf = new Map(ctx.tree.orgs.map((o) => [o.id, o.regionId]));
  const typeOf = new Map(ctx.tree.orgs.map((o) => [o.id, o.type]));
  const usedIds = new Set<string>();
  let id = 0;
  for (let i = 0; i < ctx.tree.holders.length; i++) {
    const h = ctx.tree.holders[i]!;
    // Cases belong to branches (党小组 members apply through their branch: skipped here).
    if (['group', 'building_group'].includes(typeOf.get(h.orgId)!) || ctx.counts[i]! === 0) continue;
    const n = Math.round(ctx.counts[i]! * 0.03 * (0.5 + rng.next()));
    for (let k = 0; k < n; k++) {
      const x = rng.next();
      const status = x < 0.8 ? 'active' : x < 0.93 ? 'completed' : 'closed';
      const step = status === 'completed' ? 25 : rng.weighted(STEP_WEIGHTS);
      // About a month a step early on, longer later (活动分子 一年, 预备期 一年).
      const span = step <= 2 ? 30 : step <= 6 ? 60 : step <= 11 ? 40 : step <= 18 ? 30 : 50;
      const applied = TODAY_MS - (step * span + rng.int(5, 60)) * DAY;
      const stepDays: number[] = [];
      let t = applied;
      for (let s = 1; s < (status === 'completed' ? 26 : step); s++) {
        stepDays.push(t);
        t = Math.min(t + rng.int(Math.floor(span / 2), span + 10) * DAY, TODAY_MS - DAY);
      }
      const due = status === 'active' ? TODAY_MS + (rng.chance(0.1) ? -rng.int(1, 40) : rng.int(1, 120)) * DAY : null;
      // The ages of new members (19–50): memberProfile's probationary bands.
      const profile = memberProfile(rng, { today: TODAY, setting: h.setting, usedIds, probationaryRate: 1 }, String(h.orgId), '');
      yield { id: ++id, orgId: h.orgId, regionId: regionOf.get(h.orgId)!, step, status, applied, stepDays, due, profile, keys: namePinyin(profile.name) };
    }
  }
}

const CASE_COLUMNS = [
  'id', 'org_id', 'region_id', 'name', 'name_pinyin', 'name_initials', 'gender', 'birth_date', 'id_number', 'phone', 'ethnicity', 'education',
  'occupation', 'applied_on', 'current_step', 'status', 'next_due_on', 'next_due_code',
] as const;

function* caseRows(ctx: GenContext): Generator<Cell[]> {
  for (const c of cases(ctx)) {
    const p = c.profile;
    yield [
      c.id, c.orgId, c.regionId, p.name, c.keys.pinyin, c.keys.initials, p.gender, p.birthDate, p.idNumber, p.phone, p.ethnicity, p.education,
      p.occupation, day(c.applied), c.step, c.status, c.due === null ? null : day(c.due), c.due === null ? null : DUE_CODES[c.id % DUE_CODES.length]!,
    ];
  }
}

function* stepRows(ctx: GenContext): Generator<Cell[]> {
  let id = 0;
  for (const c of cases(ctx)) {
    for (let i = 0; i < c.stepDays.length; i++) yield [++id, c.id, i + 1, day(c.stepDays[i]!), 'pass', '{}', '压测生成'];
  }
}

export const developmentStep: Step = {
  name: 'development',
  weight: 0.3,
  tables: ['dev_cases', 'dev_steps'],
  identities: ['dev_cases', 'dev_steps'],
  run: async (ctx): Promise<CopyResult[]> => {
    const expected = Math.round(ctx.opts.members * 0.028);
    return [
      await copyRows(ctx.opts.target, ctx.conn, { table: 'dev_cases', columns: CASE_COLUMNS, total: expected, rows: caseRows(ctx) }),
      await copyRows(ctx.opts.target, ctx.conn, { table: 'dev_steps', columns: ['id', 'case_id', 'step_no', 'done_on', 'decision', 'facts', 'recorded_by'], total: expected * 7, rows: stepRows(ctx) }),
    ];
  },
};
