/**
 * Red lines (用地红线) between GeoJSON and the stored layout: GeoJSON Polygon/MultiPolygon
 * coordinates are arrays nested three or four deep, which FerretDB v1 cannot store, so a red line is
 * kept as a flat list of rings of {lng, lat} objects plus its bounding box, and given back as GeoJSON.
 */
import type { BoundingBox, LngLat, StoredRing } from './models/parcel';

export interface GeoJsonPolygon {
  type: 'Polygon';
  coordinates: number[][][];
}
export interface GeoJsonMultiPolygon {
  type: 'MultiPolygon';
  coordinates: number[][][][];
}
export type RedLineGeometry = GeoJsonPolygon | GeoJsonMultiPolygon;

export interface StoredRedLine {
  geometryType: 'Polygon' | 'MultiPolygon';
  rings: StoredRing[];
  bbox: BoundingBox;
}

/** Most vertices accepted in one red line: bounds memory per record. */
export const MAX_RED_LINE_VERTICES = 20_000;

function ringFrom(value: unknown, where: string): LngLat[] | string {
  if (!Array.isArray(value)) return `${where} is not an array of positions`;
  if (value.length < 4) return `${where} has ${value.length} positions (a closed ring needs at least 4)`;
  const points: LngLat[] = [];
  for (let i = 0; i < value.length; i++) {
    const pos = value[i] as unknown;
    if (!Array.isArray(pos) || pos.length < 2 || pos.length > 3) return `${where} position ${i} is not a [lng, lat] pair`;
    const [lng, lat] = pos as unknown[];
    if (typeof lng !== 'number' || typeof lat !== 'number' || !Number.isFinite(lng) || !Number.isFinite(lat)) {
      return `${where} position ${i} is not a pair of numbers`;
    }
    if (lng < -180 || lng > 180) return `${where} position ${i} longitude ${lng} is out of range -180..180`;
    if (lat < -90 || lat > 90) return `${where} position ${i} latitude ${lat} is out of range -90..90`;
    points.push({ lng, lat });
  }
  const first = points[0];
  const last = points[points.length - 1];
  if (first.lng !== last.lng || first.lat !== last.lat) return `${where} is not closed (first and last positions differ)`;
  return points;
}

function polygonRings(value: unknown, polygon: number, where: string, out: StoredRing[]): string | null {
  if (!Array.isArray(value) || value.length === 0) return `${where} has no rings`;
  for (let ring = 0; ring < value.length; ring++) {
    const points = ringFrom(value[ring], `${where} ring ${ring}`);
    if (typeof points === 'string') return points;
    out.push({ polygon, ring, points });
  }
  return null;
}

/** Validates a GeoJSON geometry as a red line; returns the stored layout or what is wrong. */
export function storedRedLineFrom(geometry: unknown): StoredRedLine | string {
  if (geometry === null || typeof geometry !== 'object') return 'geometry is missing';
  const g = geometry as { type?: unknown; coordinates?: unknown };
  const rings: StoredRing[] = [];
  if (g.type === 'Polygon') {
    const problem = polygonRings(g.coordinates, 0, 'polygon', rings);
    if (problem) return problem;
  } else if (g.type === 'MultiPolygon') {
    if (!Array.isArray(g.coordinates) || g.coordinates.length === 0) return 'MultiPolygon has no polygons';
    for (let p = 0; p < g.coordinates.length; p++) {
      const problem = polygonRings(g.coordinates[p], p, `polygon ${p}`, rings);
      if (problem) return problem;
    }
  } else {
    return `geometry type ${JSON.stringify(g.type)} is not Polygon or MultiPolygon`;
  }
  const vertices = rings.reduce((n, r) => n + r.points.length, 0);
  if (vertices > MAX_RED_LINE_VERTICES) return `red line has ${vertices} vertices (at most ${MAX_RED_LINE_VERTICES})`;
  return { geometryType: g.type, rings, bbox: boundingBox(rings) };
}

export function boundingBox(rings: StoredRing[]): BoundingBox {
  const box = { minLng: Infinity, minLat: Infinity, maxLng: -Infinity, maxLat: -Infinity };
  for (const r of rings) {
    for (const p of r.points) {
      if (p.lng < box.minLng) box.minLng = p.lng;
      if (p.lat < box.minLat) box.minLat = p.lat;
      if (p.lng > box.maxLng) box.maxLng = p.lng;
      if (p.lat > box.maxLat) box.maxLat = p.lat;
    }
  }
  return box;
}

/** The stored red line as a GeoJSON geometry. */
export function geoJsonFromStored(geometryType: 'Polygon' | 'MultiPolygon', rings: StoredRing[]): RedLineGeometry {
  const polygons: number[][][][] = [];
  for (const r of [...rings].sort((a, b) => a.polygon - b.polygon || a.ring - b.ring)) {
    (polygons[r.polygon] ??= [])[r.ring] = r.points.map((p) => [p.lng, p.lat]);
  }
  return geometryType === 'Polygon' ? { type: 'Polygon', coordinates: polygons[0] ?? [] } : { type: 'MultiPolygon', coordinates: polygons };
}
