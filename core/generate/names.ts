/** Word lists for synthetic people, businesses and streets. */

// prettier-ignore
export const FIRST_NAMES = [
  'James', 'Mary', 'John', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'William', 'Elizabeth',
  'David', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen',
  'Christopher', 'Nancy', 'Daniel', 'Lisa', 'Matthew', 'Betty', 'Anthony', 'Margaret', 'Mark', 'Sandra',
  'Donald', 'Ashley', 'Steven', 'Kimberly', 'Paul', 'Emily', 'Andrew', 'Donna', 'Joshua', 'Michelle',
  'Kenneth', 'Dorothy', 'Kevin', 'Carol', 'Brian', 'Amanda', 'George', 'Melissa', 'Edward', 'Deborah',
  'Ronald', 'Stephanie', 'Timothy', 'Rebecca', 'Jason', 'Sharon', 'Jeffrey', 'Laura', 'Ryan', 'Cynthia',
  'Jacob', 'Kathleen', 'Gary', 'Amy', 'Nicholas', 'Shirley', 'Eric', 'Angela', 'Jonathan', 'Helen',
  'Stephen', 'Anna', 'Larry', 'Brenda', 'Justin', 'Pamela', 'Scott', 'Nicole', 'Brandon', 'Emma',
  'Benjamin', 'Samantha', 'Samuel', 'Katherine', 'Gregory', 'Christine', 'Frank', 'Debra', 'Alexander',
  'Rachel', 'Raymond', 'Catherine', 'Patrick', 'Carolyn', 'Jack', 'Janet', 'Dennis', 'Ruth', 'Jerry',
  'Maria', 'Olivia', 'Liam', 'Noah', 'Sophia', 'Mia', 'Lucas', 'Priya', 'Arjun', 'Wei', 'Mei', 'Hana',
  'Yuki', 'Carlos', 'Sofia', 'Mateo', 'Lucia', 'Ahmed', 'Fatima', 'Omar', 'Aisha', 'Lukas', 'Lena',
  'Hugo', 'Chloe', 'Louis', 'Camille', 'Diego', 'Valentina', 'Ravi', 'Ananya', 'Kofi', 'Amara',
];

// prettier-ignore
export const LAST_NAMES = [
  'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
  'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
  'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
  'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Green',
  'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts', 'Gomez',
  'Phillips', 'Evans', 'Turner', 'Diaz', 'Parker', 'Cruz', 'Edwards', 'Collins', 'Reyes', 'Stewart',
  'Morris', 'Morales', 'Murphy', 'Cook', 'Rogers', 'Gutierrez', 'Ortiz', 'Morgan', 'Cooper', 'Peterson',
  'Bailey', 'Reed', 'Kelly', 'Howard', 'Ramos', 'Kim', 'Cox', 'Ward', 'Richardson', 'Watson', 'Brooks',
  'Chavez', 'Wood', 'James', 'Bennett', 'Gray', 'Mendoza', 'Ruiz', 'Hughes', 'Price', 'Alvarez', 'Castillo',
  'Sanders', 'Patel', 'Myers', 'Long', 'Ross', 'Foster', 'Jimenez', 'Muller', 'Schmidt', 'Schneider',
  'Fischer', 'Weber', 'Dubois', 'Laurent', 'Bernard', 'Moreau', 'Singh', 'Kumar', 'Sharma', 'Gupta',
  'Wang', 'Li', 'Zhang', 'Chen', 'Liu', 'Tanaka', 'Suzuki', 'Sato', 'Okafor', 'Mensah', "O'Brien",
  "O'Connor", 'MacDonald', 'Fernandez', 'Silva', 'Santos', 'Costa', 'Novak', 'Kowalski', 'Ivanov',
];

// prettier-ignore
export const STREET_NAMES = [
  'Main', 'Oak', 'Pine', 'Maple', 'Cedar', 'Elm', 'Washington', 'Lake', 'Hill', 'Park', 'Walnut',
  'Sunset', 'Lincoln', 'Jackson', 'Church', 'Highland', 'Willow', 'Meadow', 'River', 'Spring', 'Forest',
  'Cherry', 'Valley', 'Madison', 'Chestnut', 'Jefferson', 'Franklin', 'Ridge', 'Adams', 'Mill', 'Birch',
  'Lakeview', 'Sycamore', 'Dogwood', 'Hickory', 'Magnolia', 'Laurel', 'Center', 'Railroad', 'Prospect',
  'Broad', 'Market', 'Union', 'Water', 'Bridge', 'Front', 'High', 'King', 'Queen', 'Victoria', 'Albert',
  'Station', 'Mountain', 'Harbor', 'Bay', 'Ocean', 'Garden', 'Orchard', 'Grove', 'Heather', 'Aspen',
  'Juniper', 'Spruce', 'Poplar', 'Holly', 'Ivy', 'Rose', 'Lilac', 'Clover', 'Fairview', 'Pleasant',
  'Green', 'Woodland', 'College', 'School', 'Academy', 'Mulberry', 'Beech', 'Canal', 'Mission', 'Vine',
];

/** Street types as written in full; the address renderer also writes them abbreviated. */
export const STREET_TYPES: ReadonlyArray<readonly [long: string, short: string]> = [
  ['Street', 'St'],
  ['Avenue', 'Ave'],
  ['Road', 'Rd'],
  ['Boulevard', 'Blvd'],
  ['Drive', 'Dr'],
  ['Lane', 'Ln'],
  ['Court', 'Ct'],
  ['Place', 'Pl'],
  ['Terrace', 'Ter'],
  ['Circle', 'Cir'],
  ['Parkway', 'Pkwy'],
  ['Square', 'Sq'],
  ['Trail', 'Trl'],
  ['Highway', 'Hwy'],
];

export const DIRECTIONS: ReadonlyArray<readonly [long: string, short: string]> = [
  ['North', 'N'],
  ['South', 'S'],
  ['East', 'E'],
  ['West', 'W'],
  ['Northwest', 'NW'],
  ['Southeast', 'SE'],
];

// prettier-ignore
export const BUSINESS_WORDS = [
  'Corner', 'Golden', 'Bright', 'Urban', 'Blue', 'Green', 'Summit', 'Harbor', 'Pioneer', 'Liberty',
  'Maple', 'Royal', 'Silver', 'Metro', 'Prime', 'Coastal', 'Evergreen', 'Sunrise', 'Northern', 'Crown',
];

export const BUSINESS_NOUNS: Readonly<Record<string, readonly string[]>> = {
  grocery: ['Market', 'Grocers', 'Foods', 'Pantry'],
  coffee: ['Coffee', 'Cafe', 'Roasters', 'Bakery'],
  restaurant: ['Kitchen', 'Diner', 'Grill', 'Bistro'],
  fuel: ['Fuel', 'Gas', 'Petroleum'],
  electronics: ['Electronics', 'Digital', 'Tech Store'],
  marketplace: ['Marketplace', 'Online', 'Shop'],
  utilities: ['Energy', 'Telecom', 'Water Co'],
  travel: ['Airlines', 'Travel', 'Hotels'],
  pharmacy: ['Pharmacy', 'Drugstore'],
  giftcards: ['Gift Cards', 'Vouchers'],
  crypto: ['Exchange', 'Crypto', 'Coin'],
  clothing: ['Apparel', 'Outfitters', 'Boutique'],
};

// prettier-ignore
export const FREE_MAIL = ['gmail.com', 'gmail.com', 'gmail.com', 'yahoo.com', 'outlook.com', 'hotmail.com', 'icloud.com', 'aol.com', 'proton.me', 'mail.com'];
