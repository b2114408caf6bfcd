import type { Role } from '../../src/domain/roles.ts';
import type { ApiClient, TestApp } from './app.ts';
import { buildMember, buildOrganization, signedIn, type BuiltPerson } from './factories.ts';

export interface MentoringPerson { person: BuiltPerson; as: ApiClient }

export async function buildMentoringOrg(t: TestApp) {
  const orgId = await buildOrganization(t);
  const make = async (roles: Role[], name: string): Promise<MentoringPerson> => {
    const person = await buildMember(t, orgId, roles, { name });
    return { person, as: await signedIn(t, person) };
  };
  return {
    orgId,
    admin: await make(['admin'], 'Ada Admin'),
    mentor: await make(['mentor'], 'Maya Mentor'),
    mentee: await make(['member'], 'Mo Mentee'),
    other: await make(['member'], 'Otto Other'),
    make,
  };
}

/** The mentor offers to mentor outside programs. */
export async function listMentor(org: { orgId: string }, mentor: MentoringPerson, capacity = 2) {
  const response = await mentor.as.put(`/api/orgs/${org.orgId}/mentoring/mentor-listing`, {
    expertise: ['Negotiation', 'Hiring'], askMeAbout: 'Moving from engineering into management', availability: 'Tuesday mornings', capacity,
  });
  if (response.status !== 200) throw new Error(`listMentor: ${response.status} ${JSON.stringify(response.body)}`);
}

/** A mentee asks the mentor and the mentor accepts: an active organic relationship. */
export async function buildRelationship(org: { orgId: string }, mentor: MentoringPerson, mentee: MentoringPerson): Promise<string> {
  const asked = await mentee.as.post(`/api/orgs/${org.orgId}/mentoring/requests`, { mentorPersonId: mentor.person.id, message: 'Would you mentor me?' });
  if (asked.status !== 201) throw new Error(`buildRelationship: ${asked.status} ${JSON.stringify(asked.body)}`);
  const accepted = await mentor.as.post(`/api/orgs/${org.orgId}/mentoring/relationships/${asked.body.id}/accept`);
  if (accepted.status !== 200) throw new Error(`buildRelationship accept: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  return asked.body.id;
}

export type MentoringOrg = Awaited<ReturnType<typeof buildMentoringOrg>>;

/** A mentoring organization whose mentor (listed, two places) and mentee are in an active relationship. */
export async function buildActivePair(t: TestApp): Promise<{ org: MentoringOrg; relationshipId: string }> {
  const org = await buildMentoringOrg(t);
  await listMentor(org, org.mentor);
  return { org, relationshipId: await buildRelationship(org, org.mentor, org.mentee) };
}
