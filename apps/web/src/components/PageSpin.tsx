import { Flex, Spin } from 'antd';

/** Centered spinner for a page or panel that is still loading. */
export function PageSpin({ full = false }: { full?: boolean }) {
  return (
    <Flex align="center" justify="center" style={{ minHeight: full ? '100vh' : 240 }}>
      <Spin size="large" />
    </Flex>
  );
}
