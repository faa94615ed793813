// H5 + emulator only: pick which staff member the browser acts as. Never compiled into weapp.
import { useEffect, useState } from 'react'
import { View, Text, Picker } from '@tarojs/components'
import { choosePersona, currentPersona, listPersonas, type Persona } from '../services/persona'

const FALLBACK: Persona[] = [
  { openid: 'demo-staff', name: '演示上报人', label: '员工 · 上报人' },
  { openid: 'demo-floor-captain', name: '演示层长', label: '层长' },
]

function PersonaBar({ onChange }: { onChange?: (openid: string) => void }): JSX.Element | null {
  const [personas, setPersonas] = useState<Persona[]>([])
  const [openid, setOpenid] = useState(currentPersona())
  useEffect(() => {
    listPersonas()
      .then((list) => setPersonas(list.length ? list : FALLBACK))
      .catch(() => setPersonas(FALLBACK))
  }, [])
  const index = Math.max(0, personas.findIndex((p) => p.openid === openid))
  const current = personas.find((p) => p.openid === openid)
  return (
    <View className="dev-persona-bar">
      <Picker
        mode="selector"
        range={personas.map((p) => `${p.name}（${p.label ?? p.role ?? ''}）`)}
        value={index}
        onChange={(e) => {
          const next = personas[Number(e.detail.value)]
          if (!next) return
          choosePersona(next.openid)
          setOpenid(next.openid)
          onChange?.(next.openid)
        }}
      >
        <View className="dev-persona-current">
          <Text className="dev-persona-label">演示身份：</Text>
          <Text className="dev-persona-name">{current ? `${current.name} · ${current.label ?? current.role ?? ''}` : '点此选择'}</Text>
          <Text className="dev-persona-switch">切换 ▾</Text>
        </View>
      </Picker>
    </View>
  )
}

/** A thin bar at the top of every H5 page showing and switching the dev persona (nothing on weapp). */
export const DevPersonaBar: typeof PersonaBar = process.env.TARO_ENV === 'h5' ? PersonaBar : () => null
