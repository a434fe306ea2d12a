import { normalisePhone, parseWorkOrder, WORK_ORDER_COLUMNS } from './workOrder';

const C = WORK_ORDER_COLUMNS;
const valid = {
  [C.orderNo]: 'GD2026100200001', [C.receivedAt]: '2026-10-02 23:15:00', [C.category]: '夜间施工扰民',
  [C.district]: '371302', [C.address]: '临沂市兰山区沂蒙路1号附近', [C.lng]: '118.35', [C.lat]: '35.06',
  [C.callerName]: '王伟', [C.callerPhone]: '13912345678', [C.content]: '深夜施工噪音大',
  [C.projectCode]: '2024-371302-47-01-A1B2C3', [C.status]: '已答复', [C.reply]: '已责令停工', [C.repliedAt]: '2026-10-03 10:00:00',
};

function reasonFor(change: Record<string, string>): string {
  const parsed = parseWorkOrder({ ...valid, ...change });
  if (!('reason' in parsed)) throw new Error('expected a rejection');
  return parsed.reason;
}

test('a complete work order becomes a complaint document (local time is UTC+8)', () => {
  const parsed = parseWorkOrder(valid);
  expect(parsed).toEqual({
    doc: {
      orderNo: 'GD2026100200001', receivedAt: new Date('2026-10-02T15:15:00Z'), category: 'NIGHT_CONSTRUCTION_NOISE',
      district: '371302', address: '临沂市兰山区沂蒙路1号附近', lng: 118.35, lat: 35.06, callerName: '王伟',
      callerPhone: '13912345678', content: '深夜施工噪音大', projectCode: '2024-371302-47-01-A1B2C3', status: 'REPLIED',
      reply: '已责令停工', repliedAt: new Date('2026-10-03T02:00:00Z'),
    },
  });
});

test('optional fields may be empty; English names and codes are accepted; ISO timestamps with offset too', () => {
  const parsed = parseWorkOrder({
    orderNo: 'gd-0001-xyz', receivedAt: '2026-10-02T08:00:00+08:00', category: 'DUST', district: '371302',
    address: '某路', content: '扬尘', callerPhone: '+86 139 1234 5678',
  });
  expect('doc' in parsed && parsed.doc).toMatchObject({
    orderNo: 'GD-0001-XYZ', receivedAt: new Date('2026-10-02T00:00:00Z'), category: 'DUST', status: 'RECEIVED',
    lng: null, lat: null, callerName: null, callerPhone: '13912345678', projectCode: null, reply: null, repliedAt: null,
  });
  expect(normalisePhone('0539-8123456')).toBe('0539-8123456');
});

test.each([
  [{ [C.orderNo]: '' }, /missing 工单编号/],
  [{ [C.orderNo]: 'GD 1' }, /order number "GD 1" is malformed/],
  [{ [C.receivedAt]: '' }, /missing 受理时间/],
  [{ [C.receivedAt]: '2026-02-30 10:00:00' }, /受理时间: "2026-02-30 10:00:00" is not a real date/],
  [{ [C.receivedAt]: 'yesterday' }, /受理时间: "yesterday" is not a timestamp/],
  [{ [C.category]: '卫生' }, /unknown category "卫生"/],
  [{ [C.district]: '3713' }, /district "3713" is not a 6-digit/],
  [{ [C.address]: '' }, /missing 事发地址/],
  [{ [C.lat]: '' }, /only one of longitude\/latitude/],
  [{ [C.lng]: 'abc' }, /longitude "abc" is not a number/],
  [{ [C.lat]: '118.3' }, /latitude 118.3 is outside China/],
  [{ [C.callerPhone]: '12345' }, /phone number "12345" is neither/],
  [{ [C.content]: '' }, /missing 诉求内容/],
  [{ [C.projectCode]: '2024-3713-47-01-A1B2C3' }, /project code "2024-3713-47-01-A1B2C3" must be 24 characters/],
  [{ [C.status]: '已撤销' }, /unknown status "已撤销"/],
  [{ [C.repliedAt]: '2026-13-01 00:00:00' }, /答复时间: .* is not a real date/],
  [{ [C.repliedAt]: '2026-10-01 00:00:00' }, /is before received at/],
])('rejects %j', (change, reason) => {
  expect(reasonFor(change)).toMatch(reason);
});

test('rejects a record that is not an object', () => {
  expect(parseWorkOrder([1, 2])).toEqual({ reason: 'record is not an object' });
});
