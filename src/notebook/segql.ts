/** The SegQL compiler as the runner uses it: the browser, the CLI and the tests all pass this one. */
import * as lang from '../lang/index.ts';
import type { SegCompiler } from './compiler.ts';

export const segql: SegCompiler<lang.Program> = lang;
