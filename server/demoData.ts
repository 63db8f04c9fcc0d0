// Demo data for the embedded default: one district with its standing committee, one street with
// its 人大代表之家 and two community 联络站, five deputies at district and street level, three
// handling units, one staff member per station, one admin and two residents. Ids are stable so
// the README and tests can name them.
import type {
  DeputyDoc,
  RegionDoc,
  StationDoc,
  UnitDoc,
  UserDoc,
} from '../cloudfunctions/core/domain/records'
import type { Store } from '../cloudfunctions/core/ports'
import { devOpenid } from './devIdentity'
import { officeShortName } from '../cloudfunctions/core/domain/offices'
import { seedReceptionDemo } from './receptionDemoData'
import { knowledgeEntries } from './demoKnowledge'

export const DEMO_CITY = '临江市'

export const regions: RegionDoc[] = [
  {
    _id: 'region-binhu',
    name: '滨湖区',
    level: 'district',
    parentId: null,
    officeName: '临江市滨湖区人大常委会',
    // Terms of office (届) of the district's congress: the 履职档案 is kept per deputy and term (issue 8).
    terms: [
      { id: 'term-16', name: '第十六届', from: '2017-01-01', to: '2021-12-31' },
      { id: 'term-17', name: '第十七届', from: '2022-01-01', to: '2026-12-31' },
    ],
  } as RegionDoc,
  { _id: 'region-hubin', name: '湖滨街道', level: 'street', parentId: 'region-binhu', officeName: '滨湖区人大常委会湖滨街道工作委员会' },
  // A second street (its stations are not part of the demo): its 人大工委 shows that one street's
  // office never sees another street's cases (分级负责).
  { _id: 'region-huxi', name: '湖西街道', level: 'street', parentId: 'region-binhu', officeName: '滨湖区人大常委会湖西街道工作委员会' },
]

export const stations: StationDoc[] = [
  {
    _id: 'station-hubin',
    code: 'HBJD',
    name: '临江市滨湖区湖滨街道人大代表之家',
    kind: 'home',
    regionId: 'region-hubin',
    address: '滨湖区湖滨路88号湖滨街道党群服务中心二楼',
    openHours: '工作日 9:00–12:00，14:00–17:30',
    contactPhone: '0571-8765 4321',
    reception: { months: 'even', day: 20, start: '09:00', end: '11:30', label: '每双月20日 9:00–11:30' },
    photos: [],
    location: null,
    goals: {
      '2026': [
        { id: 'g-hubin-1', title: '每双月20日开展民情接待日，全年不少于6次', status: 'in_progress', progress: '已开展5次，接待群众62人次' },
        { id: 'g-hubin-2', title: '推动湖滨路老旧小区加装电梯10台', status: 'in_progress', progress: '已完成7台，3台在施工' },
        { id: 'g-hubin-3', title: '代表进站履职每人每年不少于4次', status: 'done', progress: '5位代表均已完成' },
      ],
    },
    goalsVersion: 1,
  },
  {
    _id: 'station-cuiyuan',
    code: 'CYSQ',
    name: '临江市滨湖区湖滨街道翠苑社区人大代表联络站',
    kind: 'station',
    regionId: 'region-hubin',
    address: '滨湖区翠苑路15号翠苑社区服务中心一楼',
    openHours: '工作日 8:30–11:30，13:30–17:00',
    contactPhone: '0571-8765 1122',
    // The label follows the station's reception rule (server/receptionDemoData.ts); the date fields are
    // only the fallback for a station without rules.
    reception: { months: 'all', day: 10, start: '14:30', end: '17:00', label: '每周三 14:30–17:00' },
    photos: [],
    location: null,
    goals: {
      '2026': [
        { id: 'g-cuiyuan-1', title: '推动翠苑小区停车难问题解决', status: 'in_progress', progress: '新增停车位80个，错时停车方案征求意见中' },
        { id: 'g-cuiyuan-2', title: '每周三开展代表接待', status: 'done', progress: '全年按计划开展' },
      ],
    },
    goalsVersion: 1,
  },
  {
    _id: 'station-wanghu',
    code: 'WHSQ',
    name: '临江市滨湖区湖滨街道望湖社区人大代表联络站',
    kind: 'station',
    regionId: 'region-hubin',
    address: '滨湖区望湖路200号望湖社区邻里中心三楼',
    openHours: '工作日 9:00–11:30，14:00–17:00',
    contactPhone: '0571-8765 3344',
    reception: { months: 'all', day: 1, start: '09:00', end: '11:30', label: '每月第一个周六 9:00–11:30' },
    photos: [],
    location: null,
    goals: {
      '2026': [
        { id: 'g-wanghu-1', title: '望湖社区养老服务站建设', status: 'planned', progress: '已完成选址调研' },
        { id: 'g-wanghu-2', title: '每月第一个周六接待群众', status: 'in_progress', progress: '已开展10次' },
      ],
    },
    goalsVersion: 1,
  },
]

