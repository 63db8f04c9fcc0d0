// 个人信息保护说明: what is collected, why, who sees it, how long it is kept, how phone numbers
// are protected, and how to see or delete one's data. Plain words for older readers.
import type { PropsWithChildren } from 'react'
import { View } from '@tarojs/components'
import { Button, Card, Page } from '../../components'
import { ContactStaffRow } from '../../features/a11y/ContactStaffRow'
import { WechatPrivacyCard } from '../../features/privacy/components/WechatPrivacyCard'
import { goBackOr, PAGES } from '../../services/navigation'
import './index.scss'

function Section({ no, title, children }: PropsWithChildren<{ no: string; title: string }>) {
  return (
    <Card className='privacy-page__section'>
      <View className='privacy-page__heading'>
        <View className='privacy-page__no'>{no}</View>
        {title}
      </View>
      {children}
    </Card>
  )
}

function Item({ label, children }: PropsWithChildren<{ label?: string }>) {
  return (
    <View className='privacy-page__item'>
      <View className='privacy-page__bullet'>•</View>
      <View className='privacy-page__item-text'>
        {label ? <View className='privacy-page__label'>{label}</View> : null}
        {children}
      </View>
    </View>
  )
}

export default function PrivacyPage() {
  return (
    <Page testId='page-privacy'>
      <View className='privacy-page__title'>民意通个人信息保护说明</View>
      <View className='privacy-page__intro'>
        民意通由本区人大常委会及其设立的人大代表之家、代表联络站（下面简称“我们”）用来收集和办理群众意见。我们只收集办理您反映的问题所必需的信息，并依照《中华人民共和国个人信息保护法》保护这些信息。
      </View>

      <WechatPrivacyCard />

      <Section no='一' title='我们收集哪些信息'>
        <Item label='您反映的内容'>问题类别、反映内容，以及您选填的地点。</Item>
        <Item label='联系电话（选填）'>只有您自己填写时才收集。不填也可以正常提交。</Item>
        <Item label='微信身份标识'>
          微信为每位用户分配的编号（OpenID），用来确认民意是您本人提交的，让您能查看进度、收到通知。我们不获取您的微信昵称、头像和通讯录。
        </Item>
        <Item label='评价和通知设置'>您对办理结果的评价、意见，以及您同意接收的微信通知。</Item>
      </Section>

      <Section no='二' title='为什么收集'>
        <Item>受理、转办和答复您反映的问题，并把办理进度和答复告诉您。</Item>
        <Item>需要核实情况时，工作人员或代表可以打电话联系您。</Item>
        <Item>把同类问题汇总起来，作为人大代表提出议案、建议的素材。汇总时不包含您的电话和微信身份标识。</Item>
        <Item>这些信息不会用于办理民意以外的用途，也不会用于商业推广。</Item>
      </Section>

      <Section no='三' title='谁能看到'>
        <Item label='您本人'>可以随时查看自己提交的全部内容和办理进度。</Item>
        <Item label='家站点和人大机关的工作人员'>为办理需要查看反映内容和电话。查看完整电话时，系统会记录是谁、在什么时候查看的。</Item>
        <Item label='处理此事的人大代表'>可以看到反映内容；只有您打开了“允许代表查看我的电话”，代表才能看到您的电话。</Item>
        <Item label='承办单位'>转办时，只收到办理所需的反映内容；需要联系您时，由工作人员转告。</Item>
        <Item>除法律法规另有规定外，我们不会向其他单位或个人提供、公开您的个人信息。</Item>
      </Section>

      <Section no='四' title='保存多久'>
        <Item>
          您反映的民意在<View className='privacy-page__em'>办结（或不予受理）之日起保存3年</View>，用于复查、督办和统计。
        </Item>
        <Item>
          <View className='privacy-page__em'>电话号码在民意办结（或不予受理、并案）之日起24个月后自动删除</View>，办理中的民意不受影响。
        </Item>
        <Item>3年期满后，我们会删除您的微信身份标识，或将记录作匿名化处理（只保留无法识别到个人的内容用于统计）。</Item>
        <Item>法律、行政法规规定了更长保存期限的，按照规定执行。</Item>
      </Section>

      <Section no='五' title='电话号码怎样保护'>
        <Item label='加密保存'>电话号码加密后才保存，即使数据被复制，也看不到真实号码。</Item>
        <Item label='打码显示'>页面上只显示为 138****1234 的样子。</Item>
        <Item label='查看留痕'>工作人员查看完整号码，每一次都会被记录。</Item>
        <Item label='专事专用'>只用于联系您办理本件民意。</Item>
      </Section>

      <Section no='六' title='怎样查看、更正或删除您的信息'>
        <Item label='查看'>打开“我的”→“个人信息”，就能看到平台保存的关于您的全部信息：电话（打码显示，再次确认后可看完整号码）、民意、附议、预约、消息、同意记录，以及工作人员每一次查看您电话的记录。</Item>
        <Item label='复制（导出）'>在“个人信息”页点“导出为 PDF”或“导出为 JSON”。</Item>
        <Item label='注销并删除'>在“个人信息”页点“注销并删除”：删除您的电话、姓名和微信身份的关联，取消尚未开始的预约；您反映过的民意作为匿名记录保留。</Item>
        <Item label='更正、补充或删除，按下面三步办'>
          <View className='privacy-page__steps'>
            <View className='privacy-page__step'>第一步：记下您的民意编号（例如 MY20261122-0007）。</View>
            <View className='privacy-page__step'>
              第二步：联系您提交时所选的代表之家或联络站（电话和地址在家站点页面上），也可以在民情接待日当面提出，或联系区人大常委会办公室。
            </View>
            <View className='privacy-page__step'>第三步：工作人员核实是您本人后，在15个工作日内办理，并把结果告诉您。</View>
          </View>
        </Item>
        <Item label='撤回同意'>您可以随时撤回对使用电话号码的同意：在“个人信息”页点“撤回同意，删除我的电话”，或按上面的办法联系工作人员。删除或撤回后，正在办理的事项可能无法再电话联系您。</Item>
      </Section>

      <Section no='七' title='有疑问怎么办'>
        <Item>对个人信息的处理有疑问或投诉，可以联系您所在家站点的工作人员，或向区人大常委会办公室反映，我们会在15个工作日内答复。</Item>
      </Section>

      <View className='privacy-page__updated'>本说明自2026年11月起施行。</View>
      <Button kind='secondary' block onClick={() => goBackOr(PAGES.home)}>
        我知道了，返回
      </Button>
      <ContactStaffRow />
    </Page>
  )
}
