/** One row of the real-name system's attendance export (考勤记录) → a validated punch, or why not. */
import { workerIdFor } from '../../domain/pseudonym';
import { dateField, idNumberField, nameField, parseOrReason, projectCodeField, timeField } from '../workers/fields';
import { FieldProblem } from '../workers/fields';

export const ATTENDANCE_COLUMNS = ['项目代码', '姓名', '身份证号', '考勤日期', '进场时间', '离场时间'] as const;

export interface Punch {
  workerId: string;
  projectCode: string;
  /** YYYY-MM-DD */
  date: string;
}

export function parseAttendanceRow(fields: Record<string, string>, secret: string) {
  return parseOrReason((): Punch => {
    const projectCode = projectCodeField(fields, '项目代码');
    nameField(fields, '姓名');
    const idNumber = idNumberField(fields, '身份证号');
    const date = dateField(fields, '考勤日期');
    const inAt = timeField(fields, '进场时间');
    const outAt = timeField(fields, '离场时间');
    if (inAt === null && outAt === null) throw new FieldProblem('进场时间/离场时间: a day with neither entry nor exit time is no attendance');
    if (inAt !== null && outAt !== null && outAt < inAt) throw new FieldProblem(`离场时间: exit ${outAt} is before entry ${inAt}`);
    return { workerId: workerIdFor(idNumber, secret), projectCode, date };
  });
}
