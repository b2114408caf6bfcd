import { Button, Center, Container, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { Link, Navigate, Outlet, useLocation, useParams } from 'react-router';
import { useMe, type Me } from '../api/queries';
import { Empty, LoadError, Loading } from '../ui/states';
import { IconBuildingCommunity } from '@tabler/icons-react';
import { OrgContext, homeOrgOf, rememberOrg } from './org-context';
import { Shell } from './Shell';
import { CreateOrganizationButton } from './OrgSwitcher';

/** Renders its children with the signed-in person, or sends visitors to sign in (and back after). */
function SignedIn({ children }: { children: (me: Me) => React.ReactNode }) {
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading label="Loading Cairn…" minHeight="100vh" />;
  if (me.isError) {
    return (
      <Container size="sm" py={80}>
        <LoadError error={me.error} onRetry={() => void me.refetch()} title="Cairn could not be reached" />
      </Container>
    );
  }
  if (!me.data) {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children(me.data)}</>;
}

/** "/": the organization used last (or the first one), or a start page for people without one. */
export function HomeRedirect() {
  return (
    <SignedIn>
      {(me) => {
        const orgId = homeOrgOf(me);
        return <Navigate to={orgId ? `/orgs/${orgId}` : '/welcome'} replace />;
      }}
    </SignedIn>
  );
}

/** /orgs/:orgId/*: the shell around one organization's pages. */
export function OrgLayout() {
  const { orgId = '' } = useParams();
  return (
    <SignedIn>
      {(me) => <OrgFrame me={me} orgId={orgId} />}
    </SignedIn>
  );
}

function OrgFrame({ me, orgId }: { me: Me; orgId: string }) {
  const membership = me.memberships.find((candidate) => candidate.orgId === orgId);
  useEffect(() => {
    if (membership) rememberOrg(orgId);
  }, [membership, orgId]);

  if (!membership) {
    return (
      <Shell me={me}>
        <Empty
          icon={<IconBuildingCommunity size={28} aria-hidden />}
          title="Organization not found" order={1}
          description="It does not exist, or you are not (or no longer) a member of it."
        >
          <Button component={Link} to="/">Go to your organizations</Button>
        </Empty>
      </Shell>
    );
  }
  const roles = membership.roles;
  return (
    <OrgContext.Provider value={{ orgId, membership, me, roles, isAdmin: roles.includes('admin') }}>
      <Shell me={me} membership={membership}>
        <Outlet />
      </Shell>
    </OrgContext.Provider>
  );
}

/** Pages of a signed-in person outside any organization (/welcome, /profile without one). */
export function PersonalLayout() {
  return (
    <SignedIn>
      {(me) => (
        <Shell me={me}>
          <Outlet />
        </Shell>
      )}
    </SignedIn>
  );
}

/** /welcome: a signed-in person who belongs to no organization. */
export function WelcomePage() {
  return (
    <Center mih="60vh">
      <Stack align="center" gap="md" maw={480} ta="center">
        <Title order={1} fz={28}>Welcome to Cairn</Title>
        <Text c="dimmed">
          You are not a member of any organization yet. Create one to run coaching and mentoring for your people,
          or ask an admin of an existing organization to invite you.
        </Text>
        <CreateOrganizationButton />
      </Stack>
    </Center>
  );
}

/** /profile: the profile inside the remembered organization, or the personal one. */
export function ProfileRedirect({ personal }: { personal: React.ReactNode }) {
  return (
    <SignedIn>
      {(me) => {
        const orgId = homeOrgOf(me);
        return orgId ? <Navigate to={`/orgs/${orgId}/profile`} replace /> : <Shell me={me}>{personal}</Shell>;
      }}
    </SignedIn>
  );
}
