// H5 + emulator only: pick which staff member the browser acts as. Never compiled into weapp. A
// deployed H5 app shows the PC's own sign-in and 退出 in its place.
import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import { choosePersona, currentPersona, type Persona } from '../services/persona'
import { listPersonas } from '../services/h5-stand-in'
import { webSdkTarget } from '../services/web-mode'
import { PcAccountBar } from './PcAccountBar'

const FALLBACK: Persona[] = [
  { openid: 'demo-staff', name: '演示上报人', label: '员工 · 上报人' },
  { openid: 'demo-floor-captain', name: '演示层长', label: '层长' },
]

function PersonaBar({ onChange }: { onChange?: (openid: string) => void }): JSX.Element {
  const [personas, setPersonas] = useState<Persona[]>([])
  const [openid, setOpenid] = useState(currentPersona())
  const [open, setOpen] = useState(false)
  useEffect(() => {
    listPersonas()
      .then((list) => setPersonas(list.length ? list : FALLBACK))
      .catch(() => setPersonas(FALLBACK))
  }, [])
  const current = personas.find((p) => p.openid === openid)
  return (
    <View className="dev-persona-bar">
      <View className="dev-persona-current" onClick={() => setOpen(!open)}>
        <Text className="dev-persona-label">演示身份：</Text>
        <Text className="dev-persona-name">
          {current ? `${current.name} · ${current.label ?? current.role ?? ''}` : '点此选择'}
        </Text>
        <Text className="dev-persona-switch">{open ? '收起 ▴' : '切换 ▾'}</Text>
      </View>
      {open && (
        <View className="dev-persona-list">
          {personas.map((p) => (
            <View
              key={p.openid}
              className={`dev-persona-option ${p.openid === openid ? 'dev-persona-option-active' : ''}`}
              onClick={() => {
                choosePersona(p.openid)
                setOpenid(p.openid)
                setOpen(false)
                onChange?.(p.openid)
              }}
            >
              <Text className="dev-persona-option-name">{p.name}</Text>
              <Text className="muted">{p.label ?? p.role ?? ''}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}

function H5Bar(props: { onChange?: (openid: string) => void }): JSX.Element {
  return webSdkTarget() ? <PcAccountBar /> : <PersonaBar {...props} />
}

/** A thin bar at the top of every H5 page showing and switching the dev persona (nothing on weapp). */
export const DevPersonaBar: typeof PersonaBar =
  process.env.TARO_ENV === 'h5' ? H5Bar : () => null as unknown as JSX.Element
