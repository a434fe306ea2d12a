/**
 * The shape of a query: its depth and its number of aliases, checked as validation rules (before any
 * planning or execution) at the gateway and in every subgraph. The cost (lib/limits/cost.ts) bounds
 * how much a query asks for; these two bound how it may be written: depth, because a deep query walks
 * entity links back and forth (project → participants → enterprise → participations → project …);
 * aliases, because each alias repeats its field's work.
 */
import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';
import { ErrorCode } from '../errors';

export interface ShapeLimits {
  maxDepth: number;
  maxAliases: number;
}

/**
 * Depth of a selection set: fields count, fragments do not; `__typename` and introspection fields do
 * not (graphql-js's MaxIntrospectionDepthRule bounds introspection). A fragment's depth is computed once
 * per document (memo), so a document whose fragments spread each other twice over cannot make this
 * walk exponential; a fragment on a cycle counts 0 (NoFragmentCyclesRule refuses such documents).
 */
function depthOf(
  set: SelectionSetNode | undefined,
  fragments: Map<string, FragmentDefinitionNode>,
  memo: Map<string, number>,
  active: Set<string>,
): number {
  if (!set) return 0;
  let max = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value.startsWith('__')) continue;
      max = Math.max(max, 1 + depthOf(sel.selectionSet, fragments, memo, active));
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      max = Math.max(max, depthOf(sel.selectionSet, fragments, memo, active));
    } else {
      const name = sel.name.value;
      const fragment = fragments.get(name);
      if (!fragment || active.has(name)) continue;
      let depth = memo.get(name);
      if (depth === undefined) {
        active.add(name);
        depth = depthOf(fragment.selectionSet, fragments, memo, active);
        active.delete(name);
        memo.set(name, depth);
      }
      max = Math.max(max, depth);
    }
  }
  return max;
}

/** Validation rules: QUERY_TOO_COMPLEX (kept through formatError by `keepLimitCode`) past either limit. */
export function queryShapeRules(limits: ShapeLimits) {
  const depthRule = (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const fragments = new Map<string, FragmentDefinitionNode>();
      for (const def of context.getDocument().definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
      const depth = depthOf(node.selectionSet, fragments, new Map(), new Set());
      if (depth > limits.maxDepth) {
        context.reportError(
          new GraphQLError(`Query depth ${depth} exceeds the limit of ${limits.maxDepth}`, {
            nodes: node,
            extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, rule: 'depth', depth, limit: limits.maxDepth },
          }),
        );
      }
    },
  });
  const aliasRule = (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    return {
      Field(node) {
        if (node.alias) aliases++;
      },
      Document: {
        leave() {
          if (aliases > limits.maxAliases) {
            context.reportError(
              new GraphQLError(`Query uses ${aliases} aliases; the limit is ${limits.maxAliases}`, {
                extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, rule: 'aliases', aliases, limit: limits.maxAliases },
              }),
            );
          }
        },
      },
    };
  };
  return [depthRule, aliasRule];
}
