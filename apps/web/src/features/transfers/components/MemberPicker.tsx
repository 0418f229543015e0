import { useEffect, useState } from 'react';
import { Select } from 'antd';
import { useScopeRoots } from '../../members/components/OrgTreeSelect.tsx';
import { searchDestinations, searchMembers } from '../api.ts';

interface Opt { value: string; label: string }

/** Searches as the user types (debounced); `load` answers the options for a text. */
function RemoteSelect(props: { value?: string; onChange?: (v: string) => void; load: (q: string) => Promise<Opt[]>; placeholder: string; testId: string }) {
  const [text, setText] = useState('');
  const [options, setOptions] = useState<Opt[]>([]);
  const [loading, setLoading] = useState(false);
  const { load } = props;
  useEffect(() => {
    let live = true;
    setLoading(true);
    const t = setTimeout(() => {
      load(text).then((o) => live && setOptions(o)).catch(() => live && setOptions([])).finally(() => live && setLoading(false));
    }, 250);
    return () => { live = false; clearTimeout(t); };
  }, [text, load]);
  return (
    <Select showSearch={{ filterOption: false, onSearch: setText }} value={props.value} onChange={props.onChange}
      options={options} loading={loading} placeholder={props.placeholder} data-testid={props.testId} notFoundContent="无匹配结果" />
  );
}

/** A member of the caller's scope, found by name, pinyin or initials. */
export function MemberPicker(props: { value?: string; onChange?: (v: string) => void; testId?: string }) {
  const root = useScopeRoots()?.[0];
  const load = async (q: string) => (root ? (await searchMembers(root, q)).map((m) => ({ value: m.id, label: `${m.name}（${m.orgName}）` })) : []);
  return <RemoteSelect {...props} load={useStable(load, root)} placeholder="输入姓名或拼音首字母查找党员" testId={props.testId ?? 'member-picker'} />;
}

/** A 党支部/党小组 anywhere in the tree (the receiving side of an internal transfer). */
export function DestinationPicker(props: { value?: string; onChange?: (v: string) => void; testId?: string }) {
  const load = async (q: string) => (await searchDestinations(q)).map((o) => ({ value: o.id, label: o.name }));
  return <RemoteSelect {...props} load={useStable(load, 'dest')} placeholder="输入支部名称查找" testId={props.testId ?? 'destination-picker'} />;
}

/** Keeps a loader's identity while its key is unchanged, so the effect does not loop. */
function useStable<T>(fn: T, key: unknown): T {
  const [state, setState] = useState<{ key: unknown; fn: T }>({ key, fn });
  if (state.key !== key) setState({ key, fn });
  return state.key === key ? state.fn : fn;
}
