/** One line of the bank's 总包代发 return file → a pay line, or why not. */
import { workerIdFor } from '../../domain/pseudonym';
import type { PayLineDoc } from '../../subgraphs/hrss/models/payLine';
import {
  bankAccountField, dateField, districtOf, FieldProblem, idNumberField, monthField, nameField, parseOrReason,
  projectCodeField, required, usccField, yuanField,
} from '../workers/fields';

export const PAYROLL_COLUMNS = [
  '交易流水号', '付款账号', '付款单位统一社会信用代码', '项目代码', '工资所属期', '收款人姓名', '收款人身份证号', '收款账号', '金额', '交易日期', '交易状态',
] as const;

const STATUS: Record<string, boolean> = { 成功: true, 失败: false, SUCCESS: true, FAILED: false };

export function parsePayrollRow(fields: Record<string, string>, secret: string) {
  return parseOrReason((): PayLineDoc => {
    const serialNo = required(fields, '交易流水号');
    if (!/^[0-9A-Za-z-]{6,40}$/.test(serialNo)) throw new FieldProblem(`交易流水号: "${serialNo}" is not a bank serial (6–40 letters/digits)`);
    const projectCode = projectCodeField(fields, '项目代码');
    const payer = usccField(fields, '付款单位统一社会信用代码');
    const idNumber = idNumberField(fields, '收款人身份证号');
    const month = monthField(fields, '工资所属期');
    const paidOn = dateField(fields, '交易日期');
    if (paidOn.slice(0, 7) < month) throw new FieldProblem(`交易日期: ${paidOn} is before the wage month ${month} began`);
    const status = required(fields, '交易状态');
    if (!(status in STATUS)) throw new FieldProblem(`交易状态: "${status}" is neither 成功 nor 失败`);
    return {
      serialNo,
      workerId: workerIdFor(idNumber, secret),
      payeeName: nameField(fields, '收款人姓名'),
      payeeAccount: bankAccountField(fields, '收款账号'),
      projectCode,
      district: districtOf(projectCode),
      month,
      amountFen: yuanField(fields, '金额'),
      paidOn,
      payerAccount: bankAccountField(fields, '付款账号'),
      payerUscc: payer.uscc,
      payerUsccFlag: payer.flag,
      succeeded: STATUS[status],
    };
  });
}
