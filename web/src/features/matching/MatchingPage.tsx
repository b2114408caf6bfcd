import { Anchor, Breadcrumbs, Button, Card, Tabs, Text } from '@mantine/core';
import { IconSchool } from '@tabler/icons-react';
import { Link, useParams, useSearchParams } from 'react-router';
import { isStatus } from '../../platform/api/client';
import { useOrg } from '../../platform/shell/org-context';
import { PageHeader } from '../../platform/ui/PageHeader';
import { Empty, Loading, LoadError } from '../../platform/ui/states';
import { useProgram } from '../mentoring/api';
import { ExclusionsPanel } from './ExclusionsPanel';
import { ProposalPanel } from './ProposalPanel';
import { WeightsPanel } from './WeightsPanel';

const TABS = { proposal: 'Proposal', weights: 'Weights and preview', exclusions: 'Excluded pairs' } as const;
type Tab = keyof typeof TABS;

/** The admin's matching for one program: weights with a live preview, runs to review and publish, excluded pairs. */
export function MatchingPage() {
  const { orgId } = useOrg();
  const { programId = '' } = useParams();
  const program = useProgram(orgId, programId);
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab') as Tab | null;
  const tab: Tab = asked && asked in TABS ? asked : 'proposal';
  const select = (next: Tab) => setParams(next === 'proposal' ? {} : { tab: next }, { replace: true });

  if (program.isPending) return <Loading label="Loading the program…" />;
  if (program.isError) {
    if (isStatus(program.error, 404)) {
      return (
        <Card>
          <Empty icon={<IconSchool size={28} aria-hidden />} title="Program not found" order={1} description="It does not exist in this organization.">
            <Button component={Link} to={`/orgs/${orgId}/mentoring/admin`} variant="default">All programs</Button>
          </Empty>
        </Card>
      );
    }
    return <LoadError error={program.error} onRetry={() => void program.refetch()} />;
  }
  return (
    <>
      <Breadcrumbs mb="sm" separator="/" aria-label="Breadcrumb">
        <Anchor component={Link} to={`/orgs/${orgId}/mentoring/admin`} size="sm">Manage programs</Anchor>
        <Anchor component={Link} to={`/orgs/${orgId}/mentoring/admin/programs/${programId}`} size="sm">{program.data.name}</Anchor>
        <Text size="sm" c="dimmed" aria-current="page">Matching</Text>
      </Breadcrumbs>
      <PageHeader
        title={`Matching: ${program.data.name}`}
        description="Weighted, explainable, capacity-aware pairs for everyone approved and still unmatched. Running pairs are never disturbed; nothing is published until you confirm."
      />
      <Tabs value={tab} onChange={(value) => value && select(value as Tab)} keepMounted={false}>
        <Tabs.List aria-label="Matching sections" mb="lg" style={{ flexWrap: 'wrap' }}>
          {(Object.keys(TABS) as Tab[]).map((t) => <Tabs.Tab key={t} value={t} fw={600}>{TABS[t]}</Tabs.Tab>)}
        </Tabs.List>
        <Tabs.Panel value="proposal"><ProposalPanel programId={programId} /></Tabs.Panel>
        <Tabs.Panel value="weights"><WeightsPanel programId={programId} /></Tabs.Panel>
        <Tabs.Panel value="exclusions"><ExclusionsPanel programId={programId} /></Tabs.Panel>
      </Tabs>
    </>
  );
}
