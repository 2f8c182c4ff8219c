// Customers (demographic, geographic, psychographic columns) and their orders, 2022–2024.
// Each customer carries hidden habits — how often they buy, how much, where and what — and
// orders are drawn day by day from the customers active on that day, so the file comes out in
// date order with seasonality, skewed spend, lapsed customers and customers who never bought.
import { aliasTable, cumulative, pickIndex } from './random.mjs';
import { blackFriday, day, isoDay, monthOf, weekdayOf, yearOf } from './dates.mjs';
import { CsvWriter } from './csv-writer.mjs';
import {
  ACQUISITION_CHANNELS, CATEGORIES, CATEGORY_PRICE, CATEGORY_SEASON, CITY_SIZE_WEIGHT, CORE_VALUES, COUNTRIES,
  FIRST_NAMES, INTEREST_CATEGORIES, INTERESTS, LIFESTYLES, MONTH_SEASON,
} from './vocabulary.mjs';

const FIRST_ORDER_DAY = day('2022-01-01');
const LAST_ORDER_DAY = day('2024-12-31');
const CHANNELS = ['web', 'store', 'app'];
const DISCOUNTS = [0.05, 0.1, 0.15, 0.2, 0.25, 0.3];
const SIGNUP_YEARS = [[2019, 12], [2020, 15], [2021, 16], [2022, 17], [2023, 19], [2024, 21]];

const CUSTOMER_COLUMNS = ['customer_id', 'first_name', 'gender', 'age', 'country', 'region', 'city', 'city_size', 'signup_date', 'email_opt_in', 'income', 'acquisition_channel', 'interest', 'lifestyle', 'core_value', 'price_sensitivity'];
const ORDER_COLUMNS = ['order_id', 'customer_id', 'order_date', 'amount', 'channel', 'category', 'discount'];

const countryPick = COUNTRIES.map((c) => [c, c[2]]);

export function writeCustomers(random, count, path) {
  const out = new CsvWriter(path, CUSTOMER_COLUMNS);
  const habits = {
    rate: new Float64Array(count),
    from: new Int32Array(count),
    until: new Int32Array(count),
    spend: new Float64Array(count),
    channelProfile: new Uint8Array(count),
    interest: new Uint8Array(count),
    priceSensitive: new Uint8Array(count),
  };
  for (let i = 0; i < count; i++) {
    const c = customer(random);
    out.write([i + 1, c.firstName, c.gender, c.age, c.country, c.region, c.city, c.citySize, isoDay(c.signup), c.optIn, c.income, c.acquisition, c.interest, c.lifestyle, c.coreValue, c.priceSensitivity]);
    habits.rate[i] = c.rate;
    habits.from[i] = c.signup;
    habits.until[i] = c.signup + Math.round(random.exponential(1500));
    habits.spend[i] = c.spend;
    habits.channelProfile[i] = c.channelProfile;
    habits.interest[i] = INTERESTS.indexOf(c.interest);
    habits.priceSensitive[i] = c.priceSensitivity === 'high' ? 1 : 0;
  }
  return { file: out.close(), habits };
}

