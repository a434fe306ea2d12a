/** The witness fields admit the same enforcement team roles as the case file that calls them. */
import { WRITE_ROLES } from '../../joint/cases/procedure';
import { TEAM_ROLES } from './api';

test('TEAM_ROLES equals the case file writers (subgraphs/joint/cases/procedure.ts WRITE_ROLES)', () => {
  expect([...TEAM_ROLES].sort()).toEqual([...WRITE_ROLES].sort());
});
