// Word lists for the seed: names, places and clinical vocabulary of an Australian allied-health
// practice (with some UK-born patients), all made up. E-mail domains are example.com/.net/.org.

export const FEMALE_FIRST_NAMES = [
	'Olivia', 'Charlotte', 'Amelia', 'Isla', 'Mia', 'Ava', 'Grace', 'Chloe', 'Sophie', 'Emily', 'Ruby', 'Zoe', 'Matilda', 'Harper',
	'Evie', 'Lily', 'Ella', 'Sienna', 'Willow', 'Georgia', 'Hannah', 'Jessica', 'Sarah', 'Rebecca', 'Emma', 'Lucy', 'Megan',
	'Priya', 'Mei', 'Aisha', 'Fatima', 'Ngaire', 'Siobhan', 'Niamh', 'Margaret', 'Patricia', 'Helen', 'Jennifer', 'Karen',
	'Michelle', 'Leanne', 'Kylie', 'Bronwyn', 'Deborah', 'Anh', 'Yuki', 'Elena', 'Sofia', 'Chiara', 'Freya',
] as const;

export const MALE_FIRST_NAMES = [
	'Oliver', 'Noah', 'Jack', 'William', 'Leo', 'Lucas', 'Thomas', 'Henry', 'Charlie', 'James', 'Hudson', 'Ethan', 'Harrison',
	'Samuel', 'Max', 'Cooper', 'Lachlan', 'Angus', 'Hamish', 'Liam', 'Daniel', 'Matthew', 'Benjamin', 'Joshua', 'Ryan', 'Nathan',
	'Arjun', 'Wei', 'Omar', 'Tariq', 'Rhys', 'Callum', 'Connor', 'Declan', 'Peter', 'David', 'Michael', 'Robert', 'Graham',
	'Stephen', 'Craig', 'Darren', 'Bruce', 'Trevor', 'Minh', 'Hiroshi', 'Marco', 'Luca', 'Nikolai', 'Finn',
] as const;

export const LAST_NAMES = [
	'Smith', 'Jones', 'Williams', 'Brown', 'Wilson', 'Taylor', 'Johnson', 'White', 'Martin', 'Anderson', 'Thompson', 'Nguyen',
	'Thomas', 'Walker', 'Harris', 'Lee', 'Ryan', 'Robinson', 'Kelly', 'King', 'Davis', 'Wright', 'Evans', 'Roberts', 'Green',
	'Hall', 'Wood', 'Jackson', 'Clarke', 'Patel', 'Khan', 'Singh', 'Chen', 'Wang', 'Li', 'Zhang', 'Tran', 'Le', 'Pham',
	"O'Brien", "O'Connor", 'McDonald', 'MacKenzie', 'Campbell', 'Stewart', 'Murphy', 'Byrne', 'Walsh', 'Fitzgerald',
	'Kowalski', 'Novak', 'Papadopoulos', 'Nikolaidis', 'Rossi', 'Russo', 'Esposito', 'Bianchi', 'Romano', 'Costa', 'Silva',
	'Fernandez', 'Garcia', 'Lopez', 'Sato', 'Tanaka', 'Kim', 'Park', 'Hughes', 'Edwards', 'Collins', 'Turner', 'Parker',
	'Mitchell', 'Cooper', 'Morris', 'Ward', 'Bennett', 'Gray', 'Fraser', 'Hunter', 'Russell', 'Morgan', 'Reid', 'Ross',
	'Baker', 'Bell', 'Murray', 'Graham', 'Kennedy', 'Henderson', 'Watson', 'Ahmed', 'Hussain', 'Rahman', 'Sharma', 'Gupta',
	'Van der Berg', 'de Silva', 'Lindqvist', 'Johansson', 'Schmidt', 'Fischer', 'Weber', 'Dubois', 'Moreau', 'Okafor', 'Mensah',
] as const;

export interface AuLocality {
	city: string;
	state: string;
	postCode: string;
	timeZone: string;
	landlineArea: string;
}