function customer(random) {
  const [country, region, , incomeFactor, cities] = random.weighted(countryPick);
  const [city, citySize] = random.weighted(cities.map((c) => [c, CITY_SIZE_WEIGHT[c[1]]]));
  const genderDrawn = random.weighted([['F', 49], ['M', 47], ['X', 2], [null, 2]]);
  const age = Math.min(85, Math.max(18, Math.round(random.chance(0.55) ? random.normal(36, 10) : random.normal(58, 13))));
  const lifestyle = lifestyleAt(random, age);
  const ageFactor = age < 25 ? 0.45 : age < 35 ? 0.85 : age < 60 ? 1.15 : 0.8;
  const sizeFactor = citySize === 'urban' ? 1.15 : citySize === 'rural' ? 0.85 : 1;
  const income = Math.round(random.logNormal(52_000 * incomeFactor * ageFactor * sizeFactor, 0.45) / 100) * 100;
  const interest = interestOf(random, lifestyle, genderDrawn, age);
  const coreValue = random.weighted(CORE_VALUES.map((v) => [v, v === 'price' ? 3 + (income < 40_000 ? 3 : 0) : v === 'brand' && age < 35 ? 2.5 : v === 'sustainability' && age < 40 ? 2.2 : 1.6]));
  const priceSensitivity = coreValue === 'price' || income < 30_000 ? random.weighted([['high', 7], ['medium', 3]]) : income > 90_000 ? random.weighted([['low', 6], ['medium', 3], ['high', 1]]) : random.weighted([['low', 2], ['medium', 5], ['high', 3]]);
  const optIn = random.chance(age > 45 ? 0.62 : 0.5);
  const signupYear = random.weighted(SIGNUP_YEARS);
  const signup = random.int(day(`${signupYear}-01-01`), day(`${signupYear}-12-31`));
  const lifestyleRate = { student: 0.7, 'young professional': 1.1, family: 1.35, 'empty nester': 1.0, retired: 0.75 }[lifestyle];
  return {
    firstName: random.chance(0.02) ? null : random.pick(FIRST_NAMES[genderDrawn ?? random.pick(['F', 'M'])]),
    gender: genderDrawn,
    age: random.chance(0.03) ? null : age,
    country, region, city, citySize, signup, optIn, interest, lifestyle, coreValue, priceSensitivity,
    income: random.chance(0.06) ? null : income,
    acquisition: random.weighted(ACQUISITION_CHANNELS),
    rate: random.logNormal(1, 0.95) * lifestyleRate * (optIn ? 1.3 : 1),
    spend: random.logNormal(38, 0.3) * Math.pow(income / 52_000, 0.35) * (priceSensitivity === 'high' ? 0.8 : priceSensitivity === 'low' ? 1.25 : 1),
    channelProfile: (age < 30 ? 0 : age < 55 ? 1 : 2) * 2 + (citySize === 'rural' ? 1 : 0),
  };
}

function lifestyleAt(random, age) {
  if (age < 24) return random.weighted([['student', 7], ['young professional', 3]]);
  if (age < 32) return random.weighted([['young professional', 6], ['family', 3], ['student', 1]]);
  if (age < 52) return random.weighted([['family', 6], ['young professional', 3]]);
  if (age < 66) return random.weighted([['empty nester', 6], ['family', 2], ['retired', 1.5]]);
  return random.weighted([['retired', 8], ['empty nester', 2]]);
}

function interestOf(random, lifestyle, gender, age) {
  return random.weighted(INTERESTS.map((interest) => {
    let w = 1;
    if (interest === 'parenting') w = lifestyle === 'family' ? 4 : 0.1;
    if (interest === 'gaming') w = age < 35 ? 2.5 : 0.4;
    if (interest === 'reading') w = age > 55 ? 2.5 : 1;
    if (interest === 'beauty' || interest === 'fashion') w *= gender === 'F' ? 2 : gender === 'M' ? 0.6 : 1.2;
    if (interest === 'tech') w *= gender === 'M' ? 1.8 : 0.9;
    return [interest, w];
  }));
}

/** web / store / app weights by age band (under 30, under 55, older), then rural or not. */
const CHANNEL_PROFILES = [[0.35, 0.15, 0.5], [0.6, 0.15, 0.5], [0.45, 0.3, 0.25], [0.7, 0.3, 0.25], [0.35, 0.55, 0.1], [0.6, 0.55, 0.1]];

/** Category totals per interest and month: the interest's affinities times the category's season. */
const CATEGORY_TOTALS = INTERESTS.map((interest) =>
  MONTH_SEASON.map((_, month) =>
    cumulative(CATEGORIES.map((cat) => (cat === 'grocery' ? 1.2 : 1) * (INTEREST_CATEGORIES[interest][cat] ?? 1) * (CATEGORY_SEASON[cat]?.[month] ?? 1))),
  ),
);

/** Channel totals per profile, on weekdays and at weekends (stores get busier). */
const CHANNEL_TOTALS = CHANNEL_PROFILES.map((profile) => [false, true].map((weekend) => cumulative(profile.map((w, i) => w * (weekend && CHANNELS[i] === 'store' ? 1.4 : 1)))));

