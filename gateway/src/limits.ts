/**
 * Query limits at the gateway: depth and alias count, checked before planning, so a single request
 * cannot fan out into an unbounded amount of subgraph work. GATEWAY_MAX_DEPTH (default 12) and
 * GATEWAY_MAX_ALIASES (default 30).
 */
import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type SelectionSetNode, type ValidationContext } from 'graphql';
import { ErrorCode } from '../../lib/errors';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
}

function depthOf(set: SelectionSetNode | undefined, fragments: Record<string, FragmentDefinitionNode>, seen: Set<string>): number {
  if (!set) return 0;
  let max = 0;
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      if (sel.name.value.startsWith('__')) continue;
      max = Math.max(max, 1 + depthOf(sel.selectionSet, fragments, seen));
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      max = Math.max(max, depthOf(sel.selectionSet, fragments, seen));
    } else {
      const name = sel.name.value;
      if (seen.has(name) || !fragments[name]) continue;
      max = Math.max(max, depthOf(fragments[name].selectionSet, fragments, new Set([...seen, name])));
    }
  }
  return max;
}

export function queryLimitRules(limits: QueryLimits) {
  const depthRule = (context: ValidationContext): ASTVisitor => ({
    OperationDefinition(node) {
      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const def of context.getDocument().definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments[def.name.value] = def;
      const depth = depthOf(node.selectionSet, fragments, new Set());
      if (depth > limits.maxDepth) {
        context.reportError(new GraphQLError(`Query depth ${depth} exceeds the limit of ${limits.maxDepth}`, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit: 'depth' } }));
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
            context.reportError(new GraphQLError(`Query uses ${aliases} aliases; the limit is ${limits.maxAliases}`, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, limit: 'aliases' } }));
          }
        },
      },
    };
  };
  return [depthRule, aliasRule];
}
