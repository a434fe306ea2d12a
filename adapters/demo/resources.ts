/**
 * 自然资源's native files for the demo city: parcels.geojson (each project's 宗地 with a small
 * irregular hexagonal red line around the site) and planning-permits.csv (a 建设用地规划许可证 and a
 * 建设工程规划许可证 per project, Chinese headers as the permit system exports them).
 *
 * The engineering permit carries exactly the city's approvedFloorArea / approvedHeight / approvedUse,
 * so the planted `overBuilt` projects (reported > approved, written by 住建) are the only ones whose
 * as-built values exceed the permit; the land area is chosen so the approved floor area stays within
 * the plot ratio, and every site location lies inside its own red line.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { DemoCity, DemoProject } from './city';
import { Random } from './random';

/** Offset of this generator's own random stream from the city seed. */
const RESOURCES_SEED_OFFSET = 8200;
const METRES_PER_DEGREE_LAT = 111_320;
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = '建军国强志伟明华永刚海涛立新春雷秀英桂兰';

const PERMIT_COLUMNS = ['许可证类型', '证书编号', '项目代码', '宗地代码', '批准建筑面积', '批准建筑高度', '层数', '用途', '容积率', '核发日期', '建设单位', '联系人', '联系电话'];

function csvField(value: string | number | null): string {
  const text = value === null ? '' : String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function daysBefore(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - days);
  return d.toISOString().slice(0, 10);
}

const round7 = (x: number) => Math.round(x * 1e7) / 1e7;

/** Planar (local tangent) area of a closed ring of [lng, lat] positions, in m². */
function ringAreaM2(ring: number[][], lat0: number): number {
  const kx = METRES_PER_DEGREE_LAT * Math.cos((lat0 * Math.PI) / 180);
  let twice = 0;
  for (let i = 0; i < ring.length - 1; i++) {
    twice += ring[i][0] * kx * ring[i + 1][1] * METRES_PER_DEGREE_LAT - ring[i + 1][0] * kx * ring[i][1] * METRES_PER_DEGREE_LAT;
  }
  return Math.abs(twice) / 2;
}

/** A hexagon of about `landArea` m² around the site, each vertex jittered so no two parcels look alike. */
function redLineAround(p: DemoProject, landArea: number, r: Random): number[][] {
  const radius = Math.sqrt((2 * landArea) / (3 * Math.sqrt(3)));
  const kx = METRES_PER_DEGREE_LAT * Math.cos((p.lat * Math.PI) / 180);
  const ring: number[][] = [];
  const turn = r.next() * Math.PI;
  for (let k = 0; k < 6; k++) {
    const angle = turn + (k * Math.PI) / 3 + (r.next() - 0.5) * 0.3;
    const reach = radius * (0.85 + r.next() * 0.3);
    ring.push([round7(p.lng + (reach * Math.cos(angle)) / kx), round7(p.lat + (reach * Math.sin(angle)) / METRES_PER_DEGREE_LAT)]);
  }
  ring.push([...ring[0]]);
  return ring;
}

function contactName(r: Random): string {
  return r.pick(SURNAMES.split('')) + r.pick(GIVEN.split('')) + (r.chance(0.5) ? r.pick(GIVEN.split('')) : '');
}

export async function writeResourcesFiles(city: DemoCity, dir: string): Promise<{ source: string; file: string }[]> {
  const r = new Random(city.seed + RESOURCES_SEED_OFFSET);
  const names = new Map(city.enterprises.map((e) => [e.uscc, e.name]));
  const parcelsFile = path.join(dir, 'parcels.geojson');
  const permitsFile = path.join(dir, 'planning-permits.csv');
  const parcels = fs.createWriteStream(parcelsFile, 'utf8');
  const permits = fs.createWriteStream(permitsFile, 'utf8');
  parcels.write('{"type":"FeatureCollection","name":"宗地","features":[\n');
  permits.write(PERMIT_COLUMNS.join(',') + '\n');

  city.projects.forEach((p, i) => {
    const ring = redLineAround(p, p.approvedFloorArea / (1.5 + r.next() * 2), r);
    const area = Math.round(ringAreaM2(ring, p.lat) * 100) / 100;
    // The permitted plot ratio leaves headroom above the approved floor area on the land actually drawn.
    const plotRatio = Math.ceil((p.approvedFloorArea / area) * (1.05 + r.next() * 0.15) * 100) / 100;
    const builder = names.get(p.builderUscc) ?? null;
    const year = p.permitIssuedOn.slice(0, 4);
    const feature = {
      type: 'Feature',
      properties: {
        parcelCode: p.parcelCode, district: p.district, area, landUse: p.approvedUse, rightHolder: builder,
        grantContractNo: `${p.district}${year}CR${String(i + 1).padStart(5, '0')}`,
        grantPrice: Math.round(area * r.int(600, 3200)),
      },
      geometry: { type: 'Polygon', coordinates: [ring] },
    };
    parcels.write((i ? ',\n' : '') + JSON.stringify(feature));

    const contact = contactName(r);
    const phone = `1${r.pick(['3', '5', '8'])}${String(r.int(0, 999_999_999)).padStart(9, '0')}`;
    const storeys = Math.max(1, Math.floor(p.approvedHeight / 3));
    const rows: (string | number | null)[][] = [
      ['建设用地规划许可证', p.landPlanningPermitNo, p.code, p.parcelCode, null, null, null, p.approvedUse, plotRatio, daysBefore(p.permitIssuedOn, r.int(60, 150)), builder, contact, phone],
      ['建设工程规划许可证', p.engineeringPermitNo, p.code, p.parcelCode, p.approvedFloorArea, p.approvedHeight, storeys, p.approvedUse, plotRatio, daysBefore(p.permitIssuedOn, r.int(10, 45)), builder, contact, phone],
    ];
    for (const row of rows) permits.write(row.map(csvField).join(',') + '\n');
  });
  parcels.write('\n]}\n');

  await Promise.all([parcels, permits].map((s) => new Promise<void>((resolve, reject) => {
    s.once('error', reject);
    s.end(() => resolve());
  })));
  return [
    { source: 'parcels', file: parcelsFile },
    { source: 'planning-permits', file: permitsFile },
  ];
}
