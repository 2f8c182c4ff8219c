/**
 * A question from the conformance cases, asked twice: as SegQL cells (the compiler writes the
 * SQL) and as the SQL an analyst would write by hand for the same answer on the same tables.
 * The cases' columns are renamed to the generated data's where they differ.
 */
export const ASOF = '2024-06-30';

export interface Question {
  /** The conformance case it comes from, e.g. '008'. */
  id: string;
  title: string;
  /** SegQL cells in notebook order; the last one holds the one analysis statement that is timed. */
  cells: string[];
  hand: string;
}

/** The population and link every question starts from. */
export const RETAIL = `population customers key customer_id
link orders on customer_id time order_date`;