/** Relative order volume of a day: months, Black Friday to Cyber Monday, weekends, growth. */
function dayWeight(d) {
  const year = yearOf(d);
  const bf = blackFriday(year);
  const rush = d >= bf && d <= bf + 3 ? 3.2 : 1;
  const weekend = [0, 6].includes(weekdayOf(d)) ? 1.12 : 1;
  return MONTH_SEASON[monthOf(d)] * rush * weekend * Math.pow(1.05, (d - FIRST_ORDER_DAY) / 365);
}

/**
 * Orders drawn day by day in proportion to the customers active that day; `exact` makes the
 * file hold exactly `totalOrders` (each day's share is fixed and a day's missed draws carry
 * over), otherwise each day's count is a Poisson draw, so the total only comes close.
 */
export function writeOrders(random, habits, totalOrders, path, exact = false) {
  const out = new CsvWriter(path, ORDER_COLUMNS);
  const count = habits.rate.length;
  const pickCustomer = aliasTable(habits.rate);
  const days = LAST_ORDER_DAY - FIRST_ORDER_DAY + 1;
  const active = new Float64Array(days + 1);
  for (let i = 0; i < count; i++) {
    const from = Math.max(habits.from[i], FIRST_ORDER_DAY) - FIRST_ORDER_DAY;
    const until = Math.min(habits.until[i], LAST_ORDER_DAY + 1) - FIRST_ORDER_DAY;
    if (from < until) {
      active[from] += habits.rate[i];
      active[until] -= habits.rate[i];
    }
  }
  const weights = new Float64Array(days);
  let running = 0;
  let total = 0;
  for (let k = 0; k < days; k++) {
    running += active[k];
    weights[k] = running * dayWeight(FIRST_ORDER_DAY + k);
    total += weights[k];
  }
  const lastOrder = new Int32Array(count).fill(-1);
  let orderId = 0;
  let share = 0;
  for (let k = 0; k < days; k++) {
    const d = FIRST_ORDER_DAY + k;
    share += weights[k];
    const orders = exact ? (k === days - 1 ? totalOrders : Math.round((totalOrders * share) / total)) - orderId : random.poisson((totalOrders * weights[k]) / total);
    const bf = blackFriday(yearOf(d));
    const today = { iso: isoDay(d), month: monthOf(d), weekend: [0, 6].includes(weekdayOf(d)), rush: d >= bf && d <= bf + 3 };
    for (let n = 0; n < orders; n++) {
      const c = activeCustomer(random, pickCustomer, habits, lastOrder, d);
      if (c < 0) continue;
      lastOrder[c] = d;
      out.write(order(random, ++orderId, c, today, habits));
    }
  }
  if (exact && orderId < totalOrders) throw new Error(`only ${orderId} of ${totalOrders} orders found a customer active on their day`);
  return out.close();
}

/** A customer active on day d without an order that day, drawn by buying rate. */
function activeCustomer(random, pickCustomer, habits, lastOrder, d) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const c = pickCustomer(random);
    if (habits.from[c] <= d && d < habits.until[c] && lastOrder[c] !== d) return c;
  }
  return -1;
}

function order(random, orderId, c, today, habits) {
  const { iso, month, weekend, rush } = today;
  const category = CATEGORIES[pickIndex(random, CATEGORY_TOTALS[habits.interest[c]][month])];
  const channel = CHANNELS[pickIndex(random, CHANNEL_TOTALS[habits.channelProfile[c]][weekend ? 1 : 0])];
  const promo = rush ? 0.75 : month === 0 || month === 6 ? 0.35 : 0.15;
  const discounted = random.chance(promo * (habits.priceSensitive[c] ? 1.6 : 1) * (channel === 'app' ? 1.3 : 1));
  const discount = discounted ? random.pick(DISCOUNTS) : 0;
  const channelPrice = channel === 'store' ? 1.08 : channel === 'app' ? 0.9 : 1;
  const gross = Math.max(2, habits.spend[c] * CATEGORY_PRICE[category] * channelPrice * random.logNormal(1, 0.45));
  return [orderId, c + 1, iso, (gross * (1 - discount)).toFixed(2), channel, category, random.chance(0.015) ? null : discount.toFixed(2)];
}
