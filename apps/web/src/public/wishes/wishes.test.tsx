// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { WishPost } from '../pages/WishPost.tsx';
import { MyWishes } from '../pages/MyWishes.tsx';
import { WishWall } from '../pages/WishWall.tsx';
import { loadPlace, loadTickets, savePlace, saveTickets } from './storage.ts';

const GRIDS = { items: [
  { id: '11', name: '第一网格', villageId: '5', villageName: '郝堂村' },
  { id: '12', name: '第二网格', villageId: '5', villageName: '郝堂村' },
  { id: '21', name: '第一网格', villageId: '6', villageName: '东湾村' },
] };
const wish = (over: Record<string, unknown> = {}) => ({
  id: '900', title: '修楼道灯', content: '三号楼楼道灯坏了', category: 'living', status: 'fulfilled', nickname: '王阿姨', gridId: '11', gridName: '第一网格',
  villageId: '5', villageName: '郝堂村', claimantName: '张三', claimantOrgName: '郝堂村党支部', createdAt: '2026-11-20T02:00:00Z', claimedAt: '2026-11-21T02:00:00Z',
  fulfilledAt: '2026-11-22T02:00:00Z', fulfilNote: '已更换灯泡', confirmedAt: null, photoIds: [], fulfilPhotoIds: ['7'], rejectReason: null, disputeComment: null, ...over,
});

type Call = { url: string; method: string; body: unknown; headers: Record<string, string> };
let calls: Call[];
function mockFetch(answer: (c: Call) => { status?: number; body: unknown }) {
  calls = [];
  vi.stubGlobal('fetch', vi.fn(async (url: string, init: RequestInit = {}) => {
    const c: Call = { url, method: init.method ?? 'GET', body: typeof init.body === 'string' ? JSON.parse(init.body) : init.body, headers: (init.headers ?? {}) as Record<string, string> };
    calls.push(c);
    const a = answer(c);
    return new Response(JSON.stringify(a.body), { status: a.status ?? 200, headers: { 'content-type': 'application/json' } });
  }));
}

