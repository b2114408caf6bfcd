import type { Role } from '../../domain/roles.ts';
import type { DemoPerson } from './people.ts';

/*
 * The rest of Alder & Finch: sixty colleagues across ten departments, each with a manager, so a
 * first start has a mentoring program large enough to match (the matching issue's demo) and homes
 * with real names in them. Written out by hand, not generated at random: the demo is the same on
 * every start.
 */

interface Colleague {
  key: string;
  name: string;
  title: string;
  department: string;
  managerKey: string;
  timeZone: string;
  languages: string[];
  mentor?: boolean;
  bio: string;
}

const ascii = (text: string) => text.replace(/ı/g, 'i').normalize('NFD').replace(/[\u0300-\u036f’']/g, '').toLowerCase().replace(/[^a-z]+/g, '.');

const COLLEAGUES: Colleague[] = [
  // Engineering (Sofia Marchetti's organization)
  { key: 'priyanka', name: 'Priyanka Iyer', title: 'Engineering Manager, Platform', department: 'Engineering', managerKey: 'engdir', timeZone: 'Europe/London', languages: ['en', 'hi'], mentor: true, bio: 'Grew from on-call engineer to leading the platform team.' },
  { key: 'tobias', name: 'Tobias Becker', title: 'Staff Engineer', department: 'Engineering', managerKey: 'engdir', timeZone: 'Europe/Berlin', languages: ['de', 'en'], mentor: true, bio: 'Architecture reviews, technical writing, the staff path.' },
  { key: 'amina', name: 'Amina Yusuf', title: 'Senior Software Engineer', department: 'Engineering', managerKey: 'eng1', timeZone: 'Africa/Lagos', languages: ['en', 'ha'], mentor: true, bio: 'Payments and reliability; mentors bootcamp graduates.' },
  { key: 'carlos', name: 'Carlos Mendoza', title: 'Software Engineer', department: 'Engineering', managerKey: 'eng1', timeZone: 'America/Mexico_City', languages: ['es', 'en'], bio: 'Two years in; wants to lead a project end to end.' },
  { key: 'sarah', name: 'Sarah O’Connor', title: 'Software Engineer', department: 'Engineering', managerKey: 'priyanka', timeZone: 'Europe/Dublin', languages: ['en'], bio: 'Moved from support into engineering last year.' },
  { key: 'wei', name: 'Wei Zhang', title: 'Senior Software Engineer', department: 'Engineering', managerKey: 'priyanka', timeZone: 'Asia/Shanghai', languages: ['zh', 'en'], mentor: true, bio: 'Distributed systems; patient code reviewer.' },
  { key: 'emma', name: 'Emma Johansson', title: 'QA Engineer', department: 'Engineering', managerKey: 'priyanka', timeZone: 'Europe/Stockholm', languages: ['sv', 'en'], bio: 'Test automation; curious about product management.' },
  { key: 'rahul', name: 'Rahul Verma', title: 'Software Engineer', department: 'Engineering', managerKey: 'priyanka', timeZone: 'Asia/Kolkata', languages: ['hi', 'en'], bio: 'Backend engineer working toward senior.' },
  { key: 'zoe', name: 'Zoe Williams', title: 'Junior Software Engineer', department: 'Engineering', managerKey: 'eng1', timeZone: 'Europe/London', languages: ['en'], bio: 'First engineering job; learning fast.' },
  { key: 'nikolai', name: 'Nikolai Petrov', title: 'Site Reliability Engineer', department: 'Engineering', managerKey: 'priyanka', timeZone: 'Europe/Warsaw', languages: ['ru', 'pl', 'en'], bio: 'Incidents, observability, calm under pressure.' },
  { key: 'layla', name: 'Layla Haddad', title: 'Software Engineer', department: 'Engineering', managerKey: 'eng1', timeZone: 'Asia/Dubai', languages: ['ar', 'en'], bio: 'Frontend engineer who loves accessibility.' },
  { key: 'anika', name: 'Anika Patel', title: 'Senior Software Engineer', department: 'Engineering', managerKey: 'priyanka', timeZone: 'Europe/London', languages: ['en', 'gu'], mentor: true, bio: 'Mobile lead; returned from parental leave this spring.' },
  { key: 'gabriel', name: 'Gabriel Laurent', title: 'Software Engineer', department: 'Engineering', managerKey: 'eng1', timeZone: 'Europe/Paris', languages: ['fr', 'en'], bio: 'Wants to understand how the business works.' },
  { key: 'ren', name: 'Ren Ito', title: 'Software Engineer', department: 'Engineering', managerKey: 'priyanka', timeZone: 'Asia/Tokyo', languages: ['ja', 'en'], bio: 'Joined through the graduate program.' },
  // Product
  { key: 'jonah', name: 'Jonah Feldman', title: 'VP Product', department: 'Product', managerKey: 'ceo', timeZone: 'America/New_York', languages: ['en'], mentor: true, bio: 'Ask me about saying no to good ideas.' },
  { key: 'aisha', name: 'Aisha Rahman', title: 'Senior Product Manager', department: 'Product', managerKey: 'jonah', timeZone: 'Europe/London', languages: ['en', 'bn'], mentor: true, bio: 'Discovery, roadmaps, stakeholder maps.' },
  { key: 'mateo', name: 'Mateo Rossi', title: 'Product Manager', department: 'Product', managerKey: 'jonah', timeZone: 'Europe/Rome', languages: ['it', 'en'], bio: 'From engineering to product two years ago.' },
  { key: 'hana', name: 'Hana Suzuki', title: 'Associate Product Manager', department: 'Product', managerKey: 'aisha', timeZone: 'Asia/Tokyo', languages: ['ja', 'en'], bio: 'First product role; learning discovery.' },
  { key: 'grace.m', name: 'Grace Mutua', title: 'Product Analyst', department: 'Product', managerKey: 'aisha', timeZone: 'Africa/Nairobi', languages: ['en', 'sw'], bio: 'Numbers first; wants to present with confidence.' },
  { key: 'yara', name: 'Yara Khoury', title: 'Product Manager', department: 'Product', managerKey: 'jonah', timeZone: 'Asia/Beirut', languages: ['ar', 'fr', 'en'], bio: 'Runs the onboarding squad.' },
  // Design
  { key: 'ines', name: 'Inês Carvalho', title: 'Head of Design', department: 'Design', managerKey: 'ceo', timeZone: 'Europe/Lisbon', languages: ['pt', 'en'], mentor: true, bio: 'Built the design team from two to twelve.' },
  { key: 'leo', name: 'Leo Fischer', title: 'Senior Product Designer', department: 'Design', managerKey: 'ines', timeZone: 'Europe/Berlin', languages: ['de', 'en'], mentor: true, bio: 'Design systems and critique culture.' },
  { key: 'maya.g', name: 'Maya Goldberg', title: 'Product Designer', department: 'Design', managerKey: 'ines', timeZone: 'America/New_York', languages: ['en', 'he'], bio: 'Wants to grow into design leadership.' },
  { key: 'kenji', name: 'Kenji Watanabe', title: 'UX Researcher', department: 'Design', managerKey: 'ines', timeZone: 'Asia/Tokyo', languages: ['ja', 'en'], bio: 'Interviews, synthesis, telling the story.' },
  // Data
  { key: 'kofi', name: 'Kofi Boateng', title: 'Head of Data', department: 'Data', managerKey: 'engdir', timeZone: 'Europe/London', languages: ['en', 'tw'], mentor: true, bio: 'From analyst to head of data in six years.' },
  { key: 'julia', name: 'Julia Nowak', title: 'Data Scientist', department: 'Data', managerKey: 'kofi', timeZone: 'Europe/Warsaw', languages: ['pl', 'en'], bio: 'Forecasting; wants more influence on decisions.' },
  { key: 'arjun', name: 'Arjun Nair', title: 'Data Engineer', department: 'Data', managerKey: 'kofi', timeZone: 'Asia/Singapore', languages: ['en', 'ml'], bio: 'Pipelines and data quality.' },
  { key: 'sofia.h', name: 'Sofía Herrera', title: 'Data Analyst', department: 'Data', managerKey: 'kofi', timeZone: 'America/Bogota', languages: ['es', 'en'], bio: 'Dashboards people actually read.' },
  { key: 'freya', name: 'Freya Nielsen', title: 'Data Analyst', department: 'Data', managerKey: 'kofi', timeZone: 'Europe/Copenhagen', languages: ['da', 'en'], bio: 'Marketing analytics; new to the company.' },
  // Sales (Rebecca Adeyemi's organization)
  { key: 'marcus.b', name: 'Marcus Bell', title: 'Senior Account Executive', department: 'Sales', managerKey: 'salesdir', timeZone: 'America/Chicago', languages: ['en'], mentor: true, bio: 'Enterprise deals; ask me about long sales cycles.' },
  { key: 'chloe', name: 'Chloe Martin', title: 'Account Executive', department: 'Sales', managerKey: 'sales2', timeZone: 'America/Toronto', languages: ['en', 'fr'], bio: 'Mid-market; working on discovery calls.' },
  { key: 'ethan', name: 'Ethan Park', title: 'Sales Development Representative', department: 'Sales', managerKey: 'sales2', timeZone: 'America/Los_Angeles', languages: ['en', 'ko'], bio: 'Wants to become an account executive.' },
  { key: 'fernanda', name: 'Fernanda Lima', title: 'Account Executive', department: 'Sales', managerKey: 'salesdir', timeZone: 'America/Sao_Paulo', languages: ['pt', 'es', 'en'], bio: 'Opened the Brazilian market.' },
  { key: 'seun', name: 'Oluwaseun Bakare', title: 'Sales Engineer', department: 'Sales', managerKey: 'salesdir', timeZone: 'Africa/Lagos', languages: ['en', 'yo'], mentor: true, bio: 'Engineer turned sales engineer; demos that land.' },
  { key: 'sipho', name: 'Sipho Dlamini', title: 'Account Executive', department: 'Sales', managerKey: 'salesdir', timeZone: 'Africa/Johannesburg', languages: ['zu', 'en'], bio: 'First year in software sales.' },
  // Marketing
  { key: 'charlotte', name: 'Charlotte Dubois', title: 'Marketing Director', department: 'Marketing', managerKey: 'ceo', timeZone: 'Europe/Paris', languages: ['fr', 'en'], mentor: true, bio: 'Brand, positioning, and building a team of generalists.' },
  { key: 'ravi', name: 'Ravi Menon', title: 'Content Marketing Manager', department: 'Marketing', managerKey: 'charlotte', timeZone: 'Asia/Kolkata', languages: ['en', 'ml'], bio: 'Writer; wants to manage a small team.' },
  { key: 'lucy', name: 'Lucy Turner', title: 'Marketing Specialist', department: 'Marketing', managerKey: 'charlotte', timeZone: 'Europe/London', languages: ['en'], bio: 'Events and campaigns.' },
  { key: 'tomasz', name: 'Tomasz Kowalski', title: 'Growth Marketer', department: 'Marketing', managerKey: 'charlotte', timeZone: 'Europe/Warsaw', languages: ['pl', 'en'], bio: 'Experiments and funnels.' },
  { key: 'nia', name: 'Nia Campbell', title: 'Brand Designer', department: 'Marketing', managerKey: 'charlotte', timeZone: 'America/New_York', languages: ['en'], bio: 'Illustration and brand systems.' },
  { key: 'mia', name: 'Mia Schneider', title: 'Marketing Analyst', department: 'Marketing', managerKey: 'charlotte', timeZone: 'Europe/Berlin', languages: ['de', 'en'], bio: 'Attribution and reporting.' },
  // Customer Success
  { key: 'diego', name: 'Diego Ramírez', title: 'Head of Customer Success', department: 'Customer Success', managerKey: 'ceo', timeZone: 'Europe/Madrid', languages: ['es', 'en'], mentor: true, bio: 'Renewals, escalations, and keeping teams calm.' },
  { key: 'elif', name: 'Elif Yılmaz', title: 'Customer Success Team Lead', department: 'Customer Success', managerKey: 'diego', timeZone: 'Europe/Istanbul', languages: ['tr', 'en'], mentor: true, bio: 'New team lead of six.' },
  { key: 'samuel', name: 'Samuel Otieno', title: 'Support Engineer', department: 'Customer Success', managerKey: 'diego', timeZone: 'Africa/Nairobi', languages: ['en', 'sw'], bio: 'Troubleshooter; considering engineering.' },
  { key: 'chiara', name: 'Chiara Bianchi', title: 'Customer Success Manager', department: 'Customer Success', managerKey: 'diego', timeZone: 'Europe/Rome', languages: ['it', 'en'], bio: 'Large accounts in southern Europe.' },
  { key: 'ben', name: 'Ben Cohen', title: 'Support Specialist', department: 'Customer Success', managerKey: 'elif', timeZone: 'America/New_York', languages: ['en'], bio: 'Wants to move into customer success.' },
  { key: 'mariana', name: 'Mariana Costa', title: 'Onboarding Specialist', department: 'Customer Success', managerKey: 'elif', timeZone: 'America/Sao_Paulo', languages: ['pt', 'es', 'en'], bio: 'Runs onboarding for new customers.' },
  { key: 'pedro', name: 'Pedro Alves', title: 'Customer Success Manager', department: 'Customer Success', managerKey: 'diego', timeZone: 'Europe/Lisbon', languages: ['pt', 'en'], bio: 'Joined from a competitor this year.' },
  // Operations (Fatima Al-Sayed's organization)
  { key: 'ahmed', name: 'Ahmed Hassan', title: 'Operations Manager', department: 'Operations', managerKey: 'opsdir', timeZone: 'Africa/Cairo', languages: ['ar', 'en'], mentor: true, bio: 'Recently promoted; runs vendor operations.' },
  { key: 'linh', name: 'Linh Nguyen', title: 'Operations Analyst', department: 'Operations', managerKey: 'ahmed', timeZone: 'Asia/Ho_Chi_Minh', languages: ['vi', 'en'], bio: 'Process mapping; wants to lead projects.' },
  { key: 'oscar', name: 'Oscar Lindgren', title: 'Supply Coordinator', department: 'Operations', managerKey: 'ahmed', timeZone: 'Europe/Stockholm', languages: ['sv', 'en'], bio: 'Logistics and planning.' },
  { key: 'rosa', name: 'Rosa Martínez', title: 'Operations Specialist', department: 'Operations', managerKey: 'opsdir', timeZone: 'America/Mexico_City', languages: ['es', 'en'], bio: 'Keeps the Americas office running.' },
  // Finance
  { key: 'victoria', name: 'Victoria Hughes', title: 'Senior Financial Analyst', department: 'Finance', managerKey: 'fin1', timeZone: 'Europe/London', languages: ['en'], mentor: true, bio: 'Planning and board packs.' },
  { key: 'kwabena', name: 'Kwabena Asante', title: 'Financial Analyst', department: 'Finance', managerKey: 'fin1', timeZone: 'Europe/London', languages: ['en', 'tw'], bio: 'Studying for the CFA.' },
  { key: 'isabel', name: 'Isabel Santos', title: 'Accountant', department: 'Finance', managerKey: 'fin1', timeZone: 'Europe/Lisbon', languages: ['pt', 'en'], bio: 'Month-end close; wants to move into FP&A.' },
  { key: 'patrick', name: 'Patrick Murphy', title: 'FP&A Analyst', department: 'Finance', managerKey: 'victoria', timeZone: 'Europe/Dublin', languages: ['en'], bio: 'Models and forecasts.' },
  // People (Marcus Lindqvist's organization)
  { key: 'hannah', name: 'Hannah Schmidt', title: 'People Partner', department: 'People', managerKey: 'hrdir', timeZone: 'Europe/Berlin', languages: ['de', 'en'], mentor: true, bio: 'Ask me about careers, feedback and hard conversations.' },
  { key: 'joseph', name: 'Joseph Mwangi', title: 'Learning & Development Specialist', department: 'People', managerKey: 'admin', timeZone: 'Africa/Nairobi', languages: ['en', 'sw'], bio: 'Runs the onboarding curriculum.' },
  { key: 'ayesha', name: 'Ayesha Siddiqui', title: 'Talent Acquisition Partner', department: 'People', managerKey: 'hrdir', timeZone: 'Asia/Karachi', languages: ['ur', 'en'], bio: 'Engineering hiring across three time zones.' },
  { key: 'liam', name: 'Liam Walsh', title: 'People Operations Coordinator', department: 'People', managerKey: 'hannah', timeZone: 'Europe/Dublin', languages: ['en'], bio: 'HR systems and onboarding logistics.' },
];

export const DEMO_COLLEAGUES: DemoPerson[] = COLLEAGUES.map((c) => {
  const [first, ...rest] = c.name.split(' ');
  const roles: Role[] = c.mentor ? ['member', 'mentor'] : ['member'];
  return {
    key: c.key, name: c.name, email: `${ascii(first!)}.${ascii(rest.join(' '))}@alderfinch.example`.replace(/\.+/g, '.'), title: c.title, department: c.department,
    managerKey: c.managerKey, timeZone: c.timeZone, languages: c.languages, roles, bio: c.bio,
  };
});
