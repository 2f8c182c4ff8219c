// The words the sample data is made of: places, names, interests, industries, products.

/** [code, region, weight, income factor, [[city, size], ...]] */
export const COUNTRIES = [
  ['US', 'North America', 30, 1.0, [['New York', 'urban'], ['Los Angeles', 'urban'], ['Chicago', 'urban'], ['Austin', 'urban'], ['Columbus', 'suburban'], ['Plano', 'suburban'], ['Boise', 'suburban'], ['Bozeman', 'rural'], ['Ames', 'rural']]],
  ['CA', 'North America', 7, 0.9, [['Toronto', 'urban'], ['Vancouver', 'urban'], ['Mississauga', 'suburban'], ['Kelowna', 'rural']]],
  ['GB', 'Europe', 10, 0.85, [['London', 'urban'], ['Manchester', 'urban'], ['Reading', 'suburban'], ['Harrogate', 'rural']]],
  ['DE', 'Europe', 9, 0.9, [['Berlin', 'urban'], ['Munich', 'urban'], ['Potsdam', 'suburban'], ['Lüneburg', 'rural']]],
  ['FR', 'Europe', 7, 0.85, [['Paris', 'urban'], ['Lyon', 'urban'], ['Versailles', 'suburban'], ['Annecy', 'rural']]],
  ['ES', 'Europe', 5, 0.7, [['Madrid', 'urban'], ['Barcelona', 'urban'], ['Getafe', 'suburban'], ['Ronda', 'rural']]],
  ['NL', 'Europe', 4, 0.95, [['Amsterdam', 'urban'], ['Utrecht', 'urban'], ['Amstelveen', 'suburban'], ['Giethoorn', 'rural']]],
  ['SE', 'Europe', 3, 0.95, [['Stockholm', 'urban'], ['Gothenburg', 'urban'], ['Solna', 'suburban'], ['Kiruna', 'rural']]],
  ['AU', 'APAC', 6, 0.95, [['Sydney', 'urban'], ['Melbourne', 'urban'], ['Parramatta', 'suburban'], ['Ballarat', 'rural']]],
  ['JP', 'APAC', 6, 0.85, [['Tokyo', 'urban'], ['Osaka', 'urban'], ['Kawasaki', 'suburban'], ['Takayama', 'rural']]],
  ['BR', 'LATAM', 7, 0.45, [['São Paulo', 'urban'], ['Rio de Janeiro', 'urban'], ['Campinas', 'suburban'], ['Paraty', 'rural']]],
  ['MX', 'LATAM', 6, 0.45, [['Mexico City', 'urban'], ['Guadalajara', 'urban'], ['Zapopan', 'suburban'], ['Taxco', 'rural']]],
];

export const CITY_SIZE_WEIGHT = { urban: 6, suburban: 3, rural: 1.2 };

export const FIRST_NAMES = {
  F: ['Olivia', 'Emma', 'Sofia', 'Mia', 'Hannah', 'Chloe', 'Yuki', 'Ana', 'Lena', 'Grace', 'Isabel', 'Maya', 'Nora', 'Elena', 'Julia', 'Aiko', 'Camila', 'Freya', 'Zoe', 'Lucía'],
  M: ['Liam', 'Noah', 'Lucas', 'Mateo', 'Ethan', 'Felix', 'Hiro', 'João', 'Leon', 'Oliver', 'Daniel', 'Samuel', 'Hugo', 'Arjun', 'Diego', 'Kenji', 'Tom', 'Erik', 'Max', 'Luis'],
  X: ['Alex', 'Sam', 'Robin', 'Kai', 'Jamie', 'River', 'Noor', 'Ari'],
};

export const LIFESTYLES = ['student', 'young professional', 'family', 'empty nester', 'retired'];

export const INTERESTS = ['fashion', 'tech', 'home', 'beauty', 'fitness', 'reading', 'outdoors', 'gaming', 'cooking', 'parenting'];

export const CORE_VALUES = ['price', 'quality', 'convenience', 'sustainability', 'brand'];

