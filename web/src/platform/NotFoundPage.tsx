import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Link, useLocation } from 'react-router';
import { Logo } from './ui/Logo';

function NotFoundContent() {
  const { pathname } = useLocation();
  useDocumentTitle('Page not found · Cairn');
  return (
    <Stack align="center" gap="md" ta="center" maw={460}>
      <Text fz={64} fw={800} c="cairn.8" lh={1} aria-hidden>404</Text>
      <Title order={1} fz={26}>This page does not exist</Title>
      <Text c="dimmed">
        Nothing lives at <Text span ff="monospace" size="sm">{pathname}</Text>. The link may be old, or mistyped.
      </Text>
      <Button component={Link} to="/">Go to Cairn home</Button>
    </Stack>
  );
}

/** Any unknown address outside an organization. */
export function NotFoundPage() {
  return (
    <Center mih="100vh" px="md" bg="var(--cairn-page-bg)" component="main">
      <Stack align="center" gap="xl">
        <Logo size={32} />
        <NotFoundContent />
      </Stack>
    </Center>
  );
}

/** An unknown address inside an organization: keeps the navigation around it. */
export function NotFoundInOrg() {
  return (
    <Center mih="50vh">
      <NotFoundContent />
    </Center>
  );
}
