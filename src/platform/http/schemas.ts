import { Type, type TSchema } from '@sinclair/typebox';
import { ROLES } from '../../domain/roles.ts';
import { NOT_BLANK } from './validation.ts';

/** Schemas shared by every feature's routes. */
export const Uuid = Type.String({ format: 'uuid', description: 'An id (UUID)' });

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.String(),
    errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
  },
  { $id: 'Problem', description: 'An error, as application/problem+json (RFC 9457)' },
);

/** Errors every route may answer with; listed so they appear in the OpenAPI document. */
export const problemResponses = {
  '4xx': Type.Ref('Problem'),
  500: Type.Ref('Problem'),
} as const;

export const RoleSchema = Type.Union(ROLES.map((role) => Type.Literal(role)), { description: 'A role in an organization' });

export const EmailSchema = Type.String({ format: 'email', minLength: 3, maxLength: 320 });
export const NameSchema = Type.String({ minLength: 1, maxLength: 200, pattern: NOT_BLANK });
/** IANA time zone names; checked against the runtime's list in the services. */
export const TimeZoneSchema = Type.String({ minLength: 1, maxLength: 64, description: 'IANA time zone, e.g. Europe/Lisbon' });

export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 25 })),
};

export function PageOf<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    page: Type.Integer(),
    pageSize: Type.Integer(),
    total: Type.Integer({ description: 'Items matching the filters, over all pages' }),
  });
}

export const OkSchema = Type.Object({ ok: Type.Literal(true) });
