/** The red-line layout (arrays of objects holding arrays of objects) round-trips through FerretDB. */
import { testStore } from '../../../test/harness/db';
import { createResourcesModels } from '.';

const store = testStore();
afterAll(() => store.closeAll());

test('stores a MultiPolygon red line as rings of {lng, lat} objects and reads it back unchanged', async () => {
  const { Parcel } = createResourcesModels(await store.connect('resources'));
  await Parcel.init();
  const rings = [
    { polygon: 0, ring: 0, points: [{ lng: 118.1, lat: 35.1 }, { lng: 118.2, lat: 35.1 }, { lng: 118.2, lat: 35.2 }, { lng: 118.1, lat: 35.1 }] },
    { polygon: 1, ring: 0, points: [{ lng: 118.3, lat: 35.1 }, { lng: 118.4, lat: 35.1 }, { lng: 118.4, lat: 35.2 }, { lng: 118.3, lat: 35.1 }] },
  ];
  await Parcel.create({
    _id: '371302001GB00001', parcelCode: '371302001GB00001', district: '371302', area: 1000, landUse: '住宅用地', geometryType: 'MultiPolygon',
    rings, bbox: { minLng: 118.1, minLat: 35.1, maxLng: 118.4, maxLat: 35.2 },
  });
  const back = await Parcel.findOne({ parcelCode: '371302001GB00001' }).lean();
  expect(back?.rings).toEqual(rings);
  await expect(Parcel.create({
    _id: 'other', parcelCode: '371302001GB00001', district: '371302', area: 1, landUse: 'x', geometryType: 'Polygon', rings: [], bbox: { minLng: 0, minLat: 0, maxLng: 0, maxLat: 0 },
  })).rejects.toThrow(/duplicate key/);
});
