/**
 * @graphql-codegen: each subgraph's resolver types from its OWN SDL (schema/<name>.graphql), in federation
 * mode, so a resolver whose arguments or result drift from the schema fails `tsc`. `npm run codegen` writes
 * subgraphs/<name>/generated/resolvers.ts; the files are committed, and test/platform/codegen.test.ts fails
 * when they differ from a fresh run (as for the supergraph). Never edit them by hand.
 *
 * Mappers: where a resolver hands a stored document (or a key-only reference) to the type's field
 * resolvers instead of the GraphQL shape, the type is mapped to what is really passed, so the parent
 * argument of its field resolvers is typed as that value. Listed per subgraph in MAPPERS, kept minimal.
 */
import path from 'node:path';
import type { CodegenConfig } from '@graphql-codegen/cli';

export const CODEGEN_SUBGRAPHS = ['housing', 'resources', 'citymgmt', 'hrss', 'environment', 'joint'] as const;
export type CodegenSubgraph = (typeof CODEGEN_SUBGRAPHS)[number];

/** GraphQL type → `module#Type` (relative to the generated file) of the value its resolvers really receive. */
const MAPPERS: Record<CodegenSubgraph, Record<string, string>> = {
  housing: {
    Project: '../models/project#ProjectDoc',
    Enterprise: '../models/enterprise#EnterpriseDoc',
    ProjectParticipant: '../models/participant#ParticipantDoc',
  },
  resources: {
    Project: "Pick<{T}, 'code'>",
    Parcel: '../models/parcel#ParcelDoc',
    PlanningPermit: '../models/planningPermit#PlanningPermitDoc',
  },
  citymgmt: {
    // Entities owned elsewhere: this subgraph only ever holds their key.
    Project: "Pick<{T}, 'code'>",
    Enterprise: "Pick<{T}, 'uscc'>",
    Complaint: '../models/complaint#ComplaintDoc',
    Violation: '../models/violation#ViolationDoc',
    EnforcementCase: '../models/enforcementCase#EnforcementCaseDoc',
  },
  hrss: {
    Project: "Pick<{T}, 'code'>",
    Enterprise: "Pick<{T}, 'uscc'>",
    Worker: '../models/registration#RegistrationDoc',
    WagePayment: '../models/payLine#PayLineDoc',
    WorkerInArrears: '../wageRule#WorkerAssessment',
    // An assessment's API fields plus the project-month its `affectedWorkers` read (resolvers/wage.ts).
    WageArrears: '../resolvers/wage#WageArrearsView',
    ProjectWageStatus: '../resolvers/wage#ProjectWageStatusView',
  },
  environment: {
    Project: "Pick<{T}, 'code'>",
    MonitoringStation: '../models/station#StationDoc',
    // The rule engine's exceedance with its API fields added (resolvers/exceedance.ts).
    Exceedance: '../resolvers/exceedance#ExceedanceView',
  },
  joint: {
    JointCase: '../cases/models#CaseDoc',
  },
};

/** How one subgraph's resolver types are generated. */
export function subgraphOutput(name: CodegenSubgraph) {
  return {
    plugins: ['typescript', 'typescript-resolvers'],
    config: {
      federation: true,
      // The subgraph's own SubgraphContext<Data> (an alias in subgraphs/<name>/resolvers/context.ts).
      contextType: '../resolvers/context#Ctx',
      mappers: MAPPERS[name],
      // It reports the key-only `Pick<{T}, …>` mappers as unused although ResolversTypes applies them.
      showUnusedMappers: false,
      // String unions, not TS enums: stored documents carry the plain strings.
      enumsAsTypes: true,
      useTypeImports: true,
      // JSON and GeoJSON are any JSON value; `unknown` makes a resolver say what it returns.
      defaultScalarType: 'unknown',
    },
  };
}

export const generatedResolversPath = (name: CodegenSubgraph) => path.join(__dirname, 'subgraphs', name, 'generated', 'resolvers.ts');

/** Every subgraph's output, or only those named, each from `sdlPath(name)` (the tests pass a changed copy). */
export function codegenConfig(
  names: readonly CodegenSubgraph[] = CODEGEN_SUBGRAPHS,
  sdlPath = (name: CodegenSubgraph) => path.join(__dirname, 'schema', `${name}.graphql`),
): CodegenConfig {
  return {
    overwrite: true,
    silent: true,
    generates: Object.fromEntries(names.map((name) => [generatedResolversPath(name), { schema: sdlPath(name), ...subgraphOutput(name) }])),
  };
}

export default codegenConfig();
