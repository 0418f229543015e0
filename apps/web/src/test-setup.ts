// The machines are shared and often busy: give async queries (findBy…, waitFor) 5 s, not 1 s,
// so a slow render is not mistaken for a missing element. Only files with a DOM (happy-dom)
// query it: the server and database files skip loading @testing-library/dom (~0.2 s each).
if (typeof document !== 'undefined') {
  const { configure } = await import('@testing-library/dom');
  configure({ asyncUtilTimeout: 5000 });
}

export {};
