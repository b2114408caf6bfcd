import { Anchor, Box, Center, Paper, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Logo } from '../ui/Logo';

/** The frame of the pages people see before signing in: a card on a quiet background. */
export function PublicPage({ title, subtitle, children, footer, width = 440 }: { title: string; subtitle?: ReactNode; children: ReactNode; footer?: ReactNode; width?: number }) {
  useDocumentTitle(`${title} · Cairn`);
  return (
    <Box component="main" mih="100vh" bg="var(--cairn-page-bg)" className="cairn-public">
      <Center mih="100vh" px="md" py="xl">
        <Stack w="100%" maw={width} gap="lg">
          <Center>
            <Anchor component={Link} to="/" underline="never" aria-label="Cairn home">
              <Logo size={34} />
            </Anchor>
          </Center>
          <Paper component="section" aria-labelledby="page-title" p={{ base: 'lg', sm: 'xl' }} shadow="sm" radius="lg">
            <Stack gap="xs" mb="lg">
              <Title order={1} fz={24} id="page-title">{title}</Title>
              {subtitle && <Text c="dimmed" size="sm">{subtitle}</Text>}
            </Stack>
            {children}
          </Paper>
          {footer && <Text ta="center" size="sm" c="dimmed">{footer}</Text>}
        </Stack>
      </Center>
    </Box>
  );
}
