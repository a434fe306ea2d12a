/**
 * One GeoJSON Feature of a 自然资源 parcel export → a parcel document, or the reason it is rejected.
 * Properties are read under their English or Chinese names (exports from different cadastral
 * systems use either).
 */
import { validateParcelCode } from '../../subgraphs/resources/codes';
import type { ParcelDoc } from '../../subgraphs/resources/models/parcel';
import { storedRedLineFrom } from '../../subgraphs/resources/redLine';
import { redLineGeometryProblem } from '../common/polygonValidity';

const PROPERTY_NAMES: Record<string, string[]> = {
  parcelCode: ['parcelCode', '宗地代码', 'ZDDM'],
  district: ['district', '行政区代码', 'XZQDM'],
  area: ['area', '宗地面积', 'ZDMJ'],
  landUse: ['landUse', '土地用途', 'TDYT'],
  rightHolder: ['rightHolder', '权利人', 'QLR'],
  grantContractNo: ['grantContractNo', '出让合同编号', 'CRHTBH'],
  grantPrice: ['grantPrice', '出让价款', 'CRJK'],
};

function property(props: Record<string, unknown>, name: keyof typeof PROPERTY_NAMES): unknown {
  for (const alias of PROPERTY_NAMES[name]) {
    const v = props[alias];
    if (v !== undefined && v !== null && v !== '') return v;
  }
  return undefined;
}

/** A number given as a JSON number or a numeric string; undefined when absent, NaN when not numeric. */
function numeric(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return NaN;
}

function optionalText(value: unknown): string | null {
  return value === undefined ? null : String(value).trim() || null;
}

export function parcelFromFeature(value: unknown): { doc: ParcelDoc } | { reason: string } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return { reason: 'record is not a GeoJSON Feature object' };
  const feature = value as { type?: unknown; properties?: unknown; geometry?: unknown };
  if (feature.type !== 'Feature') return { reason: `record type ${JSON.stringify(feature.type)} is not "Feature"` };
  if (feature.properties === null || typeof feature.properties !== 'object') return { reason: 'feature has no properties' };
  const props = feature.properties as Record<string, unknown>;

  const parcelCode = property(props, 'parcelCode');
  const codeProblem = validateParcelCode(parcelCode);
  if (codeProblem) return { reason: `parcelCode ${codeProblem}` };
  const code = parcelCode as string;

  const district = String(property(props, 'district') ?? code.slice(0, 6));
  if (!/^\d{6}$/.test(district)) return { reason: `district "${district}" is not a 6-digit GB/T 2260 code` };
  if (!code.startsWith(district)) return { reason: `parcelCode ${code} does not lie in district ${district}` };

  const area = numeric(property(props, 'area'));
  if (area === undefined) return { reason: 'area is missing' };
  if (!Number.isFinite(area) || area <= 0) return { reason: `area ${JSON.stringify(property(props, 'area'))} is not a positive number of m²` };

  const landUse = optionalText(property(props, 'landUse'));
  if (!landUse) return { reason: 'landUse is missing' };

  const grantPrice = numeric(property(props, 'grantPrice'));
  if (grantPrice !== undefined && (!Number.isFinite(grantPrice) || grantPrice < 0)) {
    return { reason: `grantPrice ${JSON.stringify(property(props, 'grantPrice'))} is not a non-negative amount` };
  }

  const redLine = storedRedLineFrom(feature.geometry);
  if (typeof redLine === 'string') return { reason: `red line: ${redLine}` };
  // Structure is sound: now the geometry (self-intersection, holes, area, extent and order).
  const invalid = redLineGeometryProblem(feature.geometry as { type: string; coordinates: unknown });
  if (invalid) return { reason: `red line is not a valid polygon: ${invalid}` };

  return {
    doc: {
      _id: code,
      parcelCode: code,
      district,
      area,
      landUse,
      rightHolder: optionalText(property(props, 'rightHolder')),
      grantContractNo: optionalText(property(props, 'grantContractNo')),
      grantPrice: grantPrice ?? null,
      ...redLine,
    },
  };
}
