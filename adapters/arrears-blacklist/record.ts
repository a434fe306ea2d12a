/** One row of the published arrears blacklist (失信联合惩戒对象名单) → an entry, or why not. */
import type { BlacklistEntryDoc } from '../../subgraphs/hrss/models/blacklist';
import { dateField, FieldProblem, nameField, parseOrReason, required, usccField } from '../workers/fields';

export const BLACKLIST_COLUMNS = ['决定文书号', '统一社会信用代码', '单位名称', '列入日期', '列入事由', '移出日期'] as const;

/** Listing term in years (3 under the 2022 暂行办法; configurable because local rules may differ). */
export function listingTermYears(): number {
  const years = Number(process.env.BLACKLIST_TERM_YEARS ?? 3);
  if (!Number.isInteger(years) || years < 1) throw new Error(`BLACKLIST_TERM_YEARS must be a positive integer, got ${process.env.BLACKLIST_TERM_YEARS}`);
  return years;
}

function addYears(date: string, years: number): string {
  const d = new Date(date + 'T00:00:00Z');
  d.setUTCFullYear(d.getUTCFullYear() + years);
  return d.toISOString().slice(0, 10);
}

export function parseBlacklistRow(fields: Record<string, string>, termYears: number) {
  return parseOrReason((): BlacklistEntryDoc => {
    const decisionNo = required(fields, '决定文书号');
    const { uscc, flag } = usccField(fields, '统一社会信用代码');
    const listedOn = dateField(fields, '列入日期');
    const removedOn = fields['移出日期'] ? dateField(fields, '移出日期') : null;
    if (removedOn !== null && removedOn < listedOn) throw new FieldProblem(`移出日期: removal ${removedOn} is before listing ${listedOn}`);
    return {
      decisionNo, uscc, usccFlag: flag, enterpriseName: nameField(fields, '单位名称'), listedOn,
      expiresOn: addYears(listedOn, termYears), removedOn, reason: required(fields, '列入事由'),
    };
  });
}
