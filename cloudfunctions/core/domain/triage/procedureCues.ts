// Phrases that ask how a policy or a procedure works: the resident wants to know, not a repair.
/** Phrases that ask how a policy or a procedure works (the resident wants to know, not a repair). */
const PROCEDURE = [
  /(怎么|怎样|如何|去哪里?|在哪里?|哪里可以|到哪里?)(办理|申请|申领|领取?|补办|备案|报名|缴纳?|交|开具|查询?|认定|续|转移|提取)/,
  /(怎么|如何|去哪里?|在哪里?|到哪里?)办(?=[\u4e00-\u9fa5]{2})(?![呢啊呀吧才])/,
  /(备案|手续|证|卡|补贴|津贴|保险|社保|医保|低保|公积金|执照|登记|入学|转学|户口)(要)?怎么办/,
  /(需要|要|准备)(什么|哪些|啥)(材料|手续|证件|证明|条件)/,
  /(什么|哪些)(条件|流程|手续|政策|标准)/,
  /(政策|规定|标准)(是|有)(什么|怎样|怎么|哪些)/,
  /(办理|申请|申领)(流程|条件|材料|手续|时间|地点)/,
  /有(没有|什么|哪些)[^，。？！]{0,8}(补贴|补助|津贴|优惠|政策)/,
  /(补贴|补助|津贴|优惠)[^，。？！]{0,6}(吗|么|多少|标准)/,
  /(能不能|可不可以|可以|能否|能)[^，。？！]{0,10}(报销|提取|领取?|补缴|补办|转移|异地|办理|申请|享受|用来|用于|给家里人用)/,
  /(符合|满足)[^，。？！]{0,6}条件/,
  /(咨询|请问|想问|想了解|想知道)[^，。？！]{0,20}(政策|怎么|如何|流程|手续|条件|材料|能不能|可不可以)/,
]

export function procedureCues(text: string): string[] {
  const cues: string[] = []
  for (const pattern of PROCEDURE) {
    const m = text.match(pattern)
    if (m) cues.push(m[0])
  }
  return [...new Set(cues)]
}

