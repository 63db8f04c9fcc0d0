// Deterministic generator of realistic opinions for benchmarks: problem templates written the way
// residents phrase them × places of a district × openings, time phrases and closings.
import type { Category } from '@minyi/types'

export function rng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

export const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)]

const ROADS = ['湖滨路', '望湖路', '翠苑路', '文三路', '学院路', '环湖路', '滨江大道', '北山街', '古荡路', '紫荆花路', '天目山路', '教工路', '保俶路', '曙光路', '西溪路', '花园北路', '丰潭路', '益乐路', '莫干山路', '竞舟路']
const ESTATES = ['翠苑一区', '翠苑二区', '翠苑三区', '望湖花园', '湖滨新村', '金色家园', '阳光小区', '丽水苑', '桂花城', '嘉绿苑', '景芳三区', '朝晖九区', '文鼎苑', '香樟公寓', '求是村', '松木场小区', '马塍路小区', '星洲花园', '青枫墅园', '蓝天公寓']
const SPOTS = ['菜市场', '公交站', '小学门口', '幼儿园门口', '社区医院', '公园', '地铁站口', '十字路口', '沿河步道', '商业街']

type Slots = { road: string; estate: string; spot: string; n: number }
interface Template {
  category: Category
  phrasings: Array<(s: Slots) => string>
}

const T = (category: Category, ...phrasings: Array<(s: Slots) => string>): Template => ({ category, phrasings })

