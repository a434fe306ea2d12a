/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** The five responsible parties of a project (五方责任主体). */
export type ParticipantRole =
  /** 建设单位: the developer / owner. */
  | 'BUILDER'
  /** 施工单位: the general contractor. */
  | 'CONTRACTOR'
  /** 设计单位: the design institute. */
  | 'DESIGNER'
  /** 监理单位: the supervision firm. */
  | 'SUPERVISOR'
  /** 勘察单位: the survey firm. */
  | 'SURVEYOR';

export type FirstProjectsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type FirstProjectsQuery = { projects: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { code: string, name: string | null, approvedFloorArea: number | null, reportedFloorArea: number | null, complaintCount: number, workforce: number | null, stations: Array<{ mn: string }> | null } }> } };

export type ProjectViewQueryVariables = Exact<{
  code: string;
  month: string;
}>;


export type ProjectViewQuery = { project: { code: string, name: string | null, status: string | null, district: string | null, districtName: string | null, reportedFloorArea: number | null, approvedFloorArea: number | null, complaintCount: number, workforce: number | null, permit: { permitNo: string, issuedOn: string | null } | null, parcel: { parcelCode: string, landUse: string | null, area: number | null } | null, wageStatus: { month: string, workersWithAttendance: number, workersUnpaid: number, workersShort: number, amountOwed: number } | null, stations: Array<{ mn: string, latestReading: { dataTime: string } | null }> | null, participants: Array<{ role: ParticipantRole, enterprise: { uscc: string, name: string | null } }> } | null };

export type WageArrearsQueryVariables = Exact<{
  month: string;
  asOf?: string | null | undefined;
  district?: string | null | undefined;
}>;


export type WageArrearsQuery = { wageArrears: Array<{ month: string, payDeadline: string, daysOverdue: number, workersAffected: number, workersUnpaid: number, workersShort: number, amountOwed: number, project: { code: string, name: string | null }, employers: Array<{ uscc: string, name: string | null }> }> | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const FirstProjectsDocument = new TypedDocumentString(`
    query FirstProjects($first: Int = 3, $after: String) {
  projects(first: $first, after: $after) {
    totalCount
    pageInfo {
      hasNextPage
      endCursor
    }
    edges {
      node {
        code
        name
        approvedFloorArea
        reportedFloorArea
        complaintCount
        workforce
        stations {
          mn
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<FirstProjectsQuery, FirstProjectsQueryVariables>;
export const ProjectViewDocument = new TypedDocumentString(`
    query ProjectView($code: String!, $month: String!) {
  project(code: $code) {
    code
    name
    status
    district
    districtName
    permit {
      permitNo
      issuedOn
    }
    reportedFloorArea
    approvedFloorArea
    parcel {
      parcelCode
      landUse
      area
    }
    complaintCount
    workforce
    wageStatus(month: $month) {
      month
      workersWithAttendance
      workersUnpaid
      workersShort
      amountOwed
    }
    stations {
      mn
      latestReading {
        dataTime
      }
    }
    participants {
      role
      enterprise {
        uscc
        name
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ProjectViewQuery, ProjectViewQueryVariables>;
export const WageArrearsDocument = new TypedDocumentString(`
    query WageArrears($month: String!, $asOf: String, $district: String) {
  wageArrears(month: $month, asOf: $asOf, district: $district) {
    month
    payDeadline
    daysOverdue
    workersAffected
    workersUnpaid
    workersShort
    amountOwed
    project {
      code
      name
    }
    employers {
      uscc
      name
    }
  }
}
    `) as unknown as TypedDocumentString<WageArrearsQuery, WageArrearsQueryVariables>;