// Accounts with firmographics and their sales deals. Bigger companies buy bigger products and
// take longer to close; deals bunch up at quarter ends; recent deals are still open; an account
// is a customer once it has won a deal.
import { day, isoDay, quarterEnd } from './dates.mjs';
import { CsvWriter } from './csv-writer.mjs';
import { B2B_REGIONS, COMPANY_WORDS, INDUSTRIES, PRODUCTS } from './vocabulary.mjs';

const FIRST_ACCOUNT_DAY = day('2018-01-01');
const TODAY = day('2024-12-31');
const STAGES = ['won', 'lost', 'open'];

const ACCOUNT_COLUMNS = ['account_id', 'name', 'industry', 'employees', 'annual_revenue', 'region', 'country', 'is_customer', 'created_on'];
const DEAL_COLUMNS = ['deal_id', 'account_id', 'created_on', 'closed_on', 'value', 'stage', 'product'];

export function writeB2B(random, accountCount, dealsPerAccount, accountsPath, dealsPath) {
  const accounts = [];
  const names = new Set();
  const deals = { account: [], created: [], closed: [], value: [], stage: [], product: [] };
  for (let i = 0; i < accountCount; i++) {
    const account = makeAccount(random, i + 1, names);
    account.won = addDeals(random, account, dealsPerAccount, deals) > 0;
    accounts.push(account);
  }
  const accountsOut = new CsvWriter(accountsPath, ACCOUNT_COLUMNS);
  for (const a of accounts) {
    accountsOut.write([a.id, a.name, a.industry, a.employeesShown, a.revenue, a.region, a.country, a.won, isoDay(a.created)]);
  }
  const order = deals.created.map((_, i) => i).sort((x, y) => deals.created[x] - deals.created[y] || x - y);
  const dealsOut = new CsvWriter(dealsPath, DEAL_COLUMNS);
  order.forEach((i, n) => {
    const closed = deals.closed[i];
    dealsOut.write([n + 1, deals.account[i], isoDay(deals.created[i]), closed < 0 ? null : isoDay(closed), deals.value[i], STAGES[deals.stage[i]], PRODUCTS[deals.product[i]][0]]);
  });
  return [accountsOut.close(), dealsOut.close()];
}

function makeAccount(random, id, names) {
  const [industry, , revenuePerEmployee] = random.weighted(INDUSTRIES.map((entry) => [entry, entry[1]]));
  const [region, , countries] = random.weighted(B2B_REGIONS.map((entry) => [entry, entry[1]]));
  const employees = Math.max(3, Math.round(random.logNormal(140, 1.5)));
  const revenue = Math.round((employees * random.logNormal(revenuePerEmployee, 0.35)) / 1000) * 1000;
  return {
    id,
    name: companyName(random, industry, names),
    industry,
    employees,
    employeesShown: random.chance(0.05) ? null : employees,
    revenue: random.chance(0.03) ? null : revenue,
    region,
    country: random.pick(countries),
    created: random.int(FIRST_ACCOUNT_DAY, TODAY - 30),
  };
}

function companyName(random, industry, names) {
  for (let attempt = 0; ; attempt++) {
    const base = `${random.pick(COMPANY_WORDS.first)} ${random.pick(COMPANY_WORDS.second)}`;
    const name = attempt < 20 ? `${base} ${COMPANY_WORDS.suffix[industry]}` : `${base} ${COMPANY_WORDS.suffix[industry]} ${attempt}`;
    if (!names.has(name)) {
      names.add(name);
      return name;
    }
  }
}

/** Adds the account's deals; returns how many were won. */
function addDeals(random, account, perAccount, deals) {
  const size = Math.log10(account.employees);
  // How well the account fits the product: good fits get more deals and win more of them.
  const fit = random.uniform();
  const count = random.poisson(perAccount * (0.45 + size * 0.3) * (0.3 + 1.4 * fit));
  let won = 0;
  for (let n = 0; n < count; n++) {
    const created = random.int(account.created, TODAY);
    const product = random.weighted(PRODUCTS.map((p, i) => [i, productWeight(i, size, won > 0)]));
    const [, listPrice, cycleDays] = PRODUCTS[product];
    const value = Math.round(listPrice * Math.pow(account.employees / 150, 0.3) * random.logNormal(1, 0.35) / 10) * 10;
    let closed = created + Math.round(random.logNormal(cycleDays, 0.6));
    if (random.chance(0.35)) closed = Math.max(closed, quarterEnd(closed) - random.int(0, 6));
    const winRate = 0.02 + 0.3 * fit * fit + (won > 0 ? 0.25 : 0) + (product === 0 ? 0.06 : product === 2 ? -0.04 : 0);
    let stage = random.chance(winRate) ? 0 : 1;
    if (closed > TODAY || (created > TODAY - 365 && random.chance(0.06))) [stage, closed] = [2, -1];
    if (stage === 0) won++;
    deals.account.push(account.id);
    deals.created.push(created);
    deals.closed.push(closed);
    deals.value.push(value);
    deals.stage.push(stage);
    deals.product.push(product);
  }
  return won;
}

/** Small companies buy Starter; large ones Enterprise; customers add add-ons and support. */
function productWeight(product, size, isCustomer) {
  switch (product) {
    case 0: return Math.max(0.2, 3.5 - size);
    case 1: return 2.5;
    case 2: return Math.max(0.1, size - 1.6) * 1.6;
    default: return isCustomer ? 2.2 : 0.3;
  }
}
