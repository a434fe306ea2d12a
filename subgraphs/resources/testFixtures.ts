/** Test data for the 自然资源 subgraph tests: n projects, each with a parcel and two permits. */
import type { Connection } from 'mongoose';
import { createResourcesModels } from './models';

export function fixtureProjectCode(i: number): string {
  return `2025-371302-47-01-${String(i).padStart(5, '0')}0`;
}
export function fixtureParcelCode(i: number): string {
  return `371302001GB${String(i).padStart(5, '0')}`;
}

/** Parcel i is a 0.001° square at (118 + i·0.01, 35). */
export async function seedResources(conn: Connection, n: number): Promise<void> {
  const { Parcel, PlanningPermit } = createResourcesModels(conn);
  await Promise.all([Parcel.init(), PlanningPermit.init()]);
  const parcels = [];
  const permits = [];
  for (let i = 0; i < n; i++) {
    const lng = 118 + i * 0.01;
    const points = [[lng, 35], [lng + 0.001, 35], [lng + 0.001, 35.001], [lng, 35.001], [lng, 35]].map(([a, b]) => ({ lng: a, lat: b }));
    parcels.push({
      _id: fixtureParcelCode(i), parcelCode: fixtureParcelCode(i), district: '371302', area: 10_000 + i, landUse: '住宅用地', rightHolder: `开发商${i}`,
      grantContractNo: `CR-${i}`, grantPrice: 1_000_000 + i, geometryType: 'Polygon', rings: [{ polygon: 0, ring: 0, points }],
      bbox: { minLng: lng, minLat: 35, maxLng: lng + 0.001, maxLat: 35.001 },
    });
    const common = { projectCode: fixtureProjectCode(i), parcelCode: fixtureParcelCode(i), applicant: `开发商${i}`, contactName: '王建国', contactPhone: '13912345678' };
    permits.push(
      { ...common, _id: `地字${i}`, permitNo: `地字${i}`, kind: 'LAND_USE', plotRatio: 2.5, approvedUse: '住宅用地', issuedOn: '2024-01-10' },
      { ...common, _id: `建字${i}`, permitNo: `建字${i}`, kind: 'ENGINEERING', approvedFloorArea: 20_000 + i, approvedHeight: 50, storeys: 17, approvedUse: '住宅', plotRatio: 2.5, issuedOn: '2024-03-10' },
    );
  }
  await Parcel.insertMany(parcels);
  await PlanningPermit.insertMany(permits);
}
