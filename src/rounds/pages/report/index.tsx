// A round's report: items checked, failed, fixed on the spot and still open, per floor, and its PDF.
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { DevPersonaBar } from '../../../components/DevPersonaBar'
import { StateView } from '../../../components/StateView'
import { useRequest } from '../../../hooks/use-request'
import { call, messageOf } from '../../../services'
import '../../parts/rounds.scss'

export default function RoundReportPage(): JSX.Element {
  const { params } = useRouter()
  const id = params.id ?? ''
  const [persona, setPersona] = useState(0)
  const [pdfError, setPdfError] = useState<string>()
  const [busy, setBusy] = useState(false)
  const report = useRequest(() => call('rounds', 'report', { id }), [id, persona])
  const d = report.data

  const pdf = async () => {
    setBusy(true)
    setPdfError(undefined)
    try {
      const file = await call('admin', 'rounds.pdf', { id })
      if (process.env.TARO_ENV === 'h5') window.open(file.url, '_blank')
      else {
        const { tempFilePath } = await Taro.downloadFile({ url: file.url })
        await Taro.openDocument({ filePath: tempFilePath, fileType: 'pdf' })
      }
    } catch (e) {
      setPdfError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className="page round-report-page">
      <DevPersonaBar onChange={() => setPersona((n) => n + 1)} />
      <StateView
        loading={report.loading && !d}
        error={report.error}
        onRetry={() => void report.reload()}
      />
      {d && (
        <>
          <View className="section round-head">
            <Text className="round-title">
              {d.round.buildingName} · {d.round.templateName}
            </Text>
            <Text className="muted">
              {d.round.date} · 带队 {d.round.leader.name} · {d.round.statusLabel}
            </Text>
            <Text className="round-report-totals">
              共检查 {d.totals.checked} 项，发现隐患 {d.totals.failed} 项，立行立改{' '}
              {d.totals.fixedOnSpot} 项，尚未整改 {d.totals.stillOpen} 项
            </Text>
            <Button className="round-pdf" loading={busy} onClick={() => void pdf()}>
              导出 PDF
            </Button>
            {pdfError && <Text className="round-error">{pdfError}</Text>}
          </View>
          <View className="section">
            {d.floors.map((f) => (
              <View key={f.floorId} className="round-row round-report-floor">
                <Text className="round-item-text">
                  {f.floorName}：已查 {f.checked}/{f.items}，不合格 {f.failed}，立行立改{' '}
                  {f.fixedOnSpot}，未整改 {f.stillOpen}
                </Text>
                {f.findings.map((x) => (
                  <Text
                    key={x.ticketId}
                    className="link round-finding"
                    onClick={() =>
                      void Taro.navigateTo({ url: `/pages/ticket/index?id=${x.ticketId}` })
                    }
                  >
                    · {x.itemText}（{x.grade === 'major' ? '重大' : '一般'}）{x.statusLabel}
                  </Text>
                ))}
              </View>
            ))}
          </View>
        </>
      )}
    </View>
  )
}
