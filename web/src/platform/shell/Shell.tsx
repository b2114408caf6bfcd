import { Anchor, AppShell, Box, Burger, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconHome, IconUserCircle } from '@tabler/icons-react';
import { useEffect, type ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import type { Me, Membership } from '../api/queries';
import { Logo } from '../ui/Logo';
import { activeEntry, navEntriesFor, SECTION_LABELS } from './nav';
import { OrgSwitcher } from './OrgSwitcher';
import { PersonMenu } from './PersonMenu';

function Navigation({ membership, onNavigate }: { membership?: Membership; onNavigate: () => void }) {
  const { pathname } = useLocation();
  if (!membership) {
    // Signed in without an organization: a start page and the personal profile.
    return (
      <Stack gap={2} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {[{ to: '/welcome', label: 'Start', Icon: IconHome }, { to: '/profile', label: 'Profile', Icon: IconUserCircle }].map(({ to, label, Icon }) => (
          <li key={to}>
            <NavLink
              component={Link} to={to} label={label} onClick={onNavigate}
              leftSection={<Icon size={18} stroke={1.7} aria-hidden />}
              active={pathname === to} aria-current={pathname === to ? 'page' : undefined}
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
            />
          </li>
        ))}
      </Stack>
    );
  }
  const base = `/orgs/${membership.orgId}`;
  const entries = navEntriesFor(membership.roles);
  const current = activeEntry(entries, pathname, base);
  const sections = (['main', 'admin'] as const).filter((section) => entries.some((entry) => entry.section === section));
  return (
    <Stack gap="lg">
      {sections.map((section) => (
        <Box key={section}>
          <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={6} id={`nav-${section}`}>{SECTION_LABELS[section]}</Text>
          <Stack gap={2} component="ul" aria-labelledby={`nav-${section}`} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {entries.filter((entry) => entry.section === section).map((entry) => {
              const active = entry === current;
              const Icon = entry.icon;
              return (
                <li key={entry.path}>
                  <NavLink
                    component={Link}
                    to={entry.path ? `${base}/${entry.path}` : base}
                    label={entry.label}
                    leftSection={<Icon size={18} stroke={1.7} aria-hidden />}
                    active={active}
                    aria-current={active ? 'page' : undefined}
                    onClick={onNavigate}
                    style={{ borderRadius: 'var(--mantine-radius-md)' }}
                    fw={active ? 600 : 500}
                  />
                </li>
              );
            })}
          </Stack>
        </Box>
      ))}
    </Stack>
  );
}

/** The signed-in frame: header (name, organization switcher, person menu), navigation, page. */
export function Shell({ me, membership, children }: { me: Me; membership?: Membership; children: ReactNode }) {
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  useEffect(close, [pathname, close]);

  return (
    <>
      <a href="#main-content" className="cairn-skip-link">Skip to content</a>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
        padding={{ base: 'md', sm: 'xl' }}
        bg="var(--cairn-page-bg)"
      >
        <AppShell.Header px="md">
          <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="md" wrap="nowrap" miw={0}>
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? 'Close navigation' : 'Open navigation'} />
              <Anchor component={Link} to={membership ? `/orgs/${membership.orgId}` : '/'} underline="never" aria-label="Cairn home" visibleFrom="xs">
                <Logo size={28} />
              </Anchor>
              <OrgSwitcher me={me} currentOrgId={membership?.orgId} />
            </Group>
            <PersonMenu me={me} orgId={membership?.orgId} />
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="sm" aria-label="Main navigation">
          <AppShell.Section grow component={ScrollArea}>
            <Navigation membership={membership} onNavigate={close} />
          </AppShell.Section>
          <AppShell.Section pt="sm" px="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}>
            <Text size="xs" c="dimmed">
              Cairn · open source · <Anchor href="/api/docs" size="xs">API docs</Anchor>
            </Text>
          </AppShell.Section>
        </AppShell.Navbar>
        <AppShell.Main>
          <Box maw={1180} mx="auto" id="main-content" tabIndex={-1} style={{ outline: 'none' }}>
            {children}
          </Box>
        </AppShell.Main>
      </AppShell>
    </>
  );
}
