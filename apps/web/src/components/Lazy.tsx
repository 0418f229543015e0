import { Suspense, type ReactNode } from 'react';
import { PageSpin } from './PageSpin.tsx';

/** Suspense boundary for lazily loaded pages. */
export function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<PageSpin />}>{children}</Suspense>;
}