const avatar = (code: string) => `/files/avatars/${code}.svg`

export const deputies: DeputyDoc[] = [
  {
    _id: 'deputy-1',
    code: 'DB01',
    constituency: '湖滨街道第一选区',
    election: 'direct',
    contact: '区人大代表联络科 0571-8765 4300',
    name: '王建国',
    level: 'county',
    photoUrl: avatar('DB01'),
    commitment: '每月至少一次进站接待，群众反映的问题件件有回音。',
    bio: '滨湖区人大代表，湖滨街道人大代表之家站长，长期关注老旧小区改造和养老服务。',
    stationIds: ['station-hubin'],
    headOf: ['station-hubin'],
  },
  {
    _id: 'deputy-2',
    code: 'DB02',
    constituency: '湖滨街道第三选区',
    election: 'direct',
    contact: '翠苑社区服务中心 0571-8765 1122',
    name: '李秀梅',
    level: 'county',
    photoUrl: avatar('DB02'),
    commitment: '倾听社区心声，推动翠苑社区停车和加装电梯难题解决。',
    bio: '滨湖区人大代表，翠苑社区人大代表联络站站长，社区工作二十年。',
    stationIds: ['station-cuiyuan', 'station-hubin'],
    headOf: ['station-cuiyuan'],
  },
  {
    _id: 'deputy-3',
    code: 'DB03',
    constituency: '湖滨街道第五选区',
    election: 'direct',
    contact: '望湖中学 0571-8765 5566',
    name: '陈志强',
    level: 'township',
    photoUrl: avatar('DB03'),
    commitment: '关注学校周边交通安全，每季度走访一次辖区学校。',
    bio: '湖滨街道人大代表，中学教师。',
    stationIds: ['station-cuiyuan'],
    headOf: [],
  },
  {
    _id: 'deputy-4',
    code: 'DB04',
    constituency: '湖滨街道第八选区',
    election: 'direct',
    contact: '望湖社区邻里中心 0571-8765 3344',
    name: '刘洋',
    level: 'township',
    photoUrl: avatar('DB04'),
    commitment: '做群众的贴心人，望湖社区的事情放在心上、抓在手上。',
    bio: '湖滨街道人大代表，望湖社区人大代表联络站站长，个体工商户。',
    stationIds: ['station-wanghu'],
    headOf: ['station-wanghu'],
  },
  {
    _id: 'deputy-5',
    code: 'DB05',
    constituency: '滨湖区卫生系统选举单位',
    election: 'indirect',
    contact: '湖滨社区卫生服务中心 0571-8765 7788',
    name: '赵敏',
    level: 'county',
    photoUrl: avatar('DB05'),
    commitment: '关注基层医疗和社区卫生服务，定期收集群众就医难题。',
    bio: '滨湖区人大代表，社区卫生服务中心医生。',
    stationIds: ['station-wanghu', 'station-hubin'],
    headOf: [],
  },
]

export const units: UnitDoc[] = [
  { _id: 'unit-housing', name: '滨湖区住房和城乡建设局', regionId: 'region-binhu', categories: ['housing', 'utilities'], contactName: '张科长', contactPhone: '0571-8700 1001' },
  { _id: 'unit-urban', name: '滨湖区城市管理局', regionId: 'region-binhu', categories: ['environment', 'traffic'], contactName: '陈主任', contactPhone: '0571-8700 2002' },
  { _id: 'unit-education', name: '滨湖区教育局', regionId: 'region-binhu', categories: ['education'], contactName: '林科长', contactPhone: '0571-8700 3003' },
  // A street-level handling unit, which the 湖滨街道人大工委 assigns itself; district bureaus are
  // assigned by the 区人大常委会 (分级负责).
  { _id: 'unit-hubin-community', name: '湖滨街道社区管理办公室', regionId: 'region-hubin', categories: ['housing', 'environment', 'elderly'], contactName: '马主任', contactPhone: '0571-8765 0001' },
  // The 12345 hotline as a handling unit of kind `hotline` (issue 12): a case the 区人大常委会
  // transfers to it is pushed to the hotline's platform, whose answer comes back by webhook.
  { _id: 'unit-hotline-12345', name: '12345政务服务便民热线', regionId: 'region-binhu', categories: [], kind: 'hotline', partner: '12345' } as UnitDoc,
]

