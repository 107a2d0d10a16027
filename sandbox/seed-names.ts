/** Word lists for the seeded firm. */

export const FIRST_NAMES = [
  'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
  'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Christopher', 'Karen',
  'Charles', 'Lisa', 'Daniel', 'Nancy', 'Matthew', 'Betty', 'Anthony', 'Sandra', 'Mark', 'Ashley',
  'Zoë', 'José', 'Łukasz', 'Renée', 'Chloé', 'Zoé', 'Andrés', 'Björn', 'Søren', 'François', 'Inés', 'Noémie',
  'Aaliyah', 'Wei', 'Priya', 'Kwame', 'Oluwaseun', 'Siobhán', 'Mateo', 'Camila', 'Hiroshi', 'Yuki', 'Fatima',
  'Omar', 'Nadia', 'Dmitri', 'Anya', 'Carlos', 'Lucía', 'Ngozi', 'Tomás', 'Ana', 'Ivan', 'Mei', 'Raj', 'Leilani',
  'Grace', 'Ethan', 'Olivia', 'Noah', 'Emma', 'Liam', 'Ava', 'Lucas', 'Mia', 'Henry', 'Harper', 'Owen', 'Ella',
];

export const LAST_NAMES = [
  'Okafor', 'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez',
  'Martinez', 'Hernández', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson',
  'Martin', 'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramírez', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green',
  'Kowalski', 'Wiśniewski', 'Müller', 'Schröder', 'Dubois', 'Lefèvre', 'Núñez', 'Peña', 'Ó Briain', "O'Connor",
  'Nakamura', 'Tanaka', 'Patel', 'Shah', 'Chen', 'Wang', 'Kim', 'Park', 'Adeyemi', 'Mensah', 'Haddad',
  'Ivanova', 'Petrov', 'Rossi', 'Bianchi', 'Novák', 'Sørensen', 'Åberg', 'Fitzgerald', 'Kaplan', 'Goldberg',
  'Brennan', 'Castillo', 'Vargas', 'Delgado', 'Whitaker', 'Hayes', 'Sullivan', 'Bishop', 'Nakagawa', 'Abernathy',
];

export const COMPANY_WORDS = [
  'Harlan', 'Summit', 'Bayview', 'Granite', 'Riverside', 'Northgate', 'Cobalt', 'Evergreen', 'Pioneer',
  'Lakeshore', 'Redwood', 'Keystone', 'Meridian', 'Silverline', 'Atlas', 'Beacon', 'Cardinal', 'Horizon',
  'Ironwood', 'Juniper', 'Liberty', 'Magnolia', 'Oakridge', 'Pinnacle', 'Quarry', 'Sterling', 'Tidewater',
  'Union', 'Vantage', 'Westbrook', 'Crescent', 'Highland', 'Brightwater', 'Stonebridge', 'Café Lumière',
];

export const COMPANY_KINDS = [
  'Logistics', 'Construction', 'Holdings', 'Properties', 'Foods', 'Medical Group', 'Software', 'Capital',
  'Manufacturing', 'Realty', 'Trucking', 'Insurance Co.', 'Partners', 'Dental', 'Hospitality', 'Energy',
];

export const COMPANY_SUFFIXES = ['LLC', 'Inc.', 'Corp.', 'Group', 'Co.', 'LLP', 'Ltd.'];

export const STREET_NAMES = ['Elm', 'Maple', 'Oak', 'Cedar', 'Pine', 'Lake', 'Hill', 'Washington', 'Park', 'Main', 'Sunset', 'Birch'];

export const AREA_CODES = ['212', '312', '415', '617', '713', '305', '206', '404', '503', '602', '512', '303', '646', '718', '773', '214'];

/** Practice areas: [name, spec category, code]. */
export const PRACTICE_AREAS: Array<[string, string, string]> = [
  ['Employment', 'employment_and_labor', 'EMP'],
  ['Personal Injury', 'personal_injury', 'PI'],
  ['Family', 'family', 'FAM'],
  ['Estate Planning', 'wills_and_estates', 'EST'],
  ['Real Estate', 'real_estate', 'RE'],
  ['Corporate', 'business_formation_and_compliance', 'CORP'],
  ['Criminal Defense', 'criminal', 'CRIM'],
  ['Immigration', 'immigration', 'IMM'],
  ['Commercial Litigation', 'commercial_litigation', 'LIT'],
  ['Intellectual Property', 'intellectual_property', 'IP'],
];

/** Matter subjects per practice area (same order as PRACTICE_AREAS). */
export const MATTER_SUBJECTS: string[][] = [
  ['wrongful termination', 'wage and hour claim', 'discrimination claim', 'severance negotiation', 'non-compete dispute'],
  ['auto accident', 'slip and fall', 'dog bite', 'premises liability', 'medical malpractice'],
  ['divorce', 'child custody', 'prenuptial agreement', 'adoption', 'child support modification'],
  ['will and trust', 'probate', 'power of attorney', 'trust administration', 'guardianship'],
  ['purchase of residence', 'commercial lease review', 'title dispute', 'sale of property', 'landlord-tenant dispute'],
  ['LLC formation', 'shareholder agreement', 'asset purchase', 'annual compliance', 'series A financing'],
  ['DUI defense', 'misdemeanor theft', 'expungement', 'federal fraud defense', 'probation violation'],
  ['H-1B petition', 'green card application', 'naturalization', 'asylum application', 'visa renewal'],
  ['breach of contract', 'unpaid invoices', 'fraud claim', 'partnership dispute', 'injunction'],
  ['trademark registration', 'patent infringement', 'copyright dispute', 'licensing agreement', 'trade secret claim'],
];

/** Practice areas whose matters are styled "X v. Y". */
export const ADVERSARIAL = new Set(['Employment', 'Personal Injury', 'Commercial Litigation', 'Intellectual Property']);

/** Activity descriptions: [name, fixed rate or null for the user's rate]. */
export const ACTIVITY_DESCRIPTIONS: Array<[string, { amount: number; type: 'FlatRate' | 'Custom' } | null]> = [
  ['Legal research', null],
  ['Drafting', null],
  ['Client meeting', null],
  ['Telephone call', null],
  ['Email correspondence', null],
  ['Review documents', null],
  ['Court appearance', { amount: 450, type: 'Custom' }],
  ['Deposition', { amount: 425, type: 'Custom' }],
  ['Mediation', { amount: 400, type: 'Custom' }],
  ['Trial preparation', null],
  ['Negotiation', null],
  ['Filing', { amount: 75, type: 'FlatRate' }],
  ['Travel', { amount: 150, type: 'Custom' }],
  ['Paralegal work', { amount: 125, type: 'Custom' }],
  ['Administrative', { amount: 0, type: 'Custom' }],
];

export const ENTRY_NOTES = [
  'Reviewed correspondence from opposing counsel', 'Drafted motion to compel', 'Call with client re: settlement options',
  'Prepared discovery responses', 'Research on statute of limitations', 'Revised agreement per client comments',
  'Attended status conference', 'Prepared for deposition', 'Reviewed medical records', 'Email to client re: next steps',
  'Drafted demand letter', 'Reviewed title commitment', 'Conference with co-counsel', 'Finalized filing and served parties',
];
