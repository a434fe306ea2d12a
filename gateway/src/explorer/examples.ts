/**
 * The operations the explorer opens with, one tab each: the README's first query and the planted
 * cases it tells a newcomer to find. A test checks that every one validates against the published
 * schema and that the README's first query is here word for word, so the two cannot drift apart.
 */
import { parse, print } from 'graphql';

export interface ExampleOperation {
  /** Shown as the tab's operation name. */
  name: string;
  query: string;
  /** JSON text for the variables editor. */
  variables?: string;
}

/** The first query of the README ("A first query"), as it is written there. */
export const README_FIRST_QUERY =
  '{ projects(first: 3) { totalCount edges { node { code name approvedFloorArea reportedFloorArea complaintCount workforce stations { mn } } } } }';

export const EXAMPLE_OPERATIONS: readonly ExampleOperation[] = [
  {
    name: 'FirstQuery',
    query: `# The README's first query: three projects with a field from each department.
# Paste a token above first (npm run token -- --dept joint --purposes wage-enforcement,pollution-enforcement,planning-supervision).
${print(parse(`query FirstQuery ${README_FIRST_QUERY}`))}
`,
  },
  {
    name: 'WageArrearsOctober',
    query: `# Projects whose workers were not paid, or paid short, for October (needs the wage-enforcement purpose).
query WageArrearsOctober {
  wageArrears(month: "2026-10") {
    project { code name }
    daysOverdue
    workersAffected
    amountOwed
    employers { uscc name }
  }
}
`,
  },
  {
    name: 'NightNoiseOctober',
    query: `# Noise (LA) exceedances in October; night ones at sites without a night-work permit are the planted cases.
query NightNoiseOctober {
  exceedances(from: "2026-10-01", to: "2026-10-31", pollutant: "LA") {
    mn
    project { code name }
    district
    periodStart
    value
    limit
    timeOfDay
  }
}
`,
  },
  {
    name: 'OverBuilt',
    query: `# Built beyond the planning permit: approvedFloorArea (自然资源) below reportedFloorArea (住建).
query OverBuilt {
  projects(first: 100) {
    edges { node { code name approvedFloorArea reportedFloorArea } }
  }
}
`,
  },
  {
    name: 'BuilderToReview',
    query: `# A builder whose credit code fails the GB 32100 check (the demo city's first such code).
query BuilderToReview($uscc: String!) {
  enterprise(uscc: $uscc) { uscc name creditCodeStatus needsReview }
}
`,
    variables: '{ "uscc": "91371311PW26XCUE1M" }',
  },
  {
    name: 'Catalogue',
    query: `# What you may ask for: each field's sharing level and the purposes that unlock it.
query Catalogue {
  catalog(subgraph: "hrss") { coordinate level purposes }
}
`,
  },
];