beforeEach(() => {
  localStorage.clear();
  window.history.replaceState(null, '', '/public/wishes/new');
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('what the phone remembers', () => {
  it('keeps tickets newest first, replaces a wish\'s token, and caps at 50', () => {
    saveTickets([{ id: '1', token: 'a'.repeat(32) }]);
    saveTickets([{ id: '2', token: 'b'.repeat(32) }, { id: '1', token: 'c'.repeat(32) }]);
    expect(loadTickets()).toEqual([{ id: '2', token: 'b'.repeat(32) }, { id: '1', token: 'c'.repeat(32) }]);
    saveTickets(Array.from({ length: 60 }, (_, i) => ({ id: String(100 + i), token: 'd'.repeat(32) })));
    expect(loadTickets()).toHaveLength(50);
    localStorage.setItem('dj-wish-tickets', '{broken');
    expect(loadTickets()).toEqual([]);
  });

  it('takes the place from the URL first, else the one remembered, and writes it into the URL', () => {
    savePlace({ villageId: '5' });
    expect(window.location.search).toBe('?villageId=5');
    window.history.replaceState(null, '', '/public/wishes?gridId=12');
    expect(loadPlace()).toEqual({ gridId: '12' });
    window.history.replaceState(null, '', '/public/wishes');
    expect(loadPlace()).toEqual({ villageId: '5' });
  });
});

describe('我要许愿', () => {
  it('names every missing field without calling the server', async () => {
    mockFetch(() => ({ body: GRIDS }));
    render(<WishPost />);
    await screen.findAllByText('郝堂村');
    fireEvent.click(screen.getByTestId('wish-submit'));
    expect(screen.getByTestId('wish-error-gridId').textContent).toBe('请选择所在网格');
    expect(screen.getByTestId('wish-error-category').textContent).toBe('请选择心愿类别');
    expect(screen.getByTestId('wish-error-title').textContent).toContain('至少 2 个字');
    expect(screen.getByTestId('wish-error-phone').textContent).toBe('请输入 11 位手机号码');
    expect(screen.getByTestId('wish-error-code').textContent).toBe('请输入 6 位验证码');
    expect(calls.filter((c) => c.method === 'POST')).toEqual([]);
    fireEvent.change(screen.getByTestId('wish-phone'), { target: { value: '138-1234-5678' } });
    expect((screen.getByTestId('wish-phone') as HTMLInputElement).value).toBe('13812345678');
    expect(screen.queryByTestId('wish-error-phone')).toBeNull();
  });

  it('asks for a code, posts, keeps the ticket and shows 提交成功，等待审核; a server field error lands on its field', async () => {
    let first = true;
    mockFetch((c) => {
      if (c.url.endsWith('/wish-grids')) return { body: GRIDS };
      if (c.url.endsWith('/wishes/code')) return { body: { ttlSeconds: 600, resendAfterSeconds: 60 } };
      if (c.url.endsWith('/public/wishes') && first) {
        first = false;
        return { status: 400, body: { code: 'WISH_CODE_INVALID', message: '验证码不正确', details: { field: 'code' } } };
      }
      return { status: 201, body: { id: '77', token: 't'.repeat(32), status: 'pending' } };
    });
    render(<WishPost />);
    await screen.findAllByText('郝堂村');
    fireEvent.change(screen.getByTestId('wish-village-select'), { target: { value: '5' } });
    fireEvent.change(screen.getByTestId('wish-grid-select'), { target: { value: '12' } });
    fireEvent.click(screen.getByTestId('wish-category-health'));
    fireEvent.change(screen.getByTestId('wish-title'), { target: { value: '量血压' } });
    fireEvent.change(screen.getByTestId('wish-content'), { target: { value: '希望每周有人上门量血压' } });
    fireEvent.change(screen.getByTestId('wish-phone'), { target: { value: '13812345678' } });
    fireEvent.click(screen.getByTestId('wish-code-send'));
    await waitFor(() => expect(screen.getByTestId('wish-code-send').textContent).toMatch(/60 秒后重发/));
    expect((screen.getByTestId('wish-code-send') as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByTestId('wish-code'), { target: { value: '123456' } });
    fireEvent.click(screen.getByTestId('wish-submit'));
    expect((await screen.findByTestId('wish-error-code')).textContent).toBe('验证码不正确');
    fireEvent.click(screen.getByTestId('wish-submit'));
    await screen.findByText('提交成功，等待审核');
    const posted = calls.filter((c) => c.url.endsWith('/public/wishes')).at(-1)!;
    expect(posted.body).toEqual({ gridId: '12', category: 'health', title: '量血压', content: '希望每周有人上门量血压', phone: '13812345678', code: '123456' });
    expect(loadTickets()).toEqual([{ id: '77', token: 't'.repeat(32) }]);
  });
});

describe('我的心愿', () => {
  it('lists the kept wishes and confirms a fulfilled one only after the second step', async () => {
    saveTickets([{ id: '900', token: 'k'.repeat(32) }]);
    let confirmed = false;
    mockFetch((c) => {
      if (c.url.endsWith('/wishes/900/confirm')) {
        confirmed = true;
        return { body: wish({ status: 'confirmed' }) };
      }
      return { body: { items: [wish(confirmed ? { status: 'confirmed', confirmedAt: '2026-11-23T02:00:00Z' } : {})], tokens: [{ id: '900', token: 'k'.repeat(32) }] } };
    });
    render(<MyWishes />);
    await screen.findByText('修楼道灯');
    expect(calls[0]!.body).toEqual({ tokens: [{ id: '900', token: 'k'.repeat(32) }] });
    expect(screen.getByText(/张三/)).toBeTruthy();
    fireEvent.click(screen.getByTestId('wish-satisfied'));
    expect(calls.some((c) => c.url.endsWith('/confirm'))).toBe(false);
    fireEvent.click(screen.getByTestId('wish-satisfied-ok'));
    await waitFor(() => expect(screen.getByTestId('wish-status').textContent).toBe('已完成'));
    expect(calls.find((c) => c.url.endsWith('/confirm'))!.body).toEqual({ token: 'k'.repeat(32), satisfied: true });
  });

  it('a dispute needs a reason; with nothing kept on the phone it offers the lookup by phone', async () => {
    mockFetch(() => ({ body: { items: [], tokens: [] } }));
    render(<MyWishes />);
    expect(screen.getByTestId('wish-lookup')).toBeTruthy();
    expect(calls).toEqual([]);
    cleanup();
    saveTickets([{ id: '900', token: 'k'.repeat(32) }]);
    mockFetch(() => ({ body: { items: [wish()], tokens: [{ id: '900', token: 'k'.repeat(32) }] } }));
    render(<MyWishes />);
    fireEvent.click(await screen.findByTestId('wish-dispute'));
    fireEvent.click(screen.getByTestId('wish-dispute-ok'));
    expect(screen.getByRole('alert').textContent).toBe('有异议时请说明原因');
    expect(calls.some((c) => c.url.endsWith('/confirm'))).toBe(false);
  });
});

describe('微心愿墙', () => {
  it('asks for a place first, then shows counts per status and appends the next page on 加载更多', async () => {
    mockFetch((c) => {
      if (c.url.endsWith('/wish-grids')) return { body: GRIDS };
      const page = Number(new URL(c.url, 'http://x').searchParams.get('page'));
      const items = page === 1 ? [wish({ id: '1', title: '第一条', status: 'open' })] : [wish({ id: '2', title: '第二条', status: 'confirmed' })];
      return { body: { title: '郝堂村微心愿墙', items, total: 2, page, pageSize: 10, counts: { open: 1, claimed: 0, fulfilled: 0, confirmed: 1 } } };
    });
    window.history.replaceState(null, '', '/public/wishes');
    render(<WishWall />);
    await screen.findByText('请先选择村/社区和网格，查看身边的微心愿');
    fireEvent.change(screen.getByTestId('wish-village-select'), { target: { value: '5' } });
    await screen.findByText('第一条');
    expect(window.location.search).toBe('?villageId=5');
    expect(screen.getByTestId('wish-tab-open').textContent).toBe('待认领 1');
    expect(screen.getByTestId('wish-tab-confirmed').textContent).toBe('已完成 1');
    fireEvent.click(screen.getByTestId('wish-more'));
    await screen.findByText('第二条');
    expect(screen.getByText('第一条')).toBeTruthy();
    expect(screen.queryByTestId('wish-more')).toBeNull();
    const wallCalls = calls.filter((c) => c.url.includes('/public/wishes?'));
    expect(wallCalls.map((c) => new URL(c.url, 'http://x').searchParams.get('page'))).toEqual(['1', '2']);
    expect(wallCalls.every((c) => new URL(c.url, 'http://x').searchParams.get('villageId') === '5')).toBe(true);
  });
});
