import { pinyin } from 'pinyin-pro';

/**
 * Sort and search keys for a Chinese name. `pinyin` is the toneless pinyin with one space
 * between syllables: the space sorts before every letter, so names order syllable by syllable
 * as Chinese users expect (陈国庆 'chen guo qing' before 程涵 'cheng han'), which a key
 * without separators would get wrong. Surname readings are used (单 shan, 曾 zeng); ü is v.
 * @example nameKeys('张三') // { pinyin: 'zhang san', initials: 'zs' }
 */
export function nameKeys(name: string): { pinyin: string; initials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', surname: 'head', v: true });
  const clean = syllables.map((s) => s.toLowerCase().replace(/[^a-z]/g, '')).filter(Boolean);
  return { pinyin: clean.join(' '), initials: clean.map((s) => s.charAt(0)).join('') };
}
