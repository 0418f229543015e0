// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { CommitmentBoard } from '../pages/CommitmentBoard.tsx';

const BOARDS = { year: 2026, items: [{ id: '5', name: '郝堂村党支部', count: 2 }, { id: '6', name: '栗园村党支部', count: 1 }] };
const board = (id: string) => ({
  year: 2026, village: { id, name: id === '5' ? '郝堂村党支部' : '栗园村党支部' },
  cards: [
    { key: `b${id}`, kind: 'branch', name: '郝堂村党支部', post: '支部班子', orgName: '郝堂村党支部', photoId: null, commitments: [
      { id: '70', content: '全年为群众办实事不少于 10 件', completedAt: null, completionNote: null, rating: null, progress: [], feedback: [] },
    ] },
    { key: 'm9', kind: 'member', name: '王芳悦', post: '党员', orgName: '郝堂村党支部', photoId: '33', commitments: [
      { id: '71', content: '每月参加 1 次志愿服务', completedAt: '2026-10-01T02:00:00Z', completionNote: '全年参加 12 次', rating: '优秀',
        progress: [{ onDate: '2026-03-02', note: '参加植树活动', photoId: '34' }],
        feedback: [{ id: '1', nickname: '李阿姨', content: '很热心', createdAt: '2026-05-01T02:00:00Z', answer: '谢谢监督', answeredAt: '2026-05-02T02:00:00Z' }] },
    ] },
  ],
});

type Call = { url: string; method: string; body: unknown };
let calls: Call[];
beforeEach(() => {
  localStorage.clear();
  window.history.replaceState(null, '', '/public/commitments');
  calls = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit = {}) => {
    const c = { url, method: init.method ?? 'GET', body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined };
    calls.push(c);
    const body = url.includes('/commitment-boards') ? BOARDS : c.method === 'POST' ? { id: '2', createdAt: '2026-11-26T00:00:00Z' } : board(new URL(url, 'http://x').searchParams.get('villageId')!);
    return new Response(JSON.stringify(body), { status: c.method === 'POST' ? 201 : 200, headers: { 'content-type': 'application/json' } });
  }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('党员承诺公开栏', () => {
  it('shows the branch team first, then members with photo, post, progress, completion and answered feedback', async () => {
    render(<CommitmentBoard />);
    const cards = await screen.findAllByTestId('cm-card');
    expect(cards[0]!.textContent).toContain('支部班子');
    expect(cards[1]!.textContent).toContain('王芳悦');
    expect(cards[1]!.textContent).toContain('已践诺 · 优秀');
    expect(cards[1]!.textContent).toContain('支部回复：谢谢监督');
    expect(cards[1]!.querySelector('img.cm-avatar')!.getAttribute('src')).toBe('/api/v1/public/commitment-photos/33');
    expect(window.location.search).toBe('?villageId=5');
    expect(localStorage.getItem('dj-commitment-village')).toBe('5');
  });

  it('takes the village from the URL first, else the one remembered on this phone', async () => {
    localStorage.setItem('dj-commitment-village', '6');
    render(<CommitmentBoard />);
    await screen.findAllByTestId('cm-card');
    expect(calls.some((c) => c.url.includes('villageId=6'))).toBe(true);
    cleanup();
    window.history.replaceState(null, '', '/public/commitments?villageId=5');
    render(<CommitmentBoard />);
    await screen.findAllByTestId('cm-card');
    expect((screen.getByTestId('cm-village') as HTMLSelectElement).value).toBe('5');
  });

  it('checks the feedback length before sending, then posts it and reloads the board', async () => {
    render(<CommitmentBoard />);
    fireEvent.click(await screen.findByTestId('cm-feedback-open-71'));
    fireEvent.change(screen.getByTestId('cm-feedback-text-71'), { target: { value: '好' } });
    fireEvent.click(screen.getByTestId('cm-feedback-send-71'));
    expect(await screen.findByText('评价内容至少 5 个字')).toBeTruthy();
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
    fireEvent.change(screen.getByTestId('cm-feedback-text-71'), { target: { value: '党员同志很热心，点赞' } });
    fireEvent.click(screen.getByTestId('cm-feedback-send-71'));
    await screen.findByText('感谢您的评价！');
    expect(calls.find((c) => c.method === 'POST')).toMatchObject({ url: '/api/v1/public/commitments/71/feedback', body: { content: '党员同志很热心，点赞' } });
    await waitFor(() => expect(calls.filter((c) => c.url.includes('/public/commitments?villageId=5')).length).toBe(2));
  });
});
