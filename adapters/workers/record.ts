/** One row of the real-name roster (实名制花名册) → a registration document, or why not. */
import { workerIdFor } from '../../domain/pseudonym';
import type { RegistrationDoc } from '../../subgraphs/hrss/models/registration';
import {
  bankAccountField, dateField, districtOf, idNumberField, nameField, parseOrReason, phoneField, projectCodeField,
  required, usccField, yuanField,
} from './fields';

export const ROSTER_COLUMNS = ['项目代码', '用工单位统一社会信用代码', '姓名', '身份证号', '手机号码', '工种', '日工资', '工资卡号', '进场日期'] as const;

export function parseRosterRow(fields: Record<string, string>, secret: string) {
  return parseOrReason((): RegistrationDoc => {
    const projectCode = projectCodeField(fields, '项目代码');
    const idNumber = idNumberField(fields, '身份证号');
    const employer = usccField(fields, '用工单位统一社会信用代码');
    return {
      workerId: workerIdFor(idNumber, secret),
      idNumber,
      name: nameField(fields, '姓名'),
      phone: phoneField(fields, '手机号码'),
      bankAccount: bankAccountField(fields, '工资卡号'),
      employerUscc: employer.uscc,
      employerUsccFlag: employer.flag,
      projectCode,
      district: districtOf(projectCode),
      trade: required(fields, '工种'),
      dailyWageFen: yuanField(fields, '日工资'),
      enteredOn: dateField(fields, '进场日期'),
    };
  });
}
