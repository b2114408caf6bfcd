/** Words the data generator draws from: names from many places, departments with their titles. */

export const FIRST_NAMES = [
  'Aaliyah', 'Abdul', 'Ada', 'Adebayo', 'Adriana', 'Ahmed', 'Aiko', 'Alejandro', 'Alice', 'Amara', 'Amir', 'Ana', 'Anders', 'Andrea', 'Anika',
  'Anna', 'Antoine', 'Arjun', 'Astrid', 'Ayesha', 'Beatriz', 'Benjamin', 'Bongani', 'Camila', 'Carlos', 'Carmen', 'Charlotte', 'Chen', 'Chloé',
  'Chiara', 'Daniel', 'Daniela', 'David', 'Dmitri', 'Elena', 'Elif', 'Elijah', 'Emeka', 'Emma', 'Erik', 'Esther', 'Fatima', 'Felipe', 'Fiona',
  'Francesca', 'François', 'Gabriel', 'Grace', 'Hana', 'Hannah', 'Hassan', 'Helena', 'Hiroshi', 'Ibrahim', 'Ines', 'Ingrid', 'Isaac', 'Isabel',
  'Ivan', 'Jakub', 'James', 'Jana', 'Javier', 'Jia', 'Jonas', 'José', 'Julia', 'Kai', 'Kamala', 'Karim', 'Katarzyna', 'Kenji', 'Kwame', 'Lars',
  'Laura', 'Leila', 'Liam', 'Lina', 'Lucas', 'Lucía', 'Mai', 'Malik', 'Marco', 'Maria', 'Mariam', 'Marta', 'Mateo', 'Mei', 'Mia', 'Mohammed',
  'Nadia', 'Naledi', 'Nikhil', 'Nina', 'Noah', 'Noor', 'Olga', 'Oliver', 'Omar', 'Oskar', 'Paolo', 'Pedro', 'Priya', 'Rafael', 'Rahul', 'Rania',
  'Ravi', 'Rebecca', 'Rosa', 'Ruth', 'Sakura', 'Samuel', 'Sara', 'Sebastian', 'Shreya', 'Siobhan', 'Sofia', 'Sven', 'Tariq', 'Thandiwe', 'Theo',
  'Tomás', 'Uma', 'Valentina', 'Victor', 'Wei', 'Xavier', 'Yara', 'Yusuf', 'Yuki', 'Zainab', 'Zoë',
];

export const LAST_NAMES = [
  'Abara', 'Adeyemi', 'Ahmed', 'Alvarez', 'Andersen', 'Bauer', 'Becker', 'Bianchi', 'Brown', 'Castillo', 'Chen', 'Cohen', 'Costa', 'Dubois',
  'Dvořák', 'Eriksson', 'Fernández', 'Fischer', 'Garcia', 'Gonzalez', 'Gupta', 'Haddad', 'Hansen', 'Hernández', 'Hoffmann', 'Ibrahim', 'Ito',
  'Jansen', 'Jensen', 'Johnson', 'Kang', 'Kaplan', 'Khan', 'Kim', 'Kowalski', 'Kumar', 'Larsen', 'Lee', 'Li', 'Lindqvist', 'Lopez', 'Martin',
  'Martínez', 'Mensah', 'Meyer', 'Moreau', 'Müller', 'Murphy', 'Nakamura', 'Nguyen', 'Novak', 'Nowak', 'Nwosu', 'Okafor', 'Okonkwo', "O'Brien",
  'Olsen', 'Osei', 'Park', 'Patel', 'Pereira', 'Petrov', 'Popescu', 'Quispe', 'Rahman', 'Ramos', 'Rao', 'Reyes', 'Rodríguez', 'Rossi', 'Sato',
  'Schmidt', 'Schneider', 'Silva', 'Singh', 'Smith', 'Sokolov', 'Souza', 'Suzuki', 'Tanaka', 'Taylor', 'Thomas', 'Torres', 'Van der Berg',
  'Virtanen', 'Wagner', 'Walker', 'Wang', 'Weber', 'Williams', 'Wilson', 'Wójcik', 'Yamamoto', 'Yang', 'Yilmaz', 'Zhang', 'Zulu',
];

export interface Department {
  name: string;
  head: string;
  manager: string;
  titles: readonly string[];
}

