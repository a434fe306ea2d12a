import type { WagePaymentResolvers, WorkerResolvers } from '../generated/resolvers';
import { monthArg, optionalMonthArg } from './args';

export const Worker: WorkerResolvers = {
  __resolveReference(ref, ctx) {
    return ctx.data.currentRegistration(ref.workerId);
  },
  dailyWage: (w) => w.dailyWageFen / 100,
  employer: (w) => ({ uscc: w.employerUscc }),
  project: (w) => ({ code: w.projectCode }),
  attendanceDays(w, args, ctx) {
    return ctx.data.attendanceDays.load(`${w.workerId}|${monthArg(args.month)}`);
  },
  async payments(w, args, ctx) {
    const month = optionalMonthArg(args.month);
    const lines = await ctx.data.paymentsByWorker.load(w.workerId);
    return month ? lines.filter((l) => l.month === month) : lines;
  },
};

export const WagePayment: WagePaymentResolvers = {
  amount: (p) => p.amountFen / 100,
  project: (p) => ({ code: p.projectCode }),
};
