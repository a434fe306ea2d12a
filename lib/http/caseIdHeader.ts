/**
 * `x-xietong-case-id`: the joint case a request works for (evidence captured for a case, a case's head
 * being witnessed). The gateway forwards it to every subgraph and each owner's audit record stores it
 * as `caseId`, so a department sees which case read its data. The value is what the caller DECLARED:
 * neither the gateway nor the owner checks that such a case exists or that the caller works on it (the
 * owner cannot see joint's store); the record is as trustworthy as the token that sent it.
 *
 * A malformed value is refused (BAD_USER_INPUT), never silently dropped or recorded.
 */
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../errors';

export const CASE_ID_HEADER = 'x-xietong-case-id';

/** ASCII letters, digits and `_ . : / -`, 1 to 100 characters (a header carries no other text safely). */
const CASE_ID = /^[\w.:/-]{1,100}$/;

export interface CaseIdHeader {
  /** The declared case id, when the header was given and well formed. */
  caseId?: string;
  /** Why the header was refused, when it was given but malformed. */
  invalid?: string;
}

export function caseIdFromHeaders(headers: Record<string, string | string[] | undefined>): CaseIdHeader {
  const given = headers[CASE_ID_HEADER];
  if (given === undefined) return {};
  const value = Array.isArray(given) ? given : [given];
  if (value.length !== 1) return { invalid: `header ${CASE_ID_HEADER} was given ${value.length} times` };
  if (!CASE_ID.test(value[0])) {
    return { invalid: `header ${CASE_ID_HEADER} "${value[0].slice(0, 120)}" is not a case id (1 to 100 of A-Z a-z 0-9 _ . : / -)` };
  }
  return { caseId: value[0] };
}

/** Refuses a request whose context holds a malformed case id header, before anything runs. */
export function caseIdHeaderPlugin<Ctx extends BaseContext & { caseIdHeader: CaseIdHeader }>(): ApolloServerPlugin<Ctx> {
  return {
    async requestDidStart({ contextValue }) {
      const invalid = contextValue.caseIdHeader.invalid;
      if (!invalid) return;
      return {
        async didResolveOperation() {
          throw new GraphQLError(invalid, { extensions: { code: ErrorCode.BAD_USER_INPUT, header: CASE_ID_HEADER, http: { status: 400 } } });
        },
      };
    },
  };
}
