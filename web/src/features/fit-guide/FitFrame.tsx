import { Anchor, Box, Button, Container, Group, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useMe } from '../../platform/api/queries';
import { Logo } from '../../platform/ui/Logo';

/**
 * The frame of the public fit guide pages: a quiet header (the guide, what each involves, and
 * sign in or back to Cairn), one calm column, and a footer.
 */
export function FitFrame({ title, children, width = 760 }: { title: string; children: ReactNode; width?: number }) {
  useDocumentTitle(`${title} · Cairn`);
  const me = useMe();
  const signedIn = Boolean(me.data);
  return (
    <Box mih="100vh" className="cairn-public" style={{ display: 'flex', flexDirection: 'column' }}>
      <Box component="header" px="md" py="sm" style={{ borderBottom: '1px solid var(--mantine-color-stone-1)', background: 'rgba(255,255,255,0.7)' }}>
        <Group justify="space-between" maw={1100} mx="auto" wrap="nowrap" gap="sm">
          <Anchor component={Link} to="/fit" underline="never" aria-label="Cairn fit guide">
            <Logo size={28} />
          </Anchor>
          <Group gap="xs" wrap="nowrap" component="nav" aria-label="Fit guide">
            <Anchor component={Link} to="/fit/about" size="sm" underline="hover" c="stone.8" fw={500} visibleFrom="xs">What each involves</Anchor>
            {!me.isPending && (signedIn
              ? <Button component={Link} to="/" size="xs" variant="default" ml="sm">Open Cairn</Button>
              : <Button component={Link} to="/sign-in" size="xs" variant="default" ml="sm">Sign in</Button>)}
          </Group>
        </Group>
      </Box>
      <Container component="main" size={width} w="100%" px="md" py={{ base: 'lg', sm: 40 }} style={{ flex: 1 }}>
        {children}
      </Container>
      <Box component="footer" py="md" px="md">
        <Text size="xs" c="dimmed" ta="center">
          Cairn · open-source coaching and mentoring · the fit guide needs no account and keeps nothing unless you ask it to
        </Text>
      </Box>
    </Box>
  );
}
