/** The conformance questions row 1 times (and row 2 runs on both engines). */
import type { Question } from './question.ts';
import { q003 } from './q003-link-count-sum.ts';
import { q005 } from './q005-where-within.ts';
import { q008 } from './q008-rfm-quantiles.ts';
import { q010 } from './q010-partition.ts';
import { q012 } from './q012-compare-metrics.ts';
import { q013 } from './q013-compare-by.ts';
import { q014 } from './q014-overlap.ts';
import { q015 } from './q015-profile.ts';
import { q017 } from './q017-trend.ts';

export { ASOF, type Question } from './question.ts';

export const QUESTIONS: Question[] = [q003, q005, q008, q010, q012, q013, q014, q015, q017];
