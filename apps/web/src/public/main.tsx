import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { NoticesBoard } from './pages/NoticesBoard.tsx';
import { WishWall } from './pages/WishWall.tsx';
import { WishPost } from './pages/WishPost.tsx';
import { MyWishes } from './pages/MyWishes.tsx';
import { CommitmentBoard } from './pages/CommitmentBoard.tsx';
import './public.css';

/**
 * The public side (党务公开) for residents: its own small entry, plain React and CSS with no UI
 * library, so a first visit on a phone in a weak-signal village stays well under 150 KB of
 * compressed JavaScript. Boards are chosen by path under /public/.
 */
const BOARDS: Record<string, { title: string; Page: () => React.JSX.Element }> = {
  '/public/wishes': { title: '微心愿墙', Page: WishWall },
  '/public/wishes/new': { title: '我要许愿', Page: WishPost },
  '/public/wishes/mine': { title: '我的心愿', Page: MyWishes },
  '/public/commitments': { title: '党员承诺公开栏', Page: CommitmentBoard },
  '/public/notices': { title: '发展党员公示栏', Page: NoticesBoard },
};

function Shell() {
  const [large, setLarge] = useState(() => localStorage.getItem('dj-large-font') === '1');
  const toggle = () => {
    const next = !large;
    setLarge(next);
    localStorage.setItem('dj-large-font', next ? '1' : '0');
  };
  document.documentElement.classList.toggle('large', large);
  const board = BOARDS[window.location.pathname.replace(/\/$/, '')];
  return (
    <>
      <header>
        <h1>{board?.title ?? '党务公开'}</h1>
        <button type="button" onClick={toggle} data-testid="large-font-toggle">{large ? '标准字体' : '大字模式'}</button>
      </header>
      <main>
        {board ? <board.Page /> : (
          <nav className="card">
            <h2>公开栏目</h2>
            {Object.entries(BOARDS).map(([path, b]) => <p key={path}><a href={path}>{b.title}</a></p>)}
          </nav>
        )}
      </main>
    </>
  );
}

createRoot(document.getElementById('root')!).render(<StrictMode><Shell /></StrictMode>);
