// A 重大 hazard's 五定 plan (or what it still lacks) and its sign-offs (销号) on the ticket page.
import { View, Text } from '@tarojs/components'
import type { TicketView } from '../../../../types/api/ticket'
import { deadlineText } from '../../../../types/deadline'

/** The plan and sign-offs of a 重大 hazard; nothing for a general one. */
export function MajorFacts({ ticket }: { ticket: TicketView }): JSX.Element | null {
  if (ticket.grade !== 'major') return null
  const plan = ticket.majorPlan
  return (
    <View className="section ticket-major">
      <Text className="section-title">五定整改方案</Text>
      {plan ? (
        <View className="ticket-major-plan">
          <Text className="ticket-major-line">定责任：{plan.responsibleName}</Text>
          <Text className="ticket-major-line">定措施：{plan.measures}</Text>
          <Text className="ticket-major-line">定资金：{plan.funds} 元</Text>
          <Text className="ticket-major-line">定时限：{deadlineText(plan.deadline, true)}</Text>
          <Text className="ticket-major-line">定预案：{plan.contingency}</Text>
          <Text className="muted">由 {plan.by} 制定</Text>
        </View>
      ) : null}
      {ticket.planMissing.length > 0 && (
        <Text className="ticket-major-missing">
          尚缺：{ticket.planMissing.join('、')}（方案齐全后才能限期整改）
        </Text>
      )}
      <Text className="section-title ticket-major-signoffs-title">销号签字</Text>
      {ticket.signoffs.length === 0 && (
        <Text className="muted">整改完成后由安全办和院领导分别签字销号</Text>
      )}
      {ticket.signoffs.map((s) => (
        <Text key={s.side} className={`ticket-major-signoff ticket-major-signoff-${s.side}`}>
          {s.sideLabel} {s.name}：{s.opinion}
        </Text>
      ))}
    </View>
  )
}
