/**
 * Is a red line a valid polygon (issue 18)? The structure (closed rings of at least 4 [lng, lat]
 * positions within -180..180 / -90..90) is checked where the red line is read
 * (subgraphs/resources/redLine.ts); this adds the geometry, with @turf rather than hand-written
 * geometry: no self-intersection (a bow-tie ring, rings crossing each other: @turf/kinks), every hole
 * inside its shell (@turf/boolean-within), no ring of zero area (@turf/area), and every position
 * inside the extent the city's data can lie in (RED_LINE_EXTENT), which also catches [lat, lng]
 * written in the wrong order.
 */
import area from '@turf/area';
import booleanWithin from '@turf/boolean-within';
import { polygon as turfPolygon } from '@turf/helpers';
import kinks from '@turf/kinks';

/** [minLng, minLat, maxLng, maxLat]. */
export type Extent = [number, number, number, number];

/** China's territory, rounded outwards: red lines of a Chinese city lie inside it. */
export const DEFAULT_RED_LINE_EXTENT: Extent = [73.4, 3.8, 135.1, 53.6];
/** A ring smaller than this (m²) is a line or a point drawn as a polygon: no parcel is that small. */
export const MIN_RING_AREA_M2 = 0.01;

/** RED_LINE_EXTENT="minLng,minLat,maxLng,maxLat" (default: China's territory). */
export function redLineExtent(): Extent {
  const v = process.env.RED_LINE_EXTENT;
  if (!v) return DEFAULT_RED_LINE_EXTENT;
  const parts = v.split(',').map((x) => Number(x.trim()));
  if (parts.length !== 4 || parts.some((n) => !Number.isFinite(n)) || parts[0] >= parts[2] || parts[1] >= parts[3]) {
    throw new Error(`RED_LINE_EXTENT must be "minLng,minLat,maxLng,maxLat", got "${v}"`);
  }
  return parts as Extent;
}

function inside([lng, lat]: number[], [minLng, minLat, maxLng, maxLat]: Extent): boolean {
  return lng >= minLng && lng <= maxLng && lat >= minLat && lat <= maxLat;
}

/** What is wrong with one polygon's rings (shell first, then holes), or null when it is valid. */
export function polygonProblem(rings: number[][][], where: string, extent: Extent = redLineExtent()): string | null {
  for (let r = 0; r < rings.length; r++) {
    for (let i = 0; i < rings[r].length; i++) {
      const pos = rings[r][i];
      if (inside(pos, extent)) continue;
      const swapped = inside([pos[1], pos[0]], extent);
      return swapped
        ? `${where} ring ${r} position ${i} [${pos[0]}, ${pos[1]}] looks like [lat, lng]: GeoJSON positions are [lng, lat]`
        : `${where} ring ${r} position ${i} [${pos[0]}, ${pos[1]}] lies outside the extent ${extent.join(',')} (RED_LINE_EXTENT)`;
    }
  }
  // Self-intersection first: a symmetric bow-tie also has zero (signed) area, and crossing is the cause.
  for (let r = 0; r < rings.length; r++) {
    const crossings = kinks(turfPolygon([rings[r]])).features;
    if (crossings.length) {
      const [lng, lat] = crossings[0].geometry.coordinates;
      return `${where} ring ${r} intersects itself at [${lng}, ${lat}] (a bow-tie or a loop)`;
    }
  }
  for (let r = 0; r < rings.length; r++) {
    const m2 = area(turfPolygon([rings[r]]));
    if (!(m2 >= MIN_RING_AREA_M2)) return `${where} ring ${r} has zero area (${m2.toFixed(3)} m²): its positions are on one line`;
  }
  const shell = turfPolygon([rings[0]]);
  for (let r = 1; r < rings.length; r++) {
    if (r > 0 && !booleanWithin(turfPolygon([rings[r]]), shell)) return `${where} hole ${r} is not inside its shell (ring 0)`;
  }
  if (rings.length > 1) {
    // Holes that touch each other or the shell at more than points: turf reports crossings of the rings.
    const crossings = kinks(turfPolygon(rings)).features;
    if (crossings.length) {
      const [lng, lat] = crossings[0].geometry.coordinates;
      return `${where} rings cross each other at [${lng}, ${lat}]`;
    }
  }
  return null;
}

/** Checks a Polygon or MultiPolygon already read as structurally sound; returns the first problem or null. */
export function redLineGeometryProblem(geometry: { type: string; coordinates: unknown }, extent: Extent = redLineExtent()): string | null {
  if (geometry.type === 'Polygon') return polygonProblem(geometry.coordinates as number[][][], 'polygon', extent);
  const polygons = geometry.coordinates as number[][][][];
  for (let p = 0; p < polygons.length; p++) {
    const problem = polygonProblem(polygons[p], `polygon ${p}`, extent);
    if (problem) return problem;
  }
  return null;
}
