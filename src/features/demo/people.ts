import type { Role } from '../../domain/roles.ts';

export interface DemoPerson {
  key: string;
  name: string;
  email: string;
  title: string;
  department: string;
  managerKey: string | null;
  timeZone: string;
  languages: string[];
  roles: Role[];
  bio: string;
}

export const DEMO_ORGANIZATION = { name: 'Alder & Finch', defaultTimeZone: 'Europe/London' };
export const DEMO_PASSWORD = 'cairn-demo-2026';

const at = (local: string) => `${local}@alderfinch.example`;

/** A small company with a real reporting line, people in four time zones and every role. */
export const DEMO_PEOPLE: DemoPerson[] = [
  { key: 'ceo', name: 'Helena Okafor', email: at('helena'), title: 'Chief Executive', department: 'Leadership', managerKey: null, timeZone: 'Europe/London', languages: ['en', 'yo'], roles: ['mentor'], bio: 'Built two companies; mentors first-time managers.' },
  { key: 'admin', name: 'Priya Raman', email: at('priya'), title: 'People Development Lead', department: 'People', managerKey: 'hrdir', timeZone: 'Europe/London', languages: ['en', 'ta'], roles: ['admin'], bio: 'Runs the coaching offer and the mentoring programs.' },
  { key: 'hrdir', name: 'Marcus Lindqvist', email: at('marcus'), title: 'HR Director', department: 'People', managerKey: 'ceo', timeZone: 'Europe/Stockholm', languages: ['en', 'sv'], roles: ['sponsor', 'admin'], bio: 'Sponsors the leadership coaching program.' },
  { key: 'coach1', name: 'Dr. Amara Nwosu', email: at('amara'), title: 'Executive Coach (PCC)', department: 'External coaches', managerKey: null, timeZone: 'Europe/London', languages: ['en', 'fr'], roles: ['coach'], bio: 'ICF PCC; leadership transitions and executive presence.' },
  { key: 'coach2', name: 'Tomás Herrera', email: at('tomas'), title: 'Leadership Coach (ACC)', department: 'People', managerKey: 'admin', timeZone: 'Europe/Madrid', languages: ['es', 'en'], roles: ['coach'], bio: 'Internal coach; new managers and difficult conversations.' },
  { key: 'coach3', name: 'Grace Kim', email: at('grace'), title: 'Career Coach (MCC)', department: 'External coaches', managerKey: null, timeZone: 'America/New_York', languages: ['en', 'ko'], roles: ['coach'], bio: 'ICF MCC; career pivots and resilience.' },
  { key: 'coach4', name: 'Jonas Weber', email: at('jonas'), title: 'Performance Coach', department: 'External coaches', managerKey: null, timeZone: 'Europe/Berlin', languages: ['de', 'en'], roles: ['coach'], bio: 'EMCC accredited; performance and focus.' },
  { key: 'engdir', name: 'Sofia Marchetti', email: at('sofia'), title: 'Director of Engineering', department: 'Engineering', managerKey: 'ceo', timeZone: 'Europe/Rome', languages: ['it', 'en'], roles: ['mentor', 'sponsor'], bio: 'Twenty years of building teams; ask me about scaling.' },
  { key: 'eng1', name: 'Daniel Osei', email: at('daniel'), title: 'Engineering Manager', department: 'Engineering', managerKey: 'engdir', timeZone: 'Europe/London', languages: ['en'], roles: ['member', 'mentor'], bio: 'New to managing; mentors junior engineers.' },
  { key: 'eng2', name: 'Mei Chen', email: at('mei'), title: 'Senior Software Engineer', department: 'Engineering', managerKey: 'eng1', timeZone: 'Asia/Singapore', languages: ['en', 'zh'], roles: ['member'], bio: 'Wants to grow toward staff engineer.' },
  { key: 'eng3', name: 'Lucas Moreau', email: at('lucas'), title: 'Software Engineer', department: 'Engineering', managerKey: 'eng1', timeZone: 'Europe/Paris', languages: ['fr', 'en'], roles: ['member'], bio: 'Joined this year; learning the ropes.' },
  { key: 'salesdir', name: 'Rebecca Adeyemi', email: at('rebecca'), title: 'VP Sales', department: 'Sales', managerKey: 'ceo', timeZone: 'America/New_York', languages: ['en'], roles: ['mentor', 'sponsor'], bio: 'Ask me about negotiation and hiring.' },
  { key: 'sales1', name: 'Ana Souza', email: at('ana'), title: 'Account Executive', department: 'Sales', managerKey: 'salesdir', timeZone: 'America/Sao_Paulo', languages: ['pt', 'en', 'es'], roles: ['member'], bio: 'Working on negotiation and public speaking.' },
  { key: 'sales2', name: 'Kwame Mensah', email: at('kwame'), title: 'Sales Team Lead', department: 'Sales', managerKey: 'salesdir', timeZone: 'America/Chicago', languages: ['en'], roles: ['member', 'mentor'], bio: 'First-time team lead.' },
  { key: 'ops1', name: 'Yuki Tanaka', email: at('yuki'), title: 'Operations Analyst', department: 'Operations', managerKey: 'opsdir', timeZone: 'Asia/Tokyo', languages: ['ja', 'en'], roles: ['member'], bio: 'Curious about moving into product.' },
  { key: 'opsdir', name: 'Fatima Al-Sayed', email: at('fatima'), title: 'Head of Operations', department: 'Operations', managerKey: 'ceo', timeZone: 'Asia/Dubai', languages: ['ar', 'en'], roles: ['mentor', 'member'], bio: 'Ask me about running calm operations under pressure.' },
  { key: 'fin1', name: 'Oliver Brooks', email: at('oliver'), title: 'Finance Manager', department: 'Finance', managerKey: 'ceo', timeZone: 'Europe/London', languages: ['en'], roles: ['member'], bio: 'Preparing for a director role.' },
];
