import type { FastifyRequest } from 'fastify';
import { orgOf, personIdOf } from '../../platform/http/access.ts';
import type { MentoringViewer } from './relationship-access.ts';

export function mentoringViewerOf(request: FastifyRequest): MentoringViewer {
  return { personId: personIdOf(request), orgRoles: orgOf(request).roles, ip: request.ip };
}
