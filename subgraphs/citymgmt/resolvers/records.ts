/** Field resolvers of 城管's own record types: times as city-local ISO strings, links as entity references. */
import { formatCityTimestamp, isNightTime } from '../localTime';
import type { SubgraphContext } from '../../common/context';
import type { CitymgmtData } from '../data';
import type { ComplaintDoc } from '../models/complaint';
import type { EnforcementCaseDoc } from '../models/enforcementCase';
import type { ViolationDoc } from '../models/violation';
import { COMPLAINT_CATEGORIES, VIOLATION_TYPES } from '../models/vocabulary';

type Ctx = SubgraphContext<CitymgmtData>;

const time = (d: Date | null | undefined) => (d ? formatCityTimestamp(new Date(d)) : null);
const projectRef = (code: string | null) => (code ? { code } : null);
const enterpriseRef = (uscc: string | null) => (uscc ? { uscc } : null);

export const Complaint = {
  receivedAt: (c: ComplaintDoc) => time(c.receivedAt),
  receivedAtNight: (c: ComplaintDoc) => isNightTime(new Date(c.receivedAt)),
  categoryName: (c: ComplaintDoc) => COMPLAINT_CATEGORIES[c.category],
  repliedAt: (c: ComplaintDoc) => time(c.repliedAt),
  project: (c: ComplaintDoc) => projectRef(c.projectCode),
  location: (c: ComplaintDoc) => (c.lng !== null && c.lat !== null ? { lng: c.lng, lat: c.lat } : null),
};

export const Violation = {
  typeName: (v: ViolationDoc) => VIOLATION_TYPES[v.type],
  foundAt: (v: ViolationDoc) => time(v.foundAt),
  project: (v: ViolationDoc) => projectRef(v.projectCode),
  enterprise: (v: ViolationDoc) => enterpriseRef(v.enterpriseUscc),
};

export const EnforcementCase = {
  filedAt: (c: EnforcementCaseDoc) => time(c.filedAt),
  closedAt: (c: EnforcementCaseDoc) => time(c.closedAt),
  history: (c: EnforcementCaseDoc) => c.history.map((h) => ({ state: h.state, at: time(h.at) })),
  project: (c: EnforcementCaseDoc) => projectRef(c.projectCode),
  enterprise: (c: EnforcementCaseDoc) => enterpriseRef(c.partyUscc),
  violation: (c: EnforcementCaseDoc, _: unknown, ctx: Ctx) => (c.violationNo ? ctx.data.violationByNo.load(c.violationNo) : null),
};
