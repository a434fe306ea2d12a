import { Schema, type Connection, type Model } from 'mongoose';
import { useNaturalId } from './naturalId';

export const PARTICIPANT_ROLES = ['BUILDER', 'CONTRACTOR', 'SUPERVISOR', 'DESIGNER', 'SURVEYOR'] as const;
/** 建设单位 · 施工单位 · 监理单位 · 设计单位 · 勘察单位 */
export type ParticipantRole = (typeof PARTICIPANT_ROLES)[number];

/** GB 32100 check result kept with every credit code: a mismatch is stored and flagged, not dropped. */
export type CreditCodeStatus = 'valid' | 'checksum-mismatch';

/** One enterprise taking part in one project in one role (五方责任主体). */
export interface ParticipantDoc {
  /** The natural key (set from the other fields when absent). */
  _id?: string;
  projectCode: string;
  role: ParticipantRole;
  uscc: string;
  enterpriseName: string;
  creditCodeStatus: CreditCodeStatus;
}

export const participantSchema = new Schema<ParticipantDoc>(
  {
    _id: { type: String },
    projectCode: { type: String, required: true },
    role: { type: String, required: true, enum: PARTICIPANT_ROLES },
    uscc: { type: String, required: true, index: true },
    enterpriseName: { type: String, required: true },
    creditCodeStatus: { type: String, required: true },
  },
  { collection: 'participants', versionKey: false },
);
participantSchema.index({ projectCode: 1, role: 1, uscc: 1 }, { unique: true });

useNaturalId(participantSchema, participantId);

export function createParticipantModel(conn: Connection): Model<ParticipantDoc> {
  return conn.models.Participant ?? conn.model<ParticipantDoc>('Participant', participantSchema);
}

/** Natural key: project, role, enterprise. */
export function participantId(p: Pick<ParticipantDoc, 'projectCode' | 'role' | 'uscc'>): string {
  return `${p.projectCode}/${p.role}/${p.uscc}`;
}
