import { configure } from '@testing-library/dom';

// The machines are shared and often busy: give async queries (findBy…, waitFor) 5 s, not 1 s,
// so a slow render is not mistaken for a missing element.
configure({ asyncUtilTimeout: 5000 });
