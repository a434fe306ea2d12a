/**
 * The audit plugin of every subgraph: a read of this subgraph's data by another department is recorded
 * in its own audit trail (audit.ts) before the answer leaves the subgraph.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import type { SubgraphName } from '../../lib/config';
import type { responseLimit } from '../../lib/http/responseLimit';
import type { AuditTrail } from './audit';
import type { SubgraphContext } from './context';

export function auditPlugin<Data>(
  owner: SubgraphName,
  audit: AuditTrail,
  options: { secure: boolean; bounded: ReturnType<typeof responseLimit> },
): ApolloServerPlugin<SubgraphContext<Data>> {
  const { secure, bounded } = options;
  return {
    // The audit record is written before the response leaves the subgraph. A read by another
    // department announces itself when it starts, so that concurrent reads share one insert.
    async requestDidStart({ contextValue }) {
      if (!secure || contextValue.caller.dept === owner) return;
      const ticket = audit.expect();
      return {
        async willSendResponse({ contextValue: ctx, operationName, response }) {
          // An answer over RESPONSE_MAX_BYTES is replaced, not sent: its reads were not delivered, so not recorded.
          if (ctx.reads.empty || bounded.enforce(response)) return ticket.release();
          await ticket.append([
            {
              sub: ctx.caller.sub,
              dept: ctx.caller.dept,
              purposes: ctx.caller.purposes,
              operationName: ctx.clientOperation ?? operationName ?? null,
              requestId: ctx.requestId,
              reads: ctx.reads.toReads(),
              at: new Date(),
              ...(ctx.caseIdHeader.caseId ? { caseId: ctx.caseIdHeader.caseId } : {}),
            },
          ]);
        },
      };
    },
  };
}
