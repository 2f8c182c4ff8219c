/**
 * What the start screen's gallery offers: the workshop's tutorials and exercises, bundled with
 * the app (Vite `?raw`), each with its title (from the notebook's front matter) and one line.
 */
import gettingStarted from '../../notebooks/getting-started.seg.md?raw';
import exerciseDemographic from '../../notebooks/exercises/01-demographic.seg.md?raw';
import exerciseRfm from '../../notebooks/exercises/02-rfm.seg.md?raw';
import exerciseLifecycle from '../../notebooks/exercises/03-lifecycle-campaign.seg.md?raw';
import behavioural from '../../notebooks/tutorials/behavioural.seg.md?raw';
import demographic from '../../notebooks/tutorials/demographic.seg.md?raw';
import firmographic from '../../notebooks/tutorials/firmographic.seg.md?raw';
import geographic from '../../notebooks/tutorials/geographic.seg.md?raw';
import lifecycle from '../../notebooks/tutorials/lifecycle.seg.md?raw';
import psychographic from '../../notebooks/tutorials/psychographic.seg.md?raw';
import { frontMatterOf } from '../notebook/format.ts';
import { readFrontMatter } from '../notebook/front-matter.ts';

export interface GalleryNotebook {
  title: string;
  /** One line: what the notebook teaches. */
  line: string;
  text: string;
}

export const SAMPLE_NOTEBOOK: GalleryNotebook = entry(gettingStarted, 'A first notebook over the sample shop: segments, a chart, SQL and checks.');

export const TUTORIALS: GalleryNotebook[] = [
  entry(demographic, 'Who customers are: age bands and income quartiles.'),
  entry(geographic, 'Where they live: regions, countries, city or countryside.'),
  entry(psychographic, 'How they think: interests, values and lifestyle.'),
  entry(behavioural, 'What they do: recency, frequency and spend (RFM).'),
  entry(firmographic, 'Companies as customers: industry, size and pipeline.'),
  entry(lifecycle, 'From sign-up to loyalty, or to leaving: lifecycle stages.'),
];

export const EXERCISES: GalleryNotebook[] = [
  entry(exerciseDemographic, 'Define three demographic segments; the checks say when they are right.'),
  entry(exerciseRfm, 'Compute RFM measures and scores, then find the champions.'),
  entry(exerciseLifecycle, 'Write the lifecycle rules and split a win-back audience for an A/B test.'),
];

function entry(text: string, line: string): GalleryNotebook {
  // Only the front matter: reading ten whole notebooks as the page starts would hold up its first results.
  const title = readFrontMatter(frontMatterOf(text)).meta.title ?? 'Untitled notebook';
  return { title, line, text };
}