export const TEMPLATES: Template[] = [
  T('traffic',
    (s) => `${s.road}和${pick(rng(s.n), ROADS)}路口的红绿灯时间太短，老人过马路走到一半就变灯了`,
    (s) => `${s.road}${s.spot}那个红绿灯绿灯只有十几秒，行人根本过不去`,
    (s) => `建议延长${s.road}路口人行绿灯时间，老年人过马路太危险`),
  T('traffic',
    (s) => `${s.road}早高峰堵得走不动，${s.spot}一段要排二十分钟`,
    (s) => `每天早上${s.road}都堵车，能不能优化一下信号灯配时`,
    (s) => `${s.road}车流量太大了，上下班高峰一直拥堵，希望交警来疏导`),
  T('traffic',
    (s) => `${s.estate}门口马路上天天乱停车，两边停满了，车都开不出来`,
    (s) => `${s.road}路边违停太严重，占了非机动车道，骑车只能骑到机动车道上`,
    (s) => `${s.estate}周边停车太乱，晚上车子停到人行道上，推婴儿车都过不去`),
  T('traffic',
    (s) => `${s.road}${s.spot}的公交车班次太少，等一趟要四十分钟`,
    (s) => `希望增加经过${s.estate}的公交线路，现在去地铁站要走二十分钟`,
    (s) => `${s.spot}公交站台没有遮雨棚，下雨天等车全身湿透`),
  T('traffic',
    (s) => `${s.spot}没有斑马线，车开得飞快，孩子上学过马路太危险`,
    (s) => `建议在${s.road}${s.spot}装个减速带，车速太快了`,
    (s) => `${s.road}的斑马线油漆都磨没了，司机根本不减速`),
  T('environment',
    (s) => `${s.estate}楼下的垃圾桶好几天没人清运，臭气熏天，苍蝇乱飞`,
    (s) => `${s.estate}垃圾分类的桶经常满出来，环卫工人几天才来一次`,
    (s) => `${s.road}边上的垃圾站味道太大，夏天窗户都不敢开`),
  T('environment',
    (s) => `${s.estate}旁边公园晚上跳广场舞，音响开得太响，孩子没法写作业`,
    (s) => `每天晚上${s.spot}广场舞声音太大，一直跳到十点，吵得睡不着`,
    (s) => `希望管管${s.estate}的广场舞噪音，老人心脏不好受不了`),
  T('environment',
    (s) => `${s.estate}一楼饭店的油烟直接往楼上飘，衣服都不能晾`,
    (s) => `${s.road}的烧烤店油烟太大，从傍晚烧到凌晨，满屋子烟味`,
    (s) => `${s.estate}楼下餐馆没有装油烟净化器，熏得楼上住户受不了`),
  T('environment',
    (s) => `${s.road}那边的工地半夜还在施工，凌晨一点还在打桩`,
    (s) => `${s.estate}旁边工地夜间施工噪音扰民，投诉了好几次都没用`,
    (s) => `${s.road}工地扬尘太大，渣土车进进出出，路上全是泥`),
  T('environment',
    (s) => `${s.estate}后面那条河又黑又臭，水面上漂着垃圾`,
    (s) => `${s.spot}旁边的河道发臭，好多年没清淤了`,
    (s) => `有人往${s.estate}边上的河里排污水，水都变黑了`),
  T('environment',
    (s) => `${s.estate}遛狗不牵绳，草坪上到处是狗屎，没人管`,
    (s) => `${s.spot}流浪猫流浪狗越来越多，晚上叫个不停还翻垃圾`,
    (s) => `${s.estate}有人在绿化带里种菜浇粪，臭得要命`),
  T('housing',
    (s) => `${s.estate}物业收了物业费不干活，楼道灯坏了半个月没人修`,
    (s) => `${s.estate}物业服务太差，保洁一周才来一次，业主要求换物业`,
    (s) => `${s.estate}物业费年年涨，服务越来越差，业委会也不管`),
  T('housing',
    (s) => `${s.estate}电梯三天两头坏，上周还困人了，物业说没钱修`,
    (s) => `${s.estate}的电梯用了二十年了，经常停运，希望更换`,
    (s) => `${s.estate}${s.n % 30 + 1}幢电梯坏了一个星期，老人下不了楼`),
  T('housing',
    (s) => `${s.estate}是老房子，住六楼，想加装电梯，不知道怎么申请`,
    (s) => `${s.estate}加装电梯一楼业主不同意，卡住了，能不能协调一下`,
    (s) => `我们${s.estate}老旧小区加装电梯有没有补贴？需要什么材料`),
  T('housing',
    (s) => `${s.estate}楼上卫生间漏水渗到我家天花板，物业不管`,
    (s) => `${s.estate}顶楼屋顶漏雨，维修基金怎么申请`,
    (s) => `${s.estate}外墙墙皮脱落，下雨天家里墙面渗水`),
  T('housing',
    (s) => `${s.estate}地下车库积水，车子都被泡了`,
    (s) => `${s.estate}充电桩太少，几百户只有十个桩`,
    (s) => `${s.estate}门禁坏了一个月，外面的人随便进出`),
  T('utilities',
    (s) => `${s.estate}门口的路灯坏了一个多月了，晚上黑乎乎的`,
    (s) => `${s.road}有一段路灯不亮，晚上走路很害怕`,
    (s) => `${s.spot}附近的路灯晚上经常不亮，希望尽快修好`),
  T('utilities',
    (s) => `${s.estate}最近老是停水，也不提前通知`,
    (s) => `${s.estate}高层水压太低，白天基本没水`,
    (s) => `${s.estate}自来水发黄有沉淀，不敢喝`),
  T('utilities',
    (s) => `${s.road}一下雨就积水，最深的地方没过膝盖`,
    (s) => `${s.spot}下水道堵了，污水冒到路面上`,
    (s) => `${s.road}排水不畅，每次下暴雨都内涝`),
  T('utilities',
    (s) => `${s.road}路面坑坑洼洼，骑电动车经常摔跤`,
    (s) => `${s.road}${s.spot}的井盖松动，车一压就响`,
    (s) => `${s.estate}门口人行道地砖松动翘起，老人绊倒过`),
  T('utilities',
    (s) => `${s.estate}这个月停电好几次，冰箱里的东西都坏了`,
    (s) => `${s.estate}电压不稳，一开空调就跳闸`,
    (s) => `${s.estate}冬天暖气不热，屋里才十几度`),
  T('education',
    (s) => `孩子明年上小学，我们在${s.estate}租房，能不能在附近的学校读`,
    (s) => `${s.estate}的孩子划片到很远的小学，上学要坐四站公交`,
    (s) => `${s.estate}附近小学学位不够，今年好多孩子分到别的学校`),
  T('education',
    (s) => `${s.spot}附近的学校课后服务只到五点，双职工家庭接不了孩子`,
    (s) => `希望学校延长课后服务时间，我们${s.estate}很多家长下班晚`,
    () => `小学没有午托，中午孩子只能去外面的小饭桌`),
  T('education',
    (s) => `${s.estate}附近公办幼儿园太少，报名要抽签`,
    (s) => `${s.estate}周边没有托育机构，两三岁的孩子没人带`,
    (s) => `幼儿园收费涨得太厉害，${s.estate}好多家长负担不起`),
  T('health',
    (s) => `${s.estate}附近的社区医院医生太少，看病要排一上午`,
    () => `社区卫生服务中心开药只能开两周，慢性病老人跑得太勤`,
    (s) => `${s.spot}的社区医院周末不开门，上班的人没法看病`),
  T('health',
    (s) => `孩子打疫苗要预约，${s.estate}这边约到一个月以后`,
    (s) => `${s.estate}家庭医生签约了一年一次都没来过`,
    () => `区医院挂号太难，专家号一放出来就没了`),
  T('elderly',
    (s) => `${s.estate}老人多，希望办个老年食堂，老人做饭不方便`,
    (s) => `${s.estate}的助餐点饭菜太咸，老年人吃不惯`,
    (s) => `希望在${s.estate}开一个长者食堂，独居老人吃饭是个大问题`),
  T('elderly',
    (s) => `${s.estate}独居老人多，希望社区定期上门看看`,
    (s) => `${s.estate}日间照料中心床位太少，排不上`,
    (s) => `${s.estate}的老年活动室只开半天，老人下午没地方去`),
  T('elderly',
    () => `我母亲今年满八十了，高龄津贴怎么申请`,
    (s) => `${s.estate}的老人想问高龄津贴的标准是多少，去哪里办`,
    (s) => `高龄补贴需要什么材料？我父亲在${s.estate}住`),
  T('elderly',
    (s) => `${s.estate}没有无障碍坡道，坐轮椅出不了门`,
    (s) => `${s.spot}的无障碍通道被占了，残疾人过不去`,
    (s) => `${s.estate}楼道能不能装扶手，老人上楼没力气`),
  T('social_security',
    (s) => `医保异地备案怎么办？我要去外地跟子女住，现在住${s.estate}`,
    () => `异地就医怎么报销，需要先备案吗`,
    () => `退休后去外地养老，医保异地就医备案需要什么材料`),
  T('social_security',
    (s) => `${s.estate}的低保申请交上去两个月还没消息`,
    (s) => `家里困难，想申请低保，${s.estate}社区说不符合条件`,
    (s) => `低保标准是多少？我们家在${s.estate}，收入很低`),
  T('social_security',
    () => `失业了半年，失业金怎么领取`,
    (s) => `${s.estate}有很多下岗的人找不到工作，希望多办招聘会`,
    () => `灵活就业人员社保怎么交，每个月交多少`),
  T('safety',
    (s) => `${s.estate}楼道里电瓶车乱停，还有人飞线充电，太危险了`,
    (s) => `${s.estate}有人把电动车推进电梯带回家充电，没人管`,
    (s) => `${s.estate}的消防通道被私家车堵死了，着火了消防车进不来`),
  T('safety',
    (s) => `${s.estate}最近好几户被偷，监控是坏的`,
    (s) => `${s.road}晚上没有监控，经常有人被抢手机`,
    (s) => `${s.estate}有人冒充工作人员上门推销保健品骗老人钱`),
  T('safety',
    (s) => `${s.estate}有人高空抛物，差点砸到孩子`,
    (s) => `${s.estate}楼上经常往下扔垃圾，非常危险`,
    (s) => `希望${s.estate}装高空抛物监控，上次一个花盆掉下来`),
  T('economy',
    (s) => `${s.road}商业街生意不好，门面租金能不能减免一点`,
    (s) => `我在${s.road}开小店，营业执照变更要跑好几个窗口`,
    (s) => `${s.road}的小餐馆要办的证太多，半年开不了业`),
  T('economy',
    (s) => `${s.spot}菜价比超市还贵，摊位费太高`,
    () => `小微企业贷款太难，银行要抵押`,
    (s) => `个体户的税怎么算，我在${s.road}开了个小卖部`),
  T('legal',
    (s) => `在${s.road}工地干活，包工头拖欠工资半年不给`,
    () => `公司拖欠工资三个月了，去哪里讨薪`,
    (s) => `农民工工资被拖欠，我们几个在${s.estate}工地干了一年`),
  T('legal',
    (s) => `${s.road}的健身房突然关门，预付卡的钱退不了`,
    (s) => `${s.road}的培训机构跑路了，交的学费怎么退`,
    () => `美容店老板卷款跑了，我们办的会员卡怎么办`),
  T('legal',
    () => `和邻居因为漏水吵了好几次，能不能帮忙调解`,
    (s) => `${s.estate}邻里纠纷闹得很僵，希望社区出面调解`,
    () => `请不起律师，法律援助怎么申请`),
  T('other',
    (s) => `${s.estate}能不能多组织点文化活动`,
    (s) => `希望${s.estate}的活动室周末开放`,
    (s) => `${s.spot}附近能不能建个社区图书馆`),
]

const OPENERS = ['', '', '', '你好，', '我想反映一下，', '麻烦代表关注一下，', '代表您好，', '我是住在这里的居民，']
const TIMES = ['', '', '最近', '这段时间', '好长时间了，', '一个多月了，', '反映过好几次了，']
const CLOSERS = ['', '。', '，希望尽快解决。', '，谢谢！', '，请有关部门管一管。', '，老百姓意见很大。', '，希望代表帮忙反映。', '！']

export interface GeneratedCase {
  text: string
  category: Category
  template: number
  place: string
}

export function generateCase(r: () => number, templateIndex = Math.floor(r() * TEMPLATES.length)): GeneratedCase {
  const template = TEMPLATES[templateIndex]
  const slots: Slots = { road: pick(r, ROADS), estate: pick(r, ESTATES), spot: pick(r, SPOTS), n: Math.floor(r() * 1e6) }
  const body = pick(r, template.phrasings)(slots)
  const text = `${pick(r, OPENERS)}${pick(r, TIMES)}${body}${pick(r, CLOSERS)}`
  return { text, category: template.category, template: templateIndex, place: text.includes(slots.estate) ? slots.estate : slots.road }
}
