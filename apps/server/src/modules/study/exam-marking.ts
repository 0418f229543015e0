import type { QuestionType } from '@dangjian/contracts';

export interface MarkQuestion { id: string; type: QuestionType; answer: number[] }
export type Points = Record<QuestionType, number>;

/** Same set of indices, order ignored. */
function sameChoice(a: readonly number[], b: readonly number[]): boolean {
  const x = [...new Set(a)].sort();
  const y = [...new Set(b)].sort();
  return x.length === y.length && x.every((v, i) => v === y[i]);
}

/**
 * Marks a paper. A multiple-choice question scores only when the chosen set equals the
 * answer exactly (all-or-nothing: a missing or an extra choice scores zero), as party exams do.
 * @example markPaper([{ id: '1', type: 'single', answer: [2] }], { '1': [2] }, { single: 2, multiple: 4, judge: 1 })
 * // { score: 2, correctCount: 1, correct: { '1': true } }
 */
export function markPaper(questions: readonly MarkQuestion[], choices: Record<string, number[]>, points: Points) {
  let score = 0;
  let correctCount = 0;
  const correct: Record<string, boolean> = {};
  for (const q of questions) {
    const ok = sameChoice(choices[q.id] ?? [], q.answer);
    correct[q.id] = ok;
    if (ok) {
      score += points[q.type];
      correctCount += 1;
    }
  }
  return { score, correctCount, correct };
}

/** Checks the shape of a question: options count and answer indices by type. Returns an error text or null. */
export function questionProblem(type: QuestionType, options: readonly string[], answer: readonly number[]): string | null {
  const n = type === 'judge' ? 2 : options.length;
  if (type !== 'judge' && n < 2) return '选择题至少需要 2 个选项';
  if (answer.some((i) => i >= n)) return '答案超出选项范围';
  if (new Set(answer).size !== answer.length) return '答案重复';
  if (type !== 'multiple' && answer.length !== 1) return '单选题和判断题只能有一个答案';
  if (type === 'multiple' && answer.length < 2) return '多选题至少有两个正确选项';
  return null;
}

/** Picks `n` items at random (Fisher–Yates on a copy). */
export function drawRandom<T>(items: readonly T[], n: number, random: () => number = Math.random): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a.slice(0, n);
}
