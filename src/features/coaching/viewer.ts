import type { FastifyRequest } from 'fastify';
import { orgOf, personIdOf } from '../../platform/http/access.ts';
import type { Viewer } from './engagement-access.ts';

export function viewerOf(request: FastifyRequest): Viewer {
  return { personId: personIdOf(request), orgRoles: orgOf(request).roles, ip: request.ip };
}