export const AU_LOCALITIES: AuLocality[] = [
	{ city: 'Fitzroy', state: 'VIC', postCode: '3065', timeZone: 'Australia/Melbourne', landlineArea: '03' },
	{ city: 'Collingwood', state: 'VIC', postCode: '3066', timeZone: 'Australia/Melbourne', landlineArea: '03' },
	{ city: 'Richmond', state: 'VIC', postCode: '3121', timeZone: 'Australia/Melbourne', landlineArea: '03' },
	{ city: 'Brunswick', state: 'VIC', postCode: '3056', timeZone: 'Australia/Melbourne', landlineArea: '03' },
	{ city: 'Northcote', state: 'VIC', postCode: '3070', timeZone: 'Australia/Melbourne', landlineArea: '03' },
	{ city: 'Carlton North', state: 'VIC', postCode: '3054', timeZone: 'Australia/Melbourne', landlineArea: '03' },
	{ city: 'Abbotsford', state: 'VIC', postCode: '3067', timeZone: 'Australia/Melbourne', landlineArea: '03' },
	{ city: 'Hawthorn', state: 'VIC', postCode: '3122', timeZone: 'Australia/Melbourne', landlineArea: '03' },
	{ city: 'South Yarra', state: 'VIC', postCode: '3141', timeZone: 'Australia/Melbourne', landlineArea: '03' },
	{ city: 'St Kilda', state: 'VIC', postCode: '3182', timeZone: 'Australia/Melbourne', landlineArea: '03' },
	{ city: 'Footscray', state: 'VIC', postCode: '3011', timeZone: 'Australia/Melbourne', landlineArea: '03' },
	{ city: 'Preston', state: 'VIC', postCode: '3072', timeZone: 'Australia/Melbourne', landlineArea: '03' },
	{ city: 'Kew', state: 'VIC', postCode: '3101', timeZone: 'Australia/Melbourne', landlineArea: '03' },
	{ city: 'Box Hill', state: 'VIC', postCode: '3128', timeZone: 'Australia/Melbourne', landlineArea: '03' },
	{ city: 'Geelong', state: 'VIC', postCode: '3220', timeZone: 'Australia/Melbourne', landlineArea: '03' },
	{ city: 'Surry Hills', state: 'NSW', postCode: '2010', timeZone: 'Australia/Sydney', landlineArea: '02' },
	{ city: 'Newtown', state: 'NSW', postCode: '2042', timeZone: 'Australia/Sydney', landlineArea: '02' },
	{ city: 'Redfern', state: 'NSW', postCode: '2016', timeZone: 'Australia/Sydney', landlineArea: '02' },
	{ city: 'Paddington', state: 'NSW', postCode: '2021', timeZone: 'Australia/Sydney', landlineArea: '02' },
	{ city: 'Bondi', state: 'NSW', postCode: '2026', timeZone: 'Australia/Sydney', landlineArea: '02' },
	{ city: 'Marrickville', state: 'NSW', postCode: '2204', timeZone: 'Australia/Sydney', landlineArea: '02' },
	{ city: 'Glebe', state: 'NSW', postCode: '2037', timeZone: 'Australia/Sydney', landlineArea: '02' },
	{ city: 'Chatswood', state: 'NSW', postCode: '2067', timeZone: 'Australia/Sydney', landlineArea: '02' },
	{ city: 'Parramatta', state: 'NSW', postCode: '2150', timeZone: 'Australia/Sydney', landlineArea: '02' },
	{ city: 'Fortitude Valley', state: 'QLD', postCode: '4006', timeZone: 'Australia/Brisbane', landlineArea: '07' },
];

