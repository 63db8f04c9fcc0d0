// Plain constants shared by the front end and the cloud functions. No zod here, so the front end
// can import labels without pulling schema code into the mini-program's main package.

export const ROLES = ['resident', 'deputy', 'staff', 'admin'] as const
export type Role = (typeof ROLES)[number]
export const ROLE_LABELS: Record<Role, string> = {
  resident: '群众',
  deputy: '人大代表',
  // Staff work at a station (联络站) or at a congress office (街道人大工委, 区人大常委会): UserDoc.officeRegionId.
  staff: '工作人员',
  admin: '人大机关',
}

export const CATEGORIES = [
  'traffic',
  'environment',
  'housing',
  'utilities',
  'education',
  'health',
  'elderly',
  'social_security',
  'safety',
  'economy',
  'legal',
  'other',
] as const
export type Category = (typeof CATEGORIES)[number]
export const CATEGORY_LABELS: Record<Category, string> = {
  traffic: '道路交通',
  environment: '市容环境',
  housing: '物业小区',
  utilities: '市政设施',
  education: '教育',
  health: '医疗卫生',
  elderly: '养老助残',
  social_security: '社保就业',
  safety: '公共安全',
  economy: '经济营商',
  legal: '法治权益',
  other: '其他',
}

export const STATION_KINDS = ['home', 'station', 'group'] as const
export type StationKind = (typeof STATION_KINDS)[number]
export const STATION_KIND_LABELS: Record<StationKind, string> = {
  home: '人大代表之家',
  station: '人大代表联络站',
  group: '人大代表小组',
}

export const DEPUTY_LEVELS = ['national', 'provincial', 'city', 'county', 'township'] as const
export type DeputyLevel = (typeof DEPUTY_LEVELS)[number]
export const DEPUTY_LEVEL_LABELS: Record<DeputyLevel, string> = {
  national: '全国人大代表',
  provincial: '省人大代表',
  city: '市人大代表',
  county: '区人大代表',
  township: '街道（乡镇）人大代表',
}

export const REGION_LEVELS = ['district', 'street'] as const
export type RegionLevel = (typeof REGION_LEVELS)[number]

export const RATINGS = ['satisfied', 'basically', 'unsatisfied'] as const
export type Rating = (typeof RATINGS)[number]
export const RATING_LABELS: Record<Rating, string> = {
  satisfied: '满意',
  basically: '基本满意',
  unsatisfied: '不满意',
}

// walk_in / phone_call: 代录 — staff registered it for a resident who came in person (来访) or phoned (来电).
// partner: filed by a partner system (e.g. a 12345 platform) through Open311 `POST requests.json`.
export const CHANNELS = ['station_code', 'deputy_code', 'app', 'reception', 'partner', 'walk_in', 'phone_call'] as const
export type Channel = (typeof CHANNELS)[number]
export const CHANNEL_LABELS: Record<Channel, string> = {
  station_code: '扫民意码',
  deputy_code: '扫代表码',
  app: '小程序',
  reception: '接待日',
  // Filed by a partner system (e.g. a 12345 platform) through Open311 `POST requests.json` with an API key.
  partner: '合作平台',
  walk_in: '来访',
  phone_call: '来电',
}

export const ROUTES = ['onsite', 'transfer', 'proposal'] as const
export type CaseRoute = (typeof ROUTES)[number]
export const ROUTE_LABELS: Record<CaseRoute, string> = {
  onsite: '现场答复',
  transfer: '转办',
  proposal: '议案建议',
}

export const CONTENT_CHECK_RESULTS = ['pass', 'review', 'risky'] as const
export type ContentCheckResult = (typeof CONTENT_CHECK_RESULTS)[number]
