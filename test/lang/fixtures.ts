import type { Catalog } from '../../src/lang/index.ts';

/** The conformance data set's schema, as the engine reports it (spec examples use these tables). */
export const retailCatalog: Catalog = {
  tables: [
    {
      name: 'customers',
      columns: [
        { name: 'customer_id', type: 'BIGINT' },
        { name: 'gender', type: 'VARCHAR' },
        { name: 'age', type: 'BIGINT' },
        { name: 'country', type: 'VARCHAR' },
        { name: 'city_size', type: 'VARCHAR' },
        { name: 'signup_date', type: 'DATE' },
        { name: 'email_opt_in', type: 'BOOLEAN' },
        { name: 'Annual Income (k$)', type: 'BIGINT' },
      ],
    },
    {
      name: 'orders',
      columns: [
        { name: 'order_id', type: 'BIGINT' },
        { name: 'customer_id', type: 'BIGINT' },
        { name: 'order_date', type: 'DATE' },
        { name: 'amount', type: 'DOUBLE' },
        { name: 'channel', type: 'VARCHAR' },
        { name: 'category', type: 'VARCHAR' },
      ],
    },
  ],
};

export const ASOF = '2024-06-30';
