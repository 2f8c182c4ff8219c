import { describe, expect, it } from 'vitest';
import { timeColumnHint } from '../../src/lang/check/time-column-hint.ts';

describe('the date hint on a link time column', () => {
  it('writes SQL that runs as shown: a reserved word or a name with spaces is quoted', () => {
    expect(timeColumnHint('orders', 'order', 'BIGINT')).toContain(`strptime(cast("order" as varchar), '%Y%m%d')::date as "order") from orders`);
    expect(timeColumnHint('web orders', 'day', 'VARCHAR')).toContain(`create view "web orders_dated" as select * replace (strptime(day, '%d/%m/%Y')::date as day) from "web orders"`);
  });
});
