// 海报打印: pick a station (民意码) or one of its deputies (代表码), see the A4 poster's preview and
// download the PDF to print. The server draws both from one layout (application/posters).
import { useState } from 'react'
import { Image, View } from '@tarojs/components'
import type { PosterView } from '@minyi/types'
import { Button, Card, ChoiceChips, ErrorText, Field, Loading, Notice, Page, SectionTitle } from '../../../components'
import { deputyPoster, stationPoster } from '../../../features/accounts/api'
import { saveFile } from '../../../services/saveFile'
import { getStation, listStations } from '../../../features/stations/api'
import { useLoader } from '../../../hooks/useLoader'
import { errorMessage } from '../../../services/api'
import './index.scss'

export default function PostersPage() {
  const stations = useLoader(listStations, [])
  const [stationCode, setStationCode] = useState<string | null>(null)
  const station = useLoader(stationCode ? () => getStation(stationCode) : null, [stationCode])
  const [poster, setPoster] = useState<PosterView | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const show = async (load: () => Promise<PosterView>) => {
    setBusy(true)
    setError(null)
    try {
      setPoster(await load())
    } catch (e) {
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Page testId='page-admin-posters'>
      <View className='posters'>
        <View className='posters__pick'>
          <Card>
            <SectionTitle>选择家站点</SectionTitle>
            {stations.data ? (
              <ChoiceChips
                options={stations.data.map((s) => ({ value: s.code, label: s.name.replace(/^.*?区/, '') }))}
                value={stationCode}
                onChange={(code) => {
                  setStationCode(code)
                  setPoster(null)
                }}
                columns={2}
                size='small'
                testId='poster-station'
              />
            ) : (
              <Loading />
            )}
            {station.data ? (
              <View>
                <Button size='large' testId='poster-station-preview' loading={busy} onClick={() => void show(() => stationPoster(station.data!.id))}>
                  预览民意码海报
                </Button>
                {station.data.deputies.length ? (
                  <Field label='代表码海报'>
                    <View className='posters__deputies'>
                      {station.data.deputies.map((d) => (
                        <Button key={d.id} size='small' kind='secondary' testId={`poster-deputy-${d.code}`} onClick={() => void show(() => deputyPoster(d.id))}>
                          {d.name}
                        </Button>
                      ))}
                    </View>
                  </Field>
                ) : null}
              </View>
            ) : null}
            {error ? <ErrorText>{error}</ErrorText> : null}
          </Card>
        </View>
        <View className='posters__preview'>
          {busy ? <Loading text='正在生成海报…' /> : null}
          {poster && !busy ? (
            <Card testId='poster-preview'>
              <SectionTitle>{poster.title}</SectionTitle>
              <Image className='posters__image' src={poster.previewDataUrl} mode='widthFix' ariaLabel={poster.lines.join('，')} />
              <Button size='large' testId='poster-download' onClick={() => void saveFile({ fileName: poster.fileName, base64: poster.pdfBase64, contentType: 'application/pdf' })}>
                下载 PDF（A4 打印）
              </Button>
            </Card>
          ) : null}
          {!poster && !busy ? <Notice tone='info'>选择家站点后，可预览并下载民意码海报和代表码海报。</Notice> : null}
        </View>
      </View>
    </Page>
  )
}
