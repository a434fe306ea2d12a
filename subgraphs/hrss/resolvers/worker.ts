import type { SubgraphContext } from '../../common/context';
import type { HrssData } from '../data';
import type { PayLineDoc } from '../models/payLine';
import type { RegistrationDoc } from '../models/registration';
import { monthArg, optionalMonthArg } from './args';

type Ctx = SubgraphContext<HrssData>;

export const Worker = {
  __resolveReference(ref: { workerId: string }, ctx: Ctx) {
    return ctx.data.currentRegistration(ref.workerId);
  },
  dailyWage: (w: RegistrationDoc) => w.dailyWageFen / 100,
  employer: (w: RegistrationDoc) => ({ uscc: w.employerUscc }),
  project: (w: RegistrationDoc) => ({ code: w.projectCode }),
  attendanceDays(w: RegistrationDoc, args: { month: string }, ctx: Ctx) {
    return ctx.data.attendanceDays.load(`${w.workerId}|${monthArg(args.month)}`);
  },
  async payments(w: RegistrationDoc, args: { month?: string | null }, ctx: Ctx) {
    const month = optionalMonthArg(args.month);
    const lines = await ctx.data.paymentsByWorker.load(w.workerId);
    return month ? lines.filter((l) => l.month === month) : lines;
  },
};

export const WagePayment = {
  amount: (p: PayLineDoc) => p.amountFen / 100,
  project: (p: PayLineDoc) => ({ code: p.projectCode }),
};
