/** What every joint resolver receives; the generated resolver types (../generated/resolvers.ts) use it as their context. */
import type { SubgraphContext } from '../../common/context';
import type { JointData } from '../data';

export type Ctx = SubgraphContext<JointData>;
