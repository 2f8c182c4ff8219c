/** The engine suites as the browser runs them, under names that differ from Node's only in their first part. */
import type { Fixtures, StartEngine } from '../engine-suite.ts';
import { engineSuite } from '../engine-suite.ts';
import { safetySuite } from '../safety-suite.ts';
import type { SuiteApi } from '../suite-api.ts';

export function declareEngineSuites(api: SuiteApi, startEngine: StartEngine, fixtures: Fixtures): void {
  api.describe('engine in the browser', () => engineSuite(api, startEngine, fixtures));
  api.describe('engine safety in the browser', () => safetySuite(api, startEngine, fixtures));
}