export const AU_STREETS = [
	'Brunswick Street', 'Smith Street', 'Gertrude Street', 'Johnston Street', 'Nicholson Street', 'Rathdowne Street', 'Lygon Street',
	'Bridge Road', 'Swan Street', 'Church Street', 'Victoria Parade', 'Queens Parade', 'High Street', 'Station Street', 'Park Street',
	'Albert Street', 'Elizabeth Street', 'Crown Street', 'Bourke Street', 'King Street', 'Enmore Road', 'Glebe Point Road',
	'Oxford Street', 'Campbell Parade', 'Wattle Avenue', 'Banksia Crescent', 'Grevillea Court', 'Jacaranda Drive', 'Acacia Lane',
	'Hope Street', 'Union Street', 'Napier Street', 'Wellington Street', 'Rose Street', 'Kerr Street', 'Argyle Street',
];

export interface UkLocality {
	city: string;
	county: string;
	postCodePrefix: string;
}

export const UK_LOCALITIES: UkLocality[] = [
	{ city: 'London', county: 'Greater London', postCodePrefix: 'N1' },
	{ city: 'London', county: 'Greater London', postCodePrefix: 'SE15' },
	{ city: 'Manchester', county: 'Greater Manchester', postCodePrefix: 'M20' },
	{ city: 'Leeds', county: 'West Yorkshire', postCodePrefix: 'LS6' },
	{ city: 'Bristol', county: 'Bristol', postCodePrefix: 'BS8' },
	{ city: 'Edinburgh', county: 'City of Edinburgh', postCodePrefix: 'EH9' },
	{ city: 'Glasgow', county: 'Glasgow City', postCodePrefix: 'G12' },
	{ city: 'Cardiff', county: 'Cardiff', postCodePrefix: 'CF24' },
	{ city: 'Brighton', county: 'East Sussex', postCodePrefix: 'BN2' },
	{ city: 'York', county: 'North Yorkshire', postCodePrefix: 'YO10' },
];

export const UK_STREETS = [
	'High Street', 'Station Road', 'Church Lane', 'Victoria Road', 'Mill Lane', 'Park Road', 'Kings Road', 'Queen Street',
	'Grove Terrace', 'Albion Street', 'Orchard Close', 'Manor Way', 'Chapel Street', 'Abbey Road', 'Crescent Gardens',
];

export const OCCUPATIONS = [
	'Teacher', 'Registered Nurse', 'Software Engineer', 'Accountant', 'Electrician', 'Plumber', 'Carpenter', 'Barista', 'Chef',
	'Retail Assistant', 'Student', 'Retired', 'Lawyer', 'Graphic Designer', 'Project Manager', 'Police Officer', 'Paramedic',
	'Personal Trainer', 'Architect', 'Civil Engineer', 'Journalist', 'Musician', 'Landscaper', 'Truck Driver', 'Public Servant',
	'Pharmacist', 'Real Estate Agent', 'Hairdresser', 'Early Childhood Educator', 'Warehouse Supervisor',
];

export const MEDICAL_ALERTS = [
	'Penicillin allergy',
	'Latex allergy',
	'Type 2 diabetes',
	'Type 1 diabetes – carries glucose tablets',
	'Pacemaker fitted – no TENS or shockwave',
	'Anticoagulant medication (warfarin)',
	'Hypertension',
	'Asthma – brings own inhaler',
	'Epilepsy',
	'Pregnant – second trimester',
	'Osteoporosis',
	'Recent total knee replacement',
	'Hearing impaired – prefers written instructions',
	'Anaphylaxis to bee stings – EpiPen',
	'Chronic kidney disease',
	'Lymphoedema risk – left arm',
];

export const APPOINTMENT_NOTES = [
	'Running 5 minutes late',
	'Bring MRI report',
	'Prefers a female practitioner',
	'First visit since surgery',
	'Parking at rear entrance',
	'Needs an interpreter (Mandarin)',
	'Wheelchair access required',
	'WorkCover claim – bring claim number',
	'Rescheduled from last week',
	'Referral letter emailed in advance',
];

export const CASE_NAMES = [
	'Right knee ACL reconstruction rehab',
	'Left shoulder rotator cuff tear',
	'Chronic lower back pain',
	'WorkCover claim – lumbar strain',
	'DVA – bilateral knee osteoarthritis',
	'Medicare CDM – chronic neck pain',
	'Post-natal pelvic floor program',
	'Plantar fasciitis – right foot',
	'Ankle sprain – netball',
	'Falls prevention program',
	'TAC claim – whiplash',
	'Hip replacement rehab',
];