export const ACQUISITION_CHANNELS = [['organic search', 30], ['paid social', 22], ['referral', 14], ['in store', 20], ['email', 8], ['affiliate', 6]];

export const CATEGORIES = ['electronics', 'fashion', 'home', 'beauty', 'sports', 'books', 'toys', 'grocery'];

/** Typical order value of each category relative to the customer's own level. */
export const CATEGORY_PRICE = { electronics: 2.6, fashion: 1.1, home: 1.5, beauty: 0.6, sports: 1.2, books: 0.45, toys: 0.8, grocery: 0.55 };

/** Category weights boosted by a primary interest. */
export const INTEREST_CATEGORIES = {
  fashion: { fashion: 5, beauty: 2 },
  tech: { electronics: 5 },
  home: { home: 5 },
  beauty: { beauty: 5, fashion: 1.5 },
  fitness: { sports: 5, grocery: 1.5 },
  reading: { books: 6 },
  outdoors: { sports: 3.5, home: 1.5 },
  gaming: { electronics: 4, toys: 1.5 },
  cooking: { grocery: 4, home: 2 },
  parenting: { toys: 5, fashion: 1.5, grocery: 1.5 },
};

/** Month (0–11) multipliers per category: summer sports, December toys, January fitness. */
export const CATEGORY_SEASON = {
  sports: [1.4, 1.0, 1.0, 1.1, 1.3, 1.4, 1.4, 1.2, 1.0, 0.9, 0.9, 1.0],
  toys: [0.7, 0.7, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.8, 0.9, 1.6, 2.6],
  electronics: [0.9, 0.8, 0.9, 0.9, 0.9, 0.9, 0.9, 1.0, 1.0, 1.0, 1.6, 1.5],
  fashion: [0.9, 0.8, 1.1, 1.1, 1.1, 1.0, 1.0, 1.1, 1.2, 1.1, 1.2, 1.3],
};

/** Orders per month (0–11) relative to an average month. */
export const MONTH_SEASON = [0.85, 0.8, 0.92, 0.95, 1.0, 0.98, 0.95, 0.97, 0.95, 1.02, 1.3, 1.55];

export const INDUSTRIES = [
  ['Software', 16, 220_000], ['Manufacturing', 14, 310_000], ['Retail', 12, 180_000], ['Healthcare', 11, 150_000],
  ['Financial Services', 10, 400_000], ['Logistics', 9, 200_000], ['Education', 7, 90_000], ['Energy', 6, 650_000],
  ['Media', 8, 170_000], ['Hospitality', 7, 70_000],
];

/** [region, weight, countries] */
export const B2B_REGIONS = [
  ['AMER', 45, ['US', 'US', 'US', 'CA']],
  ['EMEA', 32, ['GB', 'DE', 'FR', 'NL', 'SE', 'ES', 'IE']],
  ['APAC', 15, ['AU', 'JP', 'SG', 'IN']],
  ['LATAM', 8, ['BR', 'MX', 'CL']],
];

export const COMPANY_WORDS = {
  first: ['Blue', 'North', 'Silver', 'Bright', 'Iron', 'Cedar', 'Summit', 'Harbor', 'Atlas', 'Nova', 'Pioneer', 'Granite', 'Oak', 'Vertex', 'Lumen', 'Crescent', 'Evergreen', 'Falcon', 'Orbit', 'Prairie'],
  second: ['Ridge', 'Wind', 'Stone', 'Field', 'Wave', 'Bridge', 'Point', 'Peak', 'Gate', 'Path', 'Works', 'Labs', 'Line', 'Forge', 'Crest'],
  suffix: { Software: 'Systems', Manufacturing: 'Industries', Retail: 'Stores', Healthcare: 'Health', 'Financial Services': 'Capital', Logistics: 'Logistics', Education: 'Learning', Energy: 'Energy', Media: 'Media', Hospitality: 'Hotels' },
};

/** [product, list price, sales-cycle median in days] */
export const PRODUCTS = [
  ['Starter', 6_000, 21],
  ['Professional', 24_000, 45],
  ['Enterprise', 95_000, 110],
  ['Analytics add-on', 12_000, 30],
  ['Support plan', 8_000, 25],
];