export const DEPARTMENTS: readonly Department[] = [
  { name: 'Engineering', head: 'VP Engineering', manager: 'Engineering Manager', titles: ['Software Engineer', 'Senior Software Engineer', 'Staff Engineer', 'Site Reliability Engineer', 'QA Engineer', 'Data Engineer'] },
  { name: 'Product', head: 'Chief Product Officer', manager: 'Group Product Manager', titles: ['Product Manager', 'Senior Product Manager', 'Product Designer', 'UX Researcher'] },
  { name: 'Sales', head: 'VP Sales', manager: 'Sales Team Lead', titles: ['Account Executive', 'Sales Development Representative', 'Enterprise Account Manager', 'Sales Engineer'] },
  { name: 'Marketing', head: 'Chief Marketing Officer', manager: 'Marketing Manager', titles: ['Content Strategist', 'Growth Marketer', 'Brand Designer', 'Events Coordinator'] },
  { name: 'Customer Success', head: 'Head of Customer Success', manager: 'Customer Success Lead', titles: ['Customer Success Manager', 'Support Specialist', 'Onboarding Specialist'] },
  { name: 'Operations', head: 'Chief Operating Officer', manager: 'Operations Manager', titles: ['Operations Analyst', 'Project Coordinator', 'Facilities Coordinator', 'Procurement Specialist'] },
  { name: 'Finance', head: 'Chief Financial Officer', manager: 'Finance Manager', titles: ['Financial Analyst', 'Accountant', 'Payroll Specialist', 'Controller'] },
  { name: 'People', head: 'Chief People Officer', manager: 'HR Business Partner', titles: ['People Partner', 'Recruiter', 'Learning & Development Specialist', 'People Operations Specialist'] },
  { name: 'Legal', head: 'General Counsel', manager: 'Legal Manager', titles: ['Counsel', 'Paralegal', 'Compliance Officer'] },
  { name: 'Research', head: 'Director of Research', manager: 'Research Lead', titles: ['Research Scientist', 'Research Assistant', 'Data Scientist'] },
  { name: 'Manufacturing', head: 'VP Manufacturing', manager: 'Plant Manager', titles: ['Production Technician', 'Quality Inspector', 'Process Engineer', 'Shift Supervisor'] },
  { name: 'Clinical', head: 'Chief Medical Officer', manager: 'Clinical Lead', titles: ['Nurse', 'Clinical Specialist', 'Physician', 'Care Coordinator'] },
];

export const EXTERNAL_COACH_TITLES = ['Executive Coach (PCC)', 'Leadership Coach (ACC)', 'Career Coach (MCC)', 'Team Coach', 'Performance Coach'];
export const EXTERNAL_MENTOR_TITLES = ['Industry Mentor', 'Alumni Mentor', 'Board Advisor'];

export const ORG_WORDS = [
  'Alder', 'Birch', 'Cedar', 'Delta', 'Ember', 'Fjord', 'Granite', 'Harbor', 'Iris', 'Juniper', 'Kestrel', 'Lumen', 'Maple', 'Nimbus', 'Orchid',
  'Pioneer', 'Quarry', 'Riverside', 'Summit', 'Tidewater', 'Umber', 'Vale', 'Willow', 'Yarrow', 'Zephyr', 'Northwind', 'Bluebird', 'Copper',
];
export const ORG_KINDS = ['Health', 'Labs', 'Logistics', 'Bank', 'Foods', 'Energy', 'Studios', 'Systems', 'University', 'Foundation', 'Partners', 'Retail'];

export const TIME_ZONES = [
  'Europe/London', 'Europe/Lisbon', 'Europe/Paris', 'Europe/Berlin', 'Europe/Madrid', 'Europe/Warsaw', 'Europe/Stockholm', 'Africa/Lagos',
  'Africa/Nairobi', 'Africa/Johannesburg', 'Asia/Dubai', 'Asia/Kolkata', 'Asia/Singapore', 'Asia/Tokyo', 'Australia/Sydney',
  'America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles', 'America/Sao_Paulo', 'America/Mexico_City', 'UTC',
];

export const LANGUAGES = ['en', 'fr', 'de', 'es', 'pt', 'it', 'nl', 'sv', 'pl', 'ar', 'hi', 'zh', 'ja', 'ko', 'yo', 'sw', 'tr'];

export const BIO_PARTS = [
  'Loves mentoring new joiners.', 'Working toward a first management role.', 'Curious about moving into product.',
  'Ask me about scaling teams.', 'Preparing for a director role.', 'Ten years in the field; happy to share what I learned.',
  'Interested in public speaking and storytelling.', 'Runs the local chapter of our employee resource group.',
  'Learning to delegate.', 'Back from parental leave and re-planning my career.', 'Enjoys difficult conversations, done kindly.',
];

/** "José Dvořák" -> "jose.dvorak": email local parts stay ASCII. */
export function asciiSlug(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.|\.$/g, '');
}
