import { BRANCH_LEVEL_TYPES, TEAM_EXPIRY_NOTICE_DAYS, type OrgType, type OrgWarning } from '@dangjian/contracts';

/** Thresholds of 《中国共产党支部工作条例（试行）》 Ch.2 and Ch.6 (DOMAIN.md §1). */
export const SIZE_RULES = { branchMax: 50, committeeFrom: 7, branchMinFull: 3 } as const;

export interface SizeFacts {
  type: OrgType;
  /** Full and probationary members of the organization and everything below it. */
  full: number;
  probationary: number;
  /** End of the latest team's term, or null when no team is recorded. */
  termEnd: string | null;
  /** 临时党支部: end of its validity. */
  validUntil: string | null;
  /** Today's date (YYYY-MM-DD, China time). */
  today: string;
}

/** Today's date in China time, whatever the server's time zone. */
export function chinaToday(now: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The size and term rules an organization breaks, from its counts and its latest team.
 * Branch-level types get the member-count rules; any type with a team gets the term rules.
 * @example orgWarnings({ type: 'branch', full: 60, probationary: 2, termEnd: null, validUntil: null, today: '2026-11-26' })
 *   // [{ code: 'BRANCH_TOO_LARGE', … }, { code: 'BRANCH_NEEDS_COMMITTEE', … }]
 */
export function orgWarnings(f: SizeFacts): OrgWarning[] {
  const out: OrgWarning[] = [];
  const total = f.full + f.probationary;
  if (BRANCH_LEVEL_TYPES.includes(f.type)) {
    if (total > SIZE_RULES.branchMax) {
      out.push({ code: 'BRANCH_TOO_LARGE', message: `党员 ${total} 名，超过 ${SIZE_RULES.branchMax} 名，可考虑设立党总支或调整支部设置` });
    }
    if (f.full >= SIZE_RULES.committeeFrom && f.termEnd === null) {
      out.push({ code: 'BRANCH_NEEDS_COMMITTEE', message: `正式党员 ${f.full} 名（7 名及以上），应设立支部委员会，尚未录入班子` });
    }
    // A temporary branch gathers relocated members for a while; the minimum does not apply.
    if (f.full < SIZE_RULES.branchMinFull && f.type !== 'temp_branch') {
      out.push({ code: 'BRANCH_TOO_FEW_FULL', message: `正式党员仅 ${f.full} 名，不足 ${SIZE_RULES.branchMinFull} 名，宜与邻近单位成立联合党支部` });
    }
  }
  if (f.termEnd !== null) {
    const left = daysBetween(f.today, f.termEnd);
    if (left < 0) out.push({ code: 'TEAM_TERM_EXPIRED', message: `班子任期已于 ${f.termEnd} 届满，应按期换届` });
    else if (left <= TEAM_EXPIRY_NOTICE_DAYS) {
      out.push({ code: 'TEAM_TERM_ENDING', message: `班子任期将于 ${f.termEnd} 届满（还有 ${left} 天），请做好换届准备` });
    }
  }
  if (f.type === 'temp_branch' && f.validUntil !== null && f.validUntil < f.today) {
    out.push({ code: 'TEMP_BRANCH_EXPIRED', message: `临时党支部有效期已于 ${f.validUntil} 届满，应及时撤销或延续` });
  }
  return out;
}
