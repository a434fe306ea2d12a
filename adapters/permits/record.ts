/**
 * One record of the provincial construction platform's permit feed (施工许可证信息), e.g.
 *
 *   { "projectCode": "2024-371302-47-01-A1B2C3", "projectName": "…", "districtCode": "371302",
 *     "districtName": "兰山区", "address": "…", "status": "在建", "lng": 118.35, "lat": 35.06,
 *     "permitNo": "37130220240001010", "issueDate": "2024-03-05", "contractPrice": 123456789,
 *     "projectManager": { "name": "张伟", "phone": "13800000000" }, "reviewNote": "…",
 *     "participants": [ { "role": "建设单位", "uscc": "91371302…", "name": "…" }, … ] }
 *
 * → the registry entry, the permit, its participants and their enterprises. Credit codes failing the
 * GB 32100 checksum are kept and flagged; malformed ones reject the record.
 */
import { checkUscc } from '../../domain/uscc';
import type { EnterpriseDoc } from '../../subgraphs/housing/models/enterprise';
import type { CreditCodeStatus, ParticipantDoc, ParticipantRole } from '../../subgraphs/housing/models/participant';
import type { PermitDoc } from '../../subgraphs/housing/models/permit';
import type { ProjectDoc } from '../../subgraphs/housing/models/project';
import {
  asObject, invalid, isoDateField, numberField, optionalString, parseWith, projectCodeField, requiredString, type Parsed,
} from './fields';

/** Role names as the platform writes them (Chinese), plus our own codes. */
export const ROLE_NAMES: Record<string, ParticipantRole> = {
  建设单位: 'BUILDER', 施工单位: 'CONTRACTOR', 监理单位: 'SUPERVISOR', 设计单位: 'DESIGNER', 勘察单位: 'SURVEYOR',
  BUILDER: 'BUILDER', CONTRACTOR: 'CONTRACTOR', SUPERVISOR: 'SUPERVISOR', DESIGNER: 'DESIGNER', SURVEYOR: 'SURVEYOR',
};

export const STATUS_NAMES: Record<string, string> = {
  未开工: 'PLANNED', 在建: 'IN_PROGRESS', 停工: 'SUSPENDED', 竣工: 'COMPLETED',
  PLANNED: 'PLANNED', IN_PROGRESS: 'IN_PROGRESS', SUSPENDED: 'SUSPENDED', COMPLETED: 'COMPLETED',
};

/** A validated permit record, ready to store. */
export interface PermitRecord {
  project: ProjectDoc;
  permit: PermitDoc;
  participants: ParticipantDoc[];
  enterprises: EnterpriseDoc[];
}

function parseParticipants(value: unknown, projectCode: string) {
  if (!Array.isArray(value) || value.length === 0) invalid('participants must be a non-empty array');
  const participants: ParticipantDoc[] = [];
  const enterprises: EnterpriseDoc[] = [];
  const byRole = new Map<ParticipantRole, string>();
  value.forEach((raw, i) => {
    const o = asObject(raw, `participants[${i}]`);
    const roleName = requiredString(o, 'role', 20);
    const role = ROLE_NAMES[roleName];
    if (!role) invalid(`participants[${i}].role "${roleName}" is not one of 建设单位, 施工单位, 监理单位, 设计单位, 勘察单位`);
    if (byRole.has(role)) invalid(`participants[${i}]: role ${roleName} is listed twice`);
    const uscc = requiredString(o, 'uscc', 30).toUpperCase();
    const check = checkUscc(uscc);
    if (check.status === 'invalid') invalid(`participants[${i}].uscc "${uscc}": ${check.reason}`);
    const name = requiredString(o, 'name', 100);
    const creditCodeStatus: CreditCodeStatus = check.status;
    byRole.set(role, uscc);
    participants.push({ projectCode, role, uscc, enterpriseName: name, creditCodeStatus });
    enterprises.push({ uscc, name, creditCodeStatus, expectedCheckChar: check.status === 'checksum-mismatch' ? check.expected : null });
  });
  // A permit cannot be issued without the developer and the general contractor (建筑法 §7).
  for (const required of ['BUILDER', 'CONTRACTOR'] as const) {
    if (!byRole.has(required)) invalid(`participants lack the ${required === 'BUILDER' ? '建设单位' : '施工单位'} (${required})`);
  }
  return { participants, enterprises, byRole };
}

export function parsePermitRecord(value: unknown): Parsed<PermitRecord> {
  return parseWith(() => {
    const o = asObject(value);
    const code = projectCodeField(o);
    const district = requiredString(o, 'districtCode', 6);
    if (!/^\d{6}$/.test(district)) invalid(`districtCode "${district}" is not a 6-digit GB/T 2260 code`);
    const statusName = requiredString(o, 'status', 20);
    const status = STATUS_NAMES[statusName];
    if (!status) invalid(`status "${statusName}" is not one of 未开工, 在建, 停工, 竣工`);
    const project: ProjectDoc = {
      code,
      name: requiredString(o, 'projectName'),
      district,
      districtName: requiredString(o, 'districtName', 50),
      address: requiredString(o, 'address'),
      status,
      // China lies within 73–136°E, 3–54°N: anything else is a swapped or garbled coordinate.
      lng: numberField(o, 'lng', 73, 136),
      lat: numberField(o, 'lat', 3, 54),
    };
    const { participants, enterprises, byRole } = parseParticipants(o.participants, code);
    const manager = o.projectManager === undefined || o.projectManager === null ? {} : asObject(o.projectManager, 'projectManager');
    const phone = optionalString(manager, 'phone', 20);
    if (phone !== null && !/^1\d{10}$|^0\d{2,3}-?\d{7,8}$/.test(phone)) invalid(`projectManager.phone "${phone}" is not a phone number`);
    const permit: PermitDoc = {
      permitNo: requiredString(o, 'permitNo', 40),
      projectCode: code,
      issuedOn: isoDateField(o, 'issueDate'),
      builderUscc: byRole.get('BUILDER')!,
      contractorUscc: byRole.get('CONTRACTOR')!,
      supervisorUscc: byRole.get('SUPERVISOR') ?? null,
      designerUscc: byRole.get('DESIGNER') ?? null,
      surveyorUscc: byRole.get('SURVEYOR') ?? null,
      contractValue: numberField(o, 'contractPrice', 0.01, 1e12),
      projectManagerName: optionalString(manager, 'name', 50),
      projectManagerPhone: phone,
      reviewNote: optionalString(o, 'reviewNote'),
    };
    return { project, permit, participants, enterprises };
  });
}
