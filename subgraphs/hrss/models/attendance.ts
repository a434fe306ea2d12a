import { Schema, type Connection, type Model } from 'mongoose';

/**
 * Attendance of one worker on one project in one month, as a block of days read together from an
 * export (the daily punches of a worker-month arrive consecutively). Stored per block rather than per
 * punch: the embedded store inserts ~5k documents/s and a city has ~100k punches a month. Natural key
 * (workerId, projectCode, firstDate): the same export ingested twice gives the same blocks; blocks
 * from different exports of the same month are united by date when read, so overlaps never count twice.
 */
export interface AttendanceBlockDoc {
  workerId: string;
  projectCode: string;
  district: string;
  /** YYYY-MM */
  month: string;
  /** First date of the block (YYYY-MM-DD): part of the natural key. */
  firstDate: string;
  /**
   * Days of the month worked: two-digit day numbers, sorted, comma-separated ("01,02,05"). A string
   * rather than an array because the embedded store decodes arrays element by element on every scan.
   */
  days: string;
}

export const attendanceBlockSchema = new Schema<AttendanceBlockDoc>(
  {
    workerId: { type: String, required: true },
    projectCode: { type: String, required: true },
    district: { type: String, required: true },
    month: { type: String, required: true },
    firstDate: { type: String, required: true },
    days: { type: String, required: true },
  },
  { collection: 'attendance_blocks', versionKey: false },
);
attendanceBlockSchema.index({ workerId: 1, projectCode: 1, firstDate: 1 }, { unique: true });
attendanceBlockSchema.index({ month: 1, projectCode: 1 });
attendanceBlockSchema.index({ month: 1, district: 1 });

export function createAttendanceBlockModel(conn: Connection): Model<AttendanceBlockDoc> {
  return conn.models.AttendanceBlock ?? conn.model<AttendanceBlockDoc>('AttendanceBlock', attendanceBlockSchema);
}
