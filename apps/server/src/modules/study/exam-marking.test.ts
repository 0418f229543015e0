import { describe, expect, it } from 'vitest';
import { drawRandom, markPaper, questionProblem } from './exam-marking.ts';

const pts = { single: 2, multiple: 4, judge: 1 };

describe('markPaper', () => {
  it('scores multiple choice all-or-nothing and ignores order', () => {
    const qs = [
      { id: '1', type: 'single' as const, answer: [2] },
      { id: '2', type: 'multiple' as const, answer: [0, 2] },
      { id: '3', type: 'multiple' as const, answer: [1, 3] },
      { id: '4', type: 'judge' as const, answer: [0] },
    ];
    const r = markPaper(qs, { '1': [2], '2': [2, 0], '3': [1], '4': [1] }, pts);
    expect(r).toEqual({ score: 6, correctCount: 2, correct: { '1': true, '2': true, '3': false, '4': false } });
    expect(markPaper(qs, { '3': [1, 3, 0] }, pts).correct['3']).toBe(false);
    expect(markPaper(qs, {}, pts).score).toBe(0);
  });
});

describe('questionProblem', () => {
  it('checks options and answers by type', () => {
    expect(questionProblem('single', ['a', 'b'], [1])).toBeNull();
    expect(questionProblem('single', ['a', 'b'], [0, 1])).not.toBeNull();
    expect(questionProblem('multiple', ['a', 'b', 'c'], [0])).not.toBeNull();
    expect(questionProblem('judge', [], [1])).toBeNull();
    expect(questionProblem('judge', [], [2])).not.toBeNull();
    expect(questionProblem('single', ['a'], [0])).not.toBeNull();
  });
});

describe('drawRandom', () => {
  it('draws n distinct items', () => {
    const r = drawRandom([1, 2, 3, 4, 5], 3);
    expect(new Set(r).size).toBe(3);
    expect(r.every((x) => x >= 1 && x <= 5)).toBe(true);
  });
});
