// The shared suites' API in Node: Vitest's own functions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SuiteApi } from './suite-api.ts';

export const vitestApi: SuiteApi = { describe, it, expect, beforeAll, afterAll };
