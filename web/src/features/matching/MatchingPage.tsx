import { Anchor, Breadcrumbs, Tabs, Text } from '@mantine/core';
import { Link, useParams, useSearchParams } from 'react-router';
import { useOrg } from '../../platform/shell/org-context';
import { PageHeader } from '../../platform/ui/PageHeader';
import { ProgramLoaded } from '../mentoring/ProgramLoaded';
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

  return (
    <ProgramLoaded program={program} backTo={`/orgs/${orgId}/mentoring/admin`} missing="It does not exist in this organization.">
      {(loaded) => (
        <>
          <Breadcrumbs mb="sm" separator="/" aria-label="Breadcrumb">
            <Anchor component={Link} to={`/orgs/${orgId}/mentoring/admin`} size="sm">Manage programs</Anchor>
            <Anchor component={Link} to={`/orgs/${orgId}/mentoring/admin/programs/${programId}`} size="sm">{loaded.name}</Anchor>
            <Text size="sm" c="dimmed" aria-current="page">Matching</Text>
          </Breadcrumbs>
          <PageHeader
            title={`Matching: ${loaded.name}`}
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
      )}
    </ProgramLoaded>
  );
}
