import { Group, Text } from '@mantine/core';

/** Four stacked stones, and the name. */
export function LogoMark({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#0f7a57" />
      <ellipse cx="16" cy="25" rx="10" ry="3.6" fill="#d0ebe1" />
      <ellipse cx="16" cy="18.2" rx="7.4" ry="3.1" fill="#a3d6c3" />
      <ellipse cx="16" cy="12.2" rx="5" ry="2.6" fill="#d0ebe1" />
      <ellipse cx="16" cy="7.2" rx="3" ry="2" fill="#ffffff" />
    </svg>
  );
}

export function Logo({ size = 28 }: { size?: number }) {
  return (
    <Group gap={8} wrap="nowrap">
      <LogoMark size={size} />
      <Text fw={700} fz={size * 0.7} lh={1} c="stone.9" style={{ letterSpacing: '-0.01em' }}>Cairn</Text>
    </Group>
  );
}
