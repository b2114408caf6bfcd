import { Button, Card, Container } from '@mantine/core';
import { IconBuildingCommunity } from '@tabler/icons-react';
import { Link, Navigate, useParams } from 'react-router';
import { useMe } from '../../platform/api/queries';
import { homeOrgOf } from '../../platform/shell/org-context';
import { Empty, LoadError, Loading } from '../../platform/ui/states';
import { STEP_PATHS, type NextStep } from './api';

/**
 * /fit/go/:step — a next step of the fit guide that lives inside an organization. A visitor is
 * sent to sign in and comes back here; a member lands on the page in their organization.
 */
export function FitNextStepPage() {
  const { step = '' } = useParams();
  const me = useMe();
  const path = STEP_PATHS[step as NextStep['id']];

  if (!path) return <Navigate to="/fit/about" replace />;
  if (me.isPending) return <Loading label="Opening Cairn…" minHeight="100vh" />;
  if (me.isError) return <Container size="sm" py={80}><LoadError error={me.error} onRetry={() => void me.refetch()} /></Container>;
  if (!me.data) return <Navigate to={`/sign-in?next=${encodeURIComponent(`/fit/go/${step}`)}`} replace />;
  const orgId = homeOrgOf(me.data);
  if (!orgId) {
    return (
      <Container size="sm" py={80} component="main">
        <Card padding="lg">
          <Empty
            icon={<IconBuildingCommunity size={28} aria-hidden />}
            order={1}
            title="Join an organization first"
            description="Coaches, mentors and programs belong to an organization on Cairn. Ask your organization for an invitation, or create one."
          >
            <Button component={Link} to="/welcome">Go to Cairn</Button>
          </Empty>
        </Card>
      </Container>
    );
  }
  return <Navigate to={`/orgs/${orgId}/${path}`} replace />;
}
