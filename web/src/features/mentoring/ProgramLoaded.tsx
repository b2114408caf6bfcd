import { Button, Card } from '@mantine/core';
import { IconSchool } from '@tabler/icons-react';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { isStatus } from '../../platform/api/client';
import { Empty, Loading, LoadError } from '../../platform/ui/states';
import type { Program } from './api';

/**
 * A page about one program: loading while it loads, "not found" with a way back to the list the
 * person came from (404 also for another organization's program), the reason and a retry when it
 * failed, and otherwise the page itself.
 */
export function ProgramLoaded({ program, backTo, missing, children }: {
  program: UseQueryResult<Program>;
  /** The programs list to go back to. */
  backTo: string;
  /** Why a program may not be found here, in the person's words. */
  missing: string;
  children: (program: Program) => ReactNode;
}) {
  if (program.isPending) return <Loading label="Loading the program…" />;
  if (program.isError) {
    if (!isStatus(program.error, 404)) return <LoadError error={program.error} onRetry={() => void program.refetch()} />;
    return (
      <Card>
        <Empty icon={<IconSchool size={28} aria-hidden />} title="Program not found" order={1} description={missing}>
          <Button component={Link} to={backTo} variant="default">All programs</Button>
        </Empty>
      </Card>
    );
  }
  return children(program.data);
}