const user = (doc: Omit<UserDoc, 'openid' | 'credits' | 'createdAt'>): UserDoc => ({
  ...doc,
  openid: devOpenid(doc._id),
  credits: {},
  createdAt: '2026-01-01T00:00:00.000Z',
})

export const users: UserDoc[] = [
  user({ _id: 'dev-resident-1', role: 'resident', name: '刘阿姨', stationIds: [], deputyId: null, regionId: 'region-binhu' }),
  user({ _id: 'dev-resident-2', role: 'resident', name: '周大伯', stationIds: [], deputyId: null, regionId: 'region-binhu' }),
  ...deputies.map((d, i) =>
    user({ _id: `dev-deputy-${i + 1}`, role: 'deputy', name: d.name, stationIds: [], deputyId: d._id, regionId: 'region-binhu' }),
  ),
  user({ _id: 'dev-staff-1', role: 'staff', name: '孙晓燕', stationIds: ['station-hubin'], deputyId: null, regionId: 'region-binhu' }),
  user({ _id: 'dev-staff-2', role: 'staff', name: '吴磊', stationIds: ['station-cuiyuan'], deputyId: null, regionId: 'region-binhu' }),
  user({ _id: 'dev-staff-3', role: 'staff', name: '郑丽', stationIds: ['station-wanghu'], deputyId: null, regionId: 'region-binhu' }),
  user({ _id: 'dev-admin-1', role: 'admin', name: '滨湖区人大常委会联络科', stationIds: [], deputyId: null, regionId: 'region-binhu' }),
  // Staff of the congress offices (分级负责): they see what is forwarded to their office, nothing else.
  user({ _id: 'dev-office-1', role: 'staff', name: '黄志明', stationIds: [], deputyId: null, regionId: 'region-binhu', officeRegionId: 'region-hubin' }),
  user({ _id: 'dev-office-2', role: 'staff', name: '何静', stationIds: [], deputyId: null, regionId: 'region-binhu', officeRegionId: 'region-binhu' }),
  user({ _id: 'dev-office-3', role: 'staff', name: '钱峰', stationIds: [], deputyId: null, regionId: 'region-binhu', officeRegionId: 'region-huxi' }),
]

/** A line per demo user for the README and the start banner. */
export function describeDemoUser(u: UserDoc): string {
  switch (u.role) {
    case 'resident':
      return `群众 ${u.name}`
    case 'deputy': {
      const d = deputies.find((x) => x._id === u.deputyId)
      const where = d?.stationIds.map((id) => stations.find((s) => s._id === id)?.name.replace(/^临江市滨湖区湖滨街道/, '')).join('、')
      return `人大代表 ${u.name}（${where}）`
    }
    case 'staff': {
      const office = regions.find((r) => r._id === u.officeRegionId)
      if (office) return `工作人员 ${u.name}（${officeShortName(office)}）`
      return `工作人员 ${u.name}（${stations.find((s) => s._id === u.stationIds[0])?.name.replace(/^临江市滨湖区湖滨街道/, '')}）`
    }
    case 'admin':
      return `人大机关 ${u.name}（全区）`
  }
}

/** Inserts whatever of the demo data is missing; running it again changes nothing. */
export async function seedDemoData(store: Store): Promise<{ seeded: boolean }> {
  const already = await store.collection<StationDoc>('stations').count({})
  const insertAll = async <T extends { _id: string }>(name: Parameters<Store['collection']>[0], docs: T[]) => {
    for (const doc of docs) await store.collection<T>(name).insert(doc)
  }
  await insertAll('regions', regions)
  await insertAll('stations', stations)
  await insertAll('deputies', deputies)
  await insertAll('units', units)
  await insertAll('users', users)
  await seedReceptionDemo(store)
  await insertAll('knowledge', knowledgeEntries)
  return { seeded: already === 0 }
}
