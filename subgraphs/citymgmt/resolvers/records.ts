/** Field resolvers of 城管's own record types: times as city-local ISO strings, links as entity references. */
import { formatCityTimestamp, isNightTime } from '../localTime';
import type { ComplaintResolvers, EnforcementCaseResolvers, ViolationResolvers } from '../generated/resolvers';
import { COMPLAINT_CATEGORIES, VIOLATION_TYPES } from '../models/vocabulary';

// A time the SDL declares non-null (String!) is always stored; an optional one may be missing.
const time = (d: Date) => formatCityTimestamp(new Date(d));
const optionalTime = (d: Date | null | undefined) => (d ? time(d) : null);
const projectRef = (code: string | null) => (code ? { code } : null);
const enterpriseRef = (uscc: string | null) => (uscc ? { uscc } : null);

export const Complaint: ComplaintResolvers = {
  receivedAt: (c) => time(c.receivedAt),
  receivedAtNight: (c) => isNightTime(new Date(c.receivedAt)),
  categoryName: (c) => COMPLAINT_CATEGORIES[c.category],
  repliedAt: (c) => optionalTime(c.repliedAt),
  project: (c) => projectRef(c.projectCode),
  location: (c) => (c.lng !== null && c.lat !== null ? { lng: c.lng, lat: c.lat } : null),
};

export const Violation: ViolationResolvers = {
  typeName: (v) => VIOLATION_TYPES[v.type],
  foundAt: (v) => time(v.foundAt),
  project: (v) => projectRef(v.projectCode),
  enterprise: (v) => enterpriseRef(v.enterpriseUscc),
};

export const EnforcementCase: EnforcementCaseResolvers = {
  filedAt: (c) => time(c.filedAt),
  closedAt: (c) => optionalTime(c.closedAt),
  history: (c) => c.history.map((h) => ({ state: h.state, at: time(h.at) })),
  project: (c) => projectRef(c.projectCode),
  enterprise: (c) => enterpriseRef(c.partyUscc),
  violation: (c, _, ctx) => (c.violationNo ? ctx.data.violationByNo.load(c.violationNo) : null),
};
