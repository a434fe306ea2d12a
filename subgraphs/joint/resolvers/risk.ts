/** Resolvers of the risk view: GraphQL shapes over the per-request RiskReader (../risk/reader.ts). */
import type { Enterprise, Project, Resolvers } from '../generated/resolvers';

// joint holds only the keys of Project and Enterprise, and its own fields resolve from the key alone; the
// generated parent types are the full entity types (codegen.ts maps no key-only type for joint), hence one cast each.
const projectRef = (code: string) => ({ code }) as Project;
const enterpriseRef = (uscc: string) => ({ uscc }) as Enterprise;

export const riskResolvers = {
  Query: {
    riskBoard: async (_, args, ctx) => {
      const board = await ctx.data.risk.board(args);
      return { ...board, edges: board.edges.map((e) => ({ cursor: e.cursor, node: projectRef(e.node.code) })) };
    },
  },
  Mutation: {
    reevaluateRisk: async (_, __, ctx) => {
      const r = await ctx.data.risk.reevaluate(ctx.caller);
      return { rulesVersion: r.rulesVersion, evaluatedAt: r.evaluatedAt, projects: r.projects, enterprises: r.enterprises, changes: r.changes };
    },
  },
  Project: {
    __resolveReference: (ref) => projectRef(ref.code),
    risk: (p, _, ctx) => ctx.data.risk.projectRisk(ctx.caller, p.code),
    riskHistory: (p, args, ctx) => ctx.data.risk.riskHistory(ctx.caller, p.code, args.first),
  },
  Enterprise: {
    __resolveReference: (ref) => enterpriseRef(ref.uscc),
    credit: (e, _, ctx) => ctx.data.risk.credit(ctx.caller, e.uscc),
    creditHistory: (e, args, ctx) => ctx.data.risk.creditHistory(ctx.caller, e.uscc, args.first),
  },
} satisfies Pick<Resolvers, 'Query' | 'Mutation' | 'Project' | 'Enterprise'>;