export const CONTACT_PRACTICES = [
	'Fitzroy Medical Centre',
	'Richmond Family Practice',
	'Surry Hills Medical',
	'Brunswick Health Hub',
	'Northcote General Practice',
	'Inner West GP Clinic',
	'Melbourne Orthopaedic Group',
	'Sydney Sports Medicine Centre',
	'Eastern Imaging',
	'Bayside Rheumatology',
];

export const THIRD_PARTY_PAYERS = [
	'Medibank Private',
	'Bupa Australia',
	'HCF',
	'nib Health Funds',
	"Department of Veterans' Affairs",
	'WorkSafe Victoria',
	'icare NSW',
	'Transport Accident Commission',
];

export const PRODUCTS = [
	{ name: 'TheraBand Resistance Band – Medium (Red)', code: 'TB-RED', price: 14.95, cost: 6.2 },
	{ name: 'TheraBand Resistance Band – Heavy (Blue)', code: 'TB-BLU', price: 16.95, cost: 7.1 },
	{ name: 'Foam Roller 45 cm', code: 'FR-45', price: 39.0, cost: 17.5 },
	{ name: 'Spiky Massage Ball', code: 'SMB-01', price: 12.0, cost: 3.9 },
	{ name: 'Lumbar Support Roll', code: 'LSR-01', price: 45.0, cost: 19.0 },
	{ name: 'Rigid Strapping Tape 38 mm', code: 'RST-38', price: 8.5, cost: 2.8 },
	{ name: 'Kinesiology Tape 5 cm', code: 'KT-5', price: 18.0, cost: 7.4 },
	{ name: 'Heat Pack – Wheat Bag', code: 'HP-WB', price: 24.0, cost: 9.0 },
	{ name: 'Cold Therapy Gel Pack', code: 'CGP-01', price: 15.0, cost: 5.5 },
	{ name: 'Orthotic Insoles – Full Length', code: 'ORT-FL', price: 89.0, cost: 34.0 },
	{ name: 'Contour Pillow', code: 'CP-01', price: 79.0, cost: 31.0 },
	{ name: 'Hand Grip Strengthener', code: 'HGS-01', price: 19.95, cost: 6.0 },
];

export const SUPPLIERS = ['Physio Supplies Australia', 'Allied Medical Wholesale', 'Sportstek Distributors', 'OrthoCare Pty Ltd'];

export const REFERRAL_SOURCE_TYPES: Array<{ name: string; referrerType: 'Patient' | 'Contact' | null; subcategories: string[] }> = [
	{ name: 'Google search', referrerType: null, subcategories: ['Google Maps', 'Organic search', 'Google Ads'] },
	{ name: 'Doctor referral', referrerType: 'Contact', subcategories: [] },
	{ name: 'Friend or family', referrerType: 'Patient', subcategories: [] },
	{ name: 'Social media', referrerType: null, subcategories: ['Instagram', 'Facebook', 'TikTok'] },
	{ name: 'Walk-in', referrerType: null, subcategories: [] },
	{ name: 'Health fund', referrerType: null, subcategories: ['Medibank', 'Bupa', 'HCF'] },
];

export const SMS_REMINDER = 'Hi {first}, this is a reminder of your appointment at Harbourside Allied Health on {when}. Reply Y to confirm or call us to reschedule.';
export const EMAIL_CONFIRMATION = 'Dear {first},\n\nThank you for booking with Harbourside Allied Health. Your appointment is confirmed for {when}.\n\nKind regards,\nHarbourside Allied Health';
export const MEMOS = [
	'Called patient to reschedule – left voicemail.',
	'Patient called to ask about health fund rebate for last visit.',
	'Referral letter received from GP and attached to file.',
	'Patient requested invoice be re-sent to work email.',
	'Discussed home exercise program progress over the phone.',
	'Health fund pre-approval received for 6 sessions.',
];
